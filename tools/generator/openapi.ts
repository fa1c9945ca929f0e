// The slice of OpenAPI 3.1 the generator reads, and walking it by operation.
import { type MatchedOperation, matchOperation } from '../lib/match.ts';

export type JsonSchema = Record<string, unknown>;

export interface MediaType {
  schema?: JsonSchema;
}

export interface ResponseObject {
  $ref?: string;
  description?: string;
  content?: Record<string, MediaType>;
  /** credstat extension: the API documents this status as "retry later". */
  'x-credstat-retryable'?: boolean;
}

export interface ParameterObject {
  $ref?: string;
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
  description?: string;
}

export interface RequestBodyObject {
  $ref?: string;
  required?: boolean;
  content?: Record<string, MediaType>;
}

/** `x-credstat-session`: how a session's status is read and waited on. */
export interface SessionExtension {
  /** Names the status type (`<Name>Status`). */
  name: string;
  /** The body member that holds the status. */
  field: string;
  /** Documented statuses meaning "expired" (e.g. FortID's 410). */
  expired?: number[];
  /** Documented statuses meaning "gone, or never was" (e.g. 404). */
  gone?: number[];
  /** Named waits on this operation, each with its pending and terminal statuses. */
  waits: Record<string, { pending: string[]; terminal: string[] }>;
}

export interface OperationObject {
  operationId?: string;
  summary?: string;
  parameters?: ParameterObject[];
  requestBody?: RequestBodyObject;
  responses?: Record<string, ResponseObject>;
  security?: Record<string, string[]>[];
  /** credstat extension: why repeating this non-GET operation is safe. */
  'x-credstat-idempotent'?: string;
  'x-credstat-session'?: SessionExtension;
  servers?: { url: string }[];
}

export interface SecurityScheme {
  type: string;
  in?: string;
  name?: string;
  scheme?: string;
}

export interface OpenApiDocument {
  openapi: string;
  servers?: { url: string }[];
  security?: Record<string, string[]>[];
  paths?: Record<
    string,
    Record<string, OperationObject> & {
      parameters?: ParameterObject[];
      servers?: { url: string }[];
    }
  >;
  components?: {
    schemas?: Record<string, JsonSchema>;
    responses?: Record<string, ResponseObject>;
    parameters?: Record<string, ParameterObject>;
    requestBodies?: Record<string, RequestBodyObject>;
    securitySchemes?: Record<string, SecurityScheme>;
  };
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Follows a local `#/components/<kind>/<name>` reference left by the bundler. */
export function resolveRef<T extends { $ref?: string }>(document: OpenApiDocument, value: T): T {
  if (!value.$ref) return value;
  const [, kind, name] = /^#\/components\/(\w+)\/(.+)$/.exec(value.$ref) ?? [];
  const target =
    kind && name
      ? (document.components as Record<string, Record<string, T>> | undefined)?.[kind]?.[name]
      : undefined;
  if (!target) throw new Error(`Unresolved reference ${value.$ref}`);
  return resolveRef(document, target);
}

/** An operation's parameters with the path item's, references resolved; the operation's win. */
export function parametersOf(document: OpenApiDocument, entry: OperationEntry): ParameterObject[] {
  const byKey = new Map<string, ParameterObject>();
  for (const raw of [...entry.pathParameters, ...(entry.operation.parameters ?? [])]) {
    const parameter = resolveRef(document, raw);
    byKey.set(`${parameter.in} ${parameter.name}`, parameter);
  }
  return [...byKey.values()];
}

export interface OperationEntry {
  operationId: string;
  method: string;
  path: string;
  operation: OperationObject;
  /** Parameters declared on the path item, shared by its operations. */
  pathParameters: ParameterObject[];
  /** The server of this operation when it is not the API's (operation or path item `servers`). */
  server: string | undefined;
}

export function listOperations(document: OpenApiDocument): OperationEntry[] {
  const entries: OperationEntry[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item[method] as OperationObject | undefined;
      if (!operation) continue;
      if (!operation.operationId)
        throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      entries.push({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        path,
        operation,
        pathParameters: item.parameters ?? [],
        server: (operation.servers ?? item.servers)?.[0]?.url,
      });
    }
  }
  return entries;
}

/** Operations keyed by operationId, as `matchOperation` takes them. */
export function operationsById(document: OpenApiDocument): Record<string, OperationEntry> {
  return Object.fromEntries(listOperations(document).map((entry) => [entry.operationId, entry]));
}

/**
 * `matchOperation` over `routes` for many URLs: each URL is tried only against
 * the operations whose literal path parts all occur in it (a template cannot
 * match without them), so the answer is the same without compiling every
 * template for every URL: linear in the fixtures, not fixtures × operations.
 */
export function routeMatcher(
  routes: Record<string, OperationEntry>,
): (method: string, url: string) => MatchedOperation | undefined {
  const indexed = Object.entries(routes).map(([operationId, route]) => ({
    operationId,
    route,
    method: route.method.toUpperCase(),
    literals: route.path.split(/\{[^}]+\}/).filter(Boolean),
  }));
  return (method, url) => {
    const { pathname } = new URL(url);
    const wanted = method.toUpperCase();
    const candidates: Record<string, OperationEntry> = {};
    for (const { operationId, route, method: own, literals } of indexed) {
      if (own === wanted && literals.every((part) => pathname.includes(part)))
        candidates[operationId] = route;
    }
    return matchOperation(candidates, method, url);
  };
}

/** Follows a `#/components/responses/…` reference left by the bundler. */
export function resolveResponse(
  document: OpenApiDocument,
  response: ResponseObject,
): ResponseObject {
  return resolveRef(document, response);
}

/** The wildcard media type, "any or none": the API says nothing about the body, or whether there is one. */
export const ANY_MEDIA_TYPE = /^\*\/\*$/;

/** The media type a response body is checked as: JSON first, else its only other one. */
export function bodyMediaType(response: ResponseObject): [string, MediaType] | undefined {
  return jsonMediaType(response) ?? Object.entries(response.content ?? {})[0];
}

/** The JSON media type of a response, if it has one. */
export function jsonMediaType(response: ResponseObject): [string, MediaType] | undefined {
  return Object.entries(response.content ?? {}).find(([type]) =>
    /^application\/([\w.+-]+\+)?json/.test(type),
  );
}
