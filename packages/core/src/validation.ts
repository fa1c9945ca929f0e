// Checks a parsed body against one documented response, and the typed
// `validateResponse` each API package exports from `./validators`. Also the
// entry `@credstat/core/validation`: the packages' `./validators` import it
// alone, so loading them does not load the client runtime and openapi-fetch.
import {
  type ApiDescriptor,
  type CompiledValidatorError,
  documentedResponse,
  type ResponseDescriptor,
} from './descriptor.js';
import type { ResponseBody } from './types.js';

export interface ValidationIssue {
  /** JSON Pointer into the body ('' is the body itself). */
  path: string;
  message: string;
}

export type ValidationResult<T = unknown> =
  | { ok: true; value: T }
  | { ok: false; issues: ValidationIssue[] };

function describe(error: CompiledValidatorError): string {
  const { keyword, params, message = 'is invalid' } = error;
  if (keyword === 'discriminator' && params.tag !== undefined) {
    return params.tagValue === undefined
      ? `must have the discriminator "${String(params.tag)}"`
      : `"${String(params.tag)}" has unknown value ${JSON.stringify(params.tagValue)}`;
  }
  if (keyword === 'additionalProperties')
    return `${message}: "${String(params.additionalProperty)}"`;
  if (keyword === 'enum' || keyword === 'const') {
    const allowed = (params.allowedValues as unknown[] | undefined) ?? [params.allowedValue];
    return `${message}: ${allowed.map((value) => JSON.stringify(value)).join(', ')}`;
  }
  return message;
}

const fail = (message: string): ValidationResult => ({
  ok: false,
  issues: [{ path: '', message }],
});

/** Checks an already-parsed body against one documented response. */
export function validateBody(response: ResponseDescriptor, body: unknown): ValidationResult {
  if (response.body === 'empty') {
    return body === undefined || body === ''
      ? { ok: true, value: undefined }
      : fail('must be empty: this status has no documented body');
  }
  // Unspecified (`*/*`): any body, or none, is what the API documents.
  if (response.body === 'any') return { ok: true, value: body };
  if (body === undefined) return fail('body is missing');
  const { validate } = response;
  if (!validate || validate(body)) {
    const { checks } = response;
    if (checks === undefined || checks.length === 0) return { ok: true, value: body };
    const issues = checks.flatMap((check) => check(body));
    return issues.length === 0 ? { ok: true, value: body } : { ok: false, issues };
  }
  const issues = (validate.errors ?? []).map((error) => ({
    path: error.instancePath,
    message: describe(error),
  }));
  return issues.length > 0 ? { ok: false, issues } : fail('is invalid');
}

function validateResponseWith(
  api: ApiDescriptor,
  operationId: string,
  status: number,
  body: unknown,
): ValidationResult {
  const operation = api.operations[operationId];
  if (!operation) return fail(`unknown operation "${operationId}" in ${api.name}`);
  const response = documentedResponse(operation, status);
  if (!response) return fail(`status ${status} is not documented for ${operationId}`);
  return validateBody(response, body);
}

export type ResponseValidator<Ops> = <K extends keyof Ops & string, S extends number>(
  operationId: K,
  status: S,
  body: unknown,
) => ValidationResult<ResponseBody<Ops[K], S>>;

export function createResponseValidator<Ops>(api: ApiDescriptor): ResponseValidator<Ops> {
  return (operationId, status, body) =>
    validateResponseWith(api, operationId, status, body) as ValidationResult<never>;
}

// What a package's `./validators` needs besides the above, from this entry.
export { withResponseChecks } from './descriptor.js';
