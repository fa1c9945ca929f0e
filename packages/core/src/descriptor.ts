import type { ValidationIssue } from './validation.js';

// What the generator tells the runtime about an API (see src/generated/api.gen.ts
// in every API package). Everything in core is driven by this data, never by
// knowledge of a particular API.

/** A pre-compiled (ajv standalone) validator: no schema is compiled at run time. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: readonly CompiledValidatorError[] | null;
}

export interface CompiledValidatorError {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
}

/**
 * A rule beside the schema that JSON Schema cannot express (e.g. DCQL's unique
 * credential ids): the issues it finds in a body the schema already accepted.
 */
export type ResponseCheck = (body: unknown) => readonly ValidationIssue[];

export interface ResponseDescriptor {
  /**
   * `empty`: the API documents no body (e.g. FortID 401/403). `text`: a raw
   * media type such as `application/statuslist+jwt`, passed on as a string.
   * `any`: the API says nothing about it (a wildcard media type, e.g. iSHARE's 404): none is
   * `undefined`, JSON is parsed, anything else stays text.
   */
  readonly body: 'json' | 'text' | 'any' | 'empty';
  readonly validate?: CompiledValidator;
  /** Checks beside the schema, added by the API package (see `withResponseChecks`). */
  readonly checks?: readonly ResponseCheck[];
  /** The API documents this status as "retry later" (e.g. GOV.UK 409). */
  readonly retryable?: boolean;
}

export interface OperationDescriptor {
  readonly method: string;
  readonly path: string;
  /**
   * The server this operation lives on when it is not the API's (path-level
   * `servers`, e.g. GOV.UK's public status lists). Such an operation sends no
   * credential; a call's own `baseUrl` still wins.
   */
  readonly baseUrl?: string;
  /** The media types of its success bodies, sent as `Accept` by operation functions. */
  readonly accept?: string;
  /**
   * Why repeating this non-GET operation is safe (`x-credstat-idempotent` in the
   * spec). Only a GET or an operation with a reason here is ever retried.
   */
  readonly idempotent?: string;
  /** This operation's credential; `null` sends none; absent means the API's `auth`. */
  readonly auth?: AuthDescriptor | null;
  /** How a request body is sent: JSON, or raw text such as `application/jwt`. */
  readonly requestBody?: { readonly mediaType: string; readonly required: boolean };
  /** Checks `{ path, query }` against the parameters' schemas before anything is sent. */
  readonly validateParams?: CompiledValidator;
  /** Keyed by status code, `1XX`–`5XX` range or `default`, as in the spec. */
  readonly responses: Readonly<Record<string, ResponseDescriptor>>;
}

export type AuthDescriptor =
  | { readonly type: 'apiKey'; readonly header: string }
  | { readonly type: 'bearer' };

export interface ApiDescriptor {
  readonly name: string;
  readonly baseUrl: string;
  /** The credential a client of this API takes (every operation that needs one uses it). */
  readonly auth: AuthDescriptor | null;
  readonly operations: Readonly<Record<string, OperationDescriptor>>;
}

function lookUpResponse(
  operation: OperationDescriptor,
  status: number,
): ResponseDescriptor | undefined {
  const { responses } = operation;
  return responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
}

// Each (operation, status) is looked up once: every response that is checked
// asks, and on small bodies the string keys cost more than the check itself.
const resolvedResponses = new WeakMap<
  OperationDescriptor,
  Map<number, ResponseDescriptor | undefined>
>();

/** The documented response for a status: exact code first, then `4XX`, then `default`. */
export function documentedResponse(
  operation: OperationDescriptor,
  status: number,
): ResponseDescriptor | undefined {
  let byStatus = resolvedResponses.get(operation);
  if (byStatus === undefined) {
    byStatus = new Map();
    resolvedResponses.set(operation, byStatus);
  }
  if (byStatus.has(status)) return byStatus.get(status);
  const response = lookUpResponse(operation, status);
  // Only real HTTP statuses are kept: the map cannot grow without bound.
  if (Number.isInteger(status) && status >= 100 && status <= 599) byStatus.set(status, response);
  return response;
}

/** A GET, or an operation the spec marks as safe to repeat. */
export function isRepeatable(operation: OperationDescriptor): boolean {
  return operation.method === 'GET' || Boolean(operation.idempotent);
}

export interface ResolvedOperation {
  readonly operationId: string;
  readonly operation: OperationDescriptor;
  /** Path parameter names, in template order. */
  readonly pathParams: readonly string[];
  /** The template split around its parameters: `pathParams.length + 1` literal parts. */
  readonly pathParts: readonly string[];
  /** Every parameter is a plain `{name}` (simple style, no `*`, `.` or `;`). */
  readonly simplePath: boolean;
}

/** Operations keyed by `METHOD path-template`, resolved once per client. */
export function operationsByRoute(api: ApiDescriptor): Map<string, ResolvedOperation> {
  const routes = new Map<string, ResolvedOperation>();
  for (const [operationId, operation] of Object.entries(api.operations)) {
    const pieces = operation.path.split(/\{([^{}]+)\}/);
    const pathParams = pieces.filter((_, index) => index % 2 === 1);
    const pathParts = pieces.filter((_, index) => index % 2 === 0);
    routes.set(`${operation.method} ${operation.path}`, {
      operationId,
      operation,
      pathParams,
      pathParts,
      simplePath: pathParams.every((name) => /^[\w-]+$/.test(name)),
    });
  }
  return routes;
}

/**
 * The descriptor with checks added beside the schema of some responses, keyed
 * `operationId status` (e.g. `'getVerifySessionStatus 200'`). The client and
 * `validateResponse` built from it run them after the schema passes.
 */
export function withResponseChecks<A extends ApiDescriptor>(
  api: A,
  checks: Readonly<Record<string, ResponseCheck>>,
): A {
  const operations: Record<string, OperationDescriptor> = { ...api.operations };
  for (const [key, check] of Object.entries(checks)) {
    const [operationId = '', status = ''] = key.split(' ');
    const operation = operations[operationId];
    const response = operation?.responses[status];
    if (!operation || !response) throw new Error(`${api.name} documents no response ${key}`);
    operations[operationId] = {
      ...operation,
      responses: {
        ...operation.responses,
        [status]: { ...response, checks: [...(response.checks ?? []), check] },
      },
    };
  }
  return { ...api, operations };
}
