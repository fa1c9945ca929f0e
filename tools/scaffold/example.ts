// The example a new package's README shows and its readme test runs: the first
// operation with a documented 2xx JSON example, called with arguments taken from
// the spec's parameter examples.
import {
  type JsonSchema,
  jsonMediaType,
  listOperations,
  type OpenApiDocument,
  type OperationEntry,
  type ParameterObject,
  parametersOf,
  resolveRef,
  resolveResponse,
} from '../generator/openapi.ts';

export interface SpecExample {
  operationId: string;
  status: number;
  mediaType: string;
  body: unknown;
  /** The generated function's argument: path parameters by name, `query`, `body`. */
  args: Record<string, unknown>;
  /** The URL the call goes to, without its query string. */
  url: string;
  /** The query string the call sends, as `Object.fromEntries(searchParams)` reads it. */
  query: Record<string, string>;
}

type Example = { value: unknown } | undefined;

const isScalar = (value: unknown) => ['string', 'number', 'boolean'].includes(typeof value);

/** The value a parameter documents, if any (parameter, then schema). */
function documented(document: OpenApiDocument, parameter: ParameterObject): Example {
  const own = parameter as ParameterObject & {
    example?: unknown;
    examples?: Record<string, { value?: unknown }>;
  };
  if (own.example !== undefined) return { value: own.example };
  const named = Object.values(own.examples ?? {})[0]?.value;
  if (named !== undefined) return { value: named };
  const schema = parameter.schema ? resolveRef(document, parameter.schema as JsonSchema) : {};
  for (const value of [
    schema.example,
    (schema.examples as unknown[] | undefined)?.[0],
    schema.default,
    (schema.enum as unknown[] | undefined)?.[0],
    schema.const,
  ]) {
    if (value !== undefined) return { value };
  }
  return undefined;
}

/** A placeholder for a required parameter the spec gives no example for. */
function placeholder(document: OpenApiDocument, parameter: ParameterObject): unknown {
  const schema = parameter.schema ? resolveRef(document, parameter.schema as JsonSchema) : {};
  if (schema.type === 'integer' || schema.type === 'number')
    return (schema.minimum as number | undefined) ?? 1;
  if (schema.type === 'boolean') return true;
  if (schema.format === 'uuid') return '497f6eca-6276-4993-bfeb-53cbbbba6f08';
  return 'example';
}

function requestBodyExample(document: OpenApiDocument, entry: OperationEntry): Example {
  if (!entry.operation.requestBody) return { value: undefined };
  const body = resolveRef(document, entry.operation.requestBody);
  const media = Object.values(body.content ?? {})[0] as
    | { example?: unknown; examples?: Record<string, { value?: unknown }> }
    | undefined;
  const value = media?.example ?? Object.values(media?.examples ?? {})[0]?.value;
  if (value !== undefined) return { value };
  return body.required ? undefined : { value: undefined };
}

function call(document: OpenApiDocument, entry: OperationEntry) {
  const args: Record<string, unknown> = {};
  const query: Record<string, unknown> = {};
  let path = entry.path;
  for (const parameter of parametersOf(document, entry)) {
    if (parameter.in !== 'path' && parameter.in !== 'query') continue;
    const example = documented(document, parameter);
    if (parameter.in === 'path') {
      const value = example?.value ?? placeholder(document, parameter);
      args[parameter.name] = value;
      path = path.replace(`{${parameter.name}}`, encodeURIComponent(String(value)));
    } else if (parameter.required || (example && isScalar(example.value))) {
      query[parameter.name] = example?.value ?? placeholder(document, parameter);
    }
  }
  if (Object.keys(query).length > 0) args.query = query;
  const body = requestBodyExample(document, entry);
  if (!body) return undefined;
  if (body.value !== undefined) args.body = body.value;
  const sent = Object.fromEntries(
    Object.entries(query)
      .filter(([, value]) => isScalar(value))
      .map(([name, value]) => [name, String(value)]),
  );
  return { args, path, query: sent };
}

export function exampleCall(document: OpenApiDocument): SpecExample {
  const server = (document.servers?.[0]?.url ?? '').replace(/\/$/, '');
  for (const entry of listOperations(document)) {
    for (const [status, raw] of Object.entries(entry.operation.responses ?? {})) {
      if (!/^2\d\d$/.test(status)) continue;
      const [mediaType, media] = jsonMediaType(resolveResponse(document, raw)) ?? [];
      const example = media as
        | { example?: unknown; examples?: Record<string, { value?: unknown }> }
        | undefined;
      const body = example?.example ?? Object.values(example?.examples ?? {})[0]?.value;
      if (!mediaType || body === undefined) continue;
      const made = call(document, entry);
      if (!made) continue;
      return {
        operationId: entry.operationId,
        status: Number(status),
        mediaType,
        body,
        args: made.args,
        url: server + made.path,
        query: made.query,
      };
    }
  }
  throw new Error(
    'the spec has no operation with an example 2xx JSON response (and, if it needs one, a request body example)',
  );
}
