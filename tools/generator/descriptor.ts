// The runtime description of an API that @credstat/core works from: where it
// lives, how each operation authenticates, whether it is safe to repeat, how
// its request body is sent, and each documented response.
import { credentialFor } from '../lib/credential.ts';
import { type Auth, apiAuth, operationAuth } from './auth.ts';
import { isIdempotentReason, isRetryable, isSafeToRepeat } from './extensions.ts';
import type { OpenApiDocument, OperationEntry, ResponseObject } from './openapi.ts';
import {
  ANY_MEDIA_TYPE,
  bodyMediaType,
  jsonMediaType,
  listOperations,
  resolveRef,
  resolveResponse,
} from './openapi.ts';
import type { ValidatorSet } from './validators.ts';

type BodyKind = 'json' | 'text' | 'any' | 'empty';

function bodyKind(response: ResponseObject): BodyKind {
  if (jsonMediaType(response)) return 'json';
  const types = Object.keys(response.content ?? {});
  if (types.length === 0) return 'empty';
  return types.every((type) => ANY_MEDIA_TYPE.test(type)) ? 'any' : 'text';
}

/** What `Accept` says: the media types of the success responses (none for a wildcard). */
function acceptOf(document: OpenApiDocument, entry: OperationEntry): string | undefined {
  const types = new Set<string>();
  for (const [status, raw] of Object.entries(entry.operation.responses ?? {})) {
    if (!/^2/.test(status)) continue;
    for (const type of Object.keys(resolveResponse(document, raw).content ?? {}))
      if (!ANY_MEDIA_TYPE.test(type)) types.add(type);
  }
  return types.size > 0 ? [...types].join(', ') : undefined;
}

/** An operation on a server of its own (e.g. GOV.UK's public status lists) must send no credential. */
function serverOf(entry: OperationEntry, auth: Auth, where: string): string | undefined {
  if (entry.server === undefined) return undefined;
  if (auth !== null) {
    throw new Error(
      `${where}: it has servers of its own, so it must declare \`security: []\`: credentials go only to the client's baseUrl`,
    );
  }
  return entry.server;
}

/** The one media type a request body is sent as (JSON, or raw text such as `application/jwt`). */
function requestBodyOf(document: OpenApiDocument, entry: OperationEntry, where: string) {
  if (!entry.operation.requestBody) return undefined;
  const body = resolveRef(document, entry.operation.requestBody);
  const types = Object.keys(body.content ?? {});
  if (types.length !== 1) {
    throw new Error(`${where}: a request body needs exactly one media type (has ${types.length})`);
  }
  return { mediaType: types[0] as string, required: body.required === true };
}

/** Why repeating a non-GET is safe, or undefined; a `retryable` response demands one. */
function idempotentOf(entry: OperationEntry, where: string): string | undefined {
  const reason = entry.operation['x-credstat-idempotent'];
  if (reason !== undefined && !isIdempotentReason(reason)) {
    throw new Error(`${where}: x-credstat-idempotent must be the reason repeating it is safe`);
  }
  return reason;
}

export interface DescribedApi {
  source: string;
  /** Each operation's resolved credential (null: none), for the scaffold and contract tests. */
  auth: Auth;
  operationAuth: Map<string, Auth>;
}

/** The credential option of createClient, as a type: from the spec's security. */
function credentialsType(apiName: string, auth: Auth): string[] {
  const credential = credentialFor(apiName, auth);
  if (!credential) {
    return [
      '/** The API declares no security: createClient takes no credential. */',
      'export type ClientCredentials = Record<never, never>;',
    ];
  }
  return [
    "/** The credential createClient takes, as the spec's security declares it. */",
    'export interface ClientCredentials {',
    `  ${credential.doc}`,
    `  ${credential.option}: ${credential.type};`,
    '}',
  ];
}

export function emitDescriptor(
  apiName: string,
  specPath: string,
  document: OpenApiDocument,
  validators: ValidatorSet,
): DescribedApi {
  const operations: Record<string, unknown> = {};
  const validatorNames = new Set<string>();
  const auths = new Map<string, Auth>();
  const reference = (name: string) => {
    validatorNames.add(name);
    return `@@${name}@@`;
  };
  for (const entry of listOperations(document)) {
    const { operationId, method, path, operation } = entry;
    const where = `${specPath}: ${operationId}`;
    const auth = operationAuth(document, operation, where);
    auths.set(operationId, auth);
    const idempotent = idempotentOf(entry, where);
    const responses: Record<string, unknown> = {};
    for (const [status, raw] of Object.entries(operation.responses ?? {})) {
      const response = resolveResponse(document, raw);
      const body = bodyKind(response);
      const described: Record<string, unknown> = { body };
      if (body === 'json' || (body === 'text' && bodyMediaType(response)?.[1].schema)) {
        const name = validators.exports.get(`${operationId} ${status}`);
        if (!name) throw new Error(`no validator for ${operationId} ${status}`);
        described.validate = reference(name);
      }
      if (isRetryable(raw, response)) {
        if (!isSafeToRepeat(method, idempotent)) {
          throw new Error(
            `${where}: response ${status} is x-credstat-retryable, but ${method} is not safe to repeat; mark the operation x-credstat-idempotent with the reason`,
          );
        }
        described.retryable = true;
      }
      responses[status] = described;
    }
    const paramsValidator = validators.parameters.get(operationId);
    const server = serverOf(entry, auth, where);
    const accept = acceptOf(document, entry);
    operations[operationId] = {
      method,
      path,
      ...(server ? { baseUrl: server } : {}),
      auth,
      ...(accept ? { accept } : {}),
      ...(idempotent ? { idempotent } : {}),
      ...(operation.requestBody ? { requestBody: requestBodyOf(document, entry, where) } : {}),
      ...(paramsValidator ? { validateParams: reference(paramsValidator) } : {}),
      responses,
    };
  }
  const auth = apiAuth([...auths.values()], specPath);
  const descriptor = {
    name: apiName,
    baseUrl: document.servers?.[0]?.url ?? '',
    auth,
    operations,
  };
  // Validators are referenced by identifier, not inlined as JSON.
  const literal = JSON.stringify(descriptor, null, 2).replace(/"@@(\w+)@@"/g, '$1');
  const names = [...validatorNames].sort();
  const coreTypes = auth?.type === 'bearer' ? 'ApiDescriptor, TokenSource' : 'ApiDescriptor';
  const source = [
    `import type { ${coreTypes} } from '@credstat/core';`,
    names.length > 0 ? `import { ${names.join(', ')} } from './validators.gen.js';` : '',
    '',
    `export const api = ${literal} as const satisfies ApiDescriptor;`,
    '',
    ...credentialsType(apiName, auth),
    '',
  ]
    .filter((line, index) => line !== '' || index > 1)
    .join('\n');
  return { source, auth, operationAuth: auths };
}

export function emitValidatorDeclarations(names: Iterable<string>): string {
  const lines = ["import type { CompiledValidator } from '@credstat/core';", ''];
  for (const name of [...names].sort())
    lines.push(`export declare const ${name}: CompiledValidator;`);
  return `${lines.join('\n')}\n`;
}
