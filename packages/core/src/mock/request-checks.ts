// What the mock checks in a request before answering it, in the order a server
// would: the credential, the parameters, the body. Each check returns the rule
// broken, in words a test failure can show, or undefined.
import type {
  AuthDescriptor,
  CompiledValidator,
  OperationDescriptor,
  ResolvedOperation,
} from '../descriptor.js';
import { pathParamProblem, schemaProblem } from '../path-params.js';
import { validateBody } from '../validation.js';

/** The credential the operation takes is not in the request. */
export function missingCredential(
  auth: AuthDescriptor | null,
  headers: Headers,
): string | undefined {
  if (!auth) return undefined;
  if (auth.type === 'apiKey') {
    return headers.get(auth.header)?.trim()
      ? undefined
      : `the ${auth.header} header (the API key) is missing`;
  }
  return /^bearer\s+\S/i.test(headers.get('authorization') ?? '')
    ? undefined
    : 'the Authorization header (a Bearer token) is missing';
}

/** Query parameters as strings (a repeated one as a list), or undefined when there are none. */
function queryValues(query: URLSearchParams): Record<string, string | string[]> | undefined {
  const names = [...new Set(query.keys())];
  if (names.length === 0) return undefined;
  return Object.fromEntries(
    names.map((name) => {
      const values = query.getAll(name);
      return [name, values.length === 1 ? (values[0] as string) : values];
    }),
  );
}

/** A query value read as JSON where it is a number or boolean (`limit=5` is 5). */
function typed(value: string | string[]): unknown {
  if (Array.isArray(value)) return value.map(typed);
  return /^(-?\d+(\.\d+)?|true|false)$/.test(value) ? JSON.parse(value) : value;
}

/**
 * The first parameter rule the request breaks. A query arrives as text, so a
 * value the schema wants as a number or boolean is read as one too: either
 * reading passing is enough.
 */
export function parameterProblem(
  resolved: ResolvedOperation,
  pathParams: Record<string, string>,
  query: URLSearchParams,
): string | undefined {
  const path = pathParamProblem(resolved, pathParams);
  if (path) return `path parameter ${path.parameter} ${path.problem}`;
  const raw = queryValues(query);
  const asText = schemaProblem(resolved, { path: pathParams, query: raw });
  if (!asText) return undefined;
  const read = raw && Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typed(v)]));
  const asTyped = read && schemaProblem(resolved, { path: pathParams, query: read });
  if (read && !asTyped) return undefined;
  const { parameter, problem } = asTyped ?? asText;
  return `parameter ${parameter} ${problem}`;
}

const JSON_TYPE = /^application\/([\w.+-]+\+)?json$/i;

/** The media type of a Content-Type header, without its parameters, in lower case. */
function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** The first rule the request body breaks: present when required, its media type, its schema. */
export function bodyProblem(
  operation: OperationDescriptor,
  validate: CompiledValidator | undefined,
  contentType: string | null,
  text: string,
): string | undefined {
  const declared = operation.requestBody;
  if (!declared) return undefined;
  if (text === '') return declared.required ? 'the request body is required' : undefined;
  if (mediaType(contentType) !== declared.mediaType.toLowerCase())
    return `the request body must be sent as Content-Type ${declared.mediaType}`;
  let body: unknown = text;
  if (JSON_TYPE.test(declared.mediaType)) {
    try {
      body = JSON.parse(text);
    } catch {
      return 'the request body is not JSON';
    }
  }
  if (!validate) return undefined;
  const result = validateBody({ body: 'json', validate }, body);
  if (result.ok) return undefined;
  const [first] = result.issues;
  return `the request body${first?.path ? ` at ${first.path}` : ''} ${first?.message ?? 'is invalid'}`;
}
