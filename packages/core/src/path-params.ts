// Parameters are checked before anything is sent. A path parameter must stay one
// segment of the operation's own path: an empty value, `.` or `..` would let the
// URL parser move the request (and its credential) to another resource, and a
// lone surrogate cannot be percent-encoded at all (encodeURIComponent throws a
// URIError). Then the spec's own schemas (formats, patterns, enums), through
// the generated check.
import type { CompiledValidatorError, ResolvedOperation } from './descriptor.js';

// With the `u` flag a surrogate pair is one code point outside this range: only lone halves match.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** The first parameter that cannot be sent as one path segment, and why. */
export function pathParamProblem(
  resolved: ResolvedOperation,
  values: Record<string, unknown> | undefined,
): { parameter: string; problem: string } | undefined {
  for (const parameter of resolved.pathParams) {
    const value = values?.[parameter];
    if (value === undefined || value === null) return { parameter, problem: 'is missing' };
    const text = String(value);
    if (text === '') return { parameter, problem: 'is empty' };
    if (text === '.' || text === '..') return { parameter, problem: 'is a dot segment' };
    if (LONE_SURROGATE.test(text))
      return { parameter, problem: 'is not well-formed Unicode (a lone surrogate)' };
  }
  return undefined;
}

/** The parameter an ajv error is about, and what is wrong, without its value. */
function describeParamError(error: CompiledValidatorError): { parameter: string; problem: string } {
  const [, where = 'path', name] = error.instancePath.split('/');
  const missing = error.params.missingProperty;
  if (error.keyword === 'required' && typeof missing === 'string') {
    return name
      ? { parameter: missing, problem: 'is missing' }
      : { parameter: missing, problem: 'is missing' };
  }
  const problem = error.message ?? 'is invalid';
  return {
    parameter: name ?? where,
    problem: problem.startsWith('must') ? problem : `is invalid: ${problem}`,
  };
}

/** The first parameter that breaks the spec's schema for it, if the operation has a check. */
export function schemaProblem(
  resolved: ResolvedOperation,
  params: { path?: unknown; query?: unknown } | undefined,
): { parameter: string; problem: string } | undefined {
  const { validateParams } = resolved.operation;
  if (!validateParams) return undefined;
  const value = { path: params?.path ?? {}, ...(params?.query ? { query: params.query } : {}) };
  if (validateParams(value)) return undefined;
  const [first] = validateParams.errors ?? [];
  return first ? describeParamError(first) : { parameter: '(parameters)', problem: 'are invalid' };
}
