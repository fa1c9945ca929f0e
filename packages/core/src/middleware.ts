// The openapi-fetch middleware every credstat client installs: it tags each
// request with its operationId (for the transport's retry rules) and checks
// each final response against the spec.
import type { Middleware } from 'openapi-fetch';
import { type ApiDescriptor, findOperation } from './descriptor.js';
import { CredstatError } from './errors.js';
import { safeUrl } from './redact.js';
import { type CheckOptions, checkResponse } from './response-check.js';
import { attemptsOf, OPERATION_HEADER } from './transport.js';

export function credstatMiddleware(api: ApiDescriptor, options: CheckOptions): Middleware {
  return {
    onRequest({ request, schemaPath }) {
      const found = findOperation(api, request.method, schemaPath);
      if (found) request.headers.set(OPERATION_HEADER, found[0]);
      return undefined;
    },
    async onResponse({ request, response, schemaPath }) {
      const found = findOperation(api, request.method, schemaPath);
      if (!found) return undefined;
      const [operationId, operation] = found;
      const context = {
        operationId,
        method: request.method,
        url: safeUrl(request.url),
        attempts: attemptsOf(response),
      };
      checkResponse(operation, response.status, await response.clone().text(), context, options);
      return undefined;
    },
    onError({ error }) {
      // Transport errors are already typed; anything else passes through as is.
      return error instanceof CredstatError ? error : undefined;
    },
  };
}
