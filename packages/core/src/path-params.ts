// A path parameter must stay one segment of the operation's own path: an empty
// value, `.` or `..` would let the URL parser move the request (and its
// credential) to another resource, so they are refused before anything is sent.
import type { ResolvedOperation } from './descriptor.js';

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
  }
  return undefined;
}
