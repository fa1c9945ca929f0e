// The `x-credstat-*` extensions the generator reads: which node each belongs
// on, the shape it must have, and when a retryable response is allowed. The
// generator (descriptor.ts, session.ts) and the lint plugin (tools/lint) both
// use these, so a spec fails `redocly lint` for the reason it would fail
// `pnpm generate`.

/** The OpenAPI node an extension is read from (Redocly's type name for it). */
export type ExtensionHost = 'Operation' | 'Response';

/** A shape problem, at `path` inside the extension's value. */
export interface ShapeProblem {
  path: (string | number)[];
  message: string;
}

/** The shortest reason `x-credstat-idempotent` may give. */
export const IDEMPOTENT_REASON_MIN_LENGTH = 8;

/** `x-credstat-idempotent`: why repeating the operation is safe, in words. */
export function isIdempotentReason(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length >= IDEMPOTENT_REASON_MIN_LENGTH;
}

/**
 * Whether an operation may be repeated, so its `x-credstat-retryable` responses
 * retried: a GET, or one whose `x-credstat-idempotent` gives the reason.
 */
export function isSafeToRepeat(method: string, idempotent: unknown): boolean {
  return method.toUpperCase() === 'GET' || isIdempotentReason(idempotent);
}

/** Whether a response is marked retryable: on its `$ref` (the raw entry) or on what it points to. */
export function isRetryable(...views: unknown[]): boolean {
  return views.some(
    (view) =>
      typeof view === 'object' &&
      view !== null &&
      Boolean((view as Record<string, unknown>)['x-credstat-retryable']),
  );
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const SESSION_MEMBERS = ['name', 'field', 'expired', 'gone', 'waits'];
const WAIT_MEMBERS = ['pending', 'terminal'];

/** `x-credstat-session`'s shape (see SessionExtension); what it means is session.ts's to check. */
export function sessionShapeProblems(value: unknown): ShapeProblem[] {
  if (!isObject(value)) {
    return [{ path: [], message: 'must be an object: { name, field, expired?, gone?, waits }' }];
  }
  const problems: ShapeProblem[] = [];
  for (const key of Object.keys(value)) {
    if (!SESSION_MEMBERS.includes(key)) {
      problems.push({
        path: [key],
        message: `has no member "${key}" (it takes ${SESSION_MEMBERS.join(', ')})`,
      });
    }
  }
  for (const key of ['name', 'field']) {
    if (typeof value[key] !== 'string' || value[key] === '') {
      problems.push({
        path: key in value ? [key] : [],
        message: `"${key}" must be a non-empty string`,
      });
    }
  }
  for (const key of ['expired', 'gone']) {
    const statuses = value[key];
    if (statuses === undefined) continue;
    if (
      !Array.isArray(statuses) ||
      !statuses.every((status) => Number.isInteger(status) && status >= 100 && status <= 599)
    ) {
      problems.push({ path: [key], message: `"${key}" must be a list of HTTP statuses` });
    }
  }
  if (!isObject(value.waits)) {
    problems.push({
      path: 'waits' in value ? ['waits'] : [],
      message: '"waits" must be an object of named waits, each { pending, terminal }',
    });
    return problems;
  }
  for (const [name, wait] of Object.entries(value.waits)) {
    if (!isObject(wait)) {
      problems.push({
        path: ['waits', name],
        message: `wait "${name}" must be an object { pending, terminal }`,
      });
      continue;
    }
    for (const key of Object.keys(wait)) {
      if (!WAIT_MEMBERS.includes(key)) {
        problems.push({
          path: ['waits', name, key],
          message: `wait "${name}" has no member "${key}" (it takes pending, terminal)`,
        });
      }
    }
    for (const key of WAIT_MEMBERS) {
      const values = wait[key];
      if (values === undefined) continue;
      if (!Array.isArray(values) || !values.every((item) => typeof item === 'string')) {
        problems.push({
          path: ['waits', name, key],
          message: `wait "${name}": "${key}" must be a list of status values (strings)`,
        });
      }
    }
  }
  return problems;
}

export interface ExtensionSpec {
  /** The node the generator reads it from; anywhere else it does nothing. */
  on: ExtensionHost;
  /** Shape problems of a value, none when the generator can read it. */
  check: (value: unknown) => ShapeProblem[];
}

/** Every extension the generator reads. */
export const EXTENSIONS: Record<string, ExtensionSpec> = {
  'x-credstat-session': { on: 'Operation', check: sessionShapeProblems },
  'x-credstat-idempotent': {
    on: 'Operation',
    check: (value) =>
      isIdempotentReason(value)
        ? []
        : [
            {
              path: [],
              message: `must be the reason repeating the operation is safe (a sentence, at least ${IDEMPOTENT_REASON_MIN_LENGTH} characters)`,
            },
          ],
  },
  'x-credstat-retryable': {
    on: 'Response',
    check: (value) =>
      value === true
        ? []
        : [{ path: [], message: 'must be `true` (leave it out on a response that is not)' }],
  },
};

/** The prefix of credstat's extensions: any other key with it is a mistake. */
export const EXTENSION_PREFIX = 'x-credstat-';
