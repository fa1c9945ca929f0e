// The slice of OpenAPI 3.1 the generator reads, and walking it by operation.
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

export interface OperationObject {
  operationId?: string;
  responses?: Record<string, ResponseObject>;
  security?: Record<string, string[]>[];
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
  paths?: Record<string, Record<string, OperationObject>>;
  components?: {
    schemas?: Record<string, JsonSchema>;
    responses?: Record<string, ResponseObject>;
    securitySchemes?: Record<string, SecurityScheme>;
  };
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export interface OperationEntry {
  operationId: string;
  method: string;
  path: string;
  operation: OperationObject;
}

export function listOperations(document: OpenApiDocument): OperationEntry[] {
  const entries: OperationEntry[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      if (!operation.operationId)
        throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      entries.push({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        path,
        operation,
      });
    }
  }
  return entries;
}

/** Operations keyed by operationId, as `matchOperation` takes them. */
export function operationsById(document: OpenApiDocument): Record<string, OperationEntry> {
  return Object.fromEntries(listOperations(document).map((entry) => [entry.operationId, entry]));
}

/** Follows a `#/components/responses/…` reference left by the bundler. */
export function resolveResponse(
  document: OpenApiDocument,
  response: ResponseObject,
): ResponseObject {
  if (!response.$ref) return response;
  const name = response.$ref.replace('#/components/responses/', '');
  const target = document.components?.responses?.[name];
  if (!target) throw new Error(`Unresolved response reference ${response.$ref}`);
  return resolveResponse(document, target);
}

/** The JSON media type of a response, if it has one. */
export function jsonMediaType(response: ResponseObject): [string, MediaType] | undefined {
  return Object.entries(response.content ?? {}).find(([type]) =>
    /^application\/([\w.+-]+\+)?json/.test(type),
  );
}
