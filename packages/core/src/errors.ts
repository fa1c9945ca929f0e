// Every way a credstat call can fail, as one family of typed errors and one
// discriminated union on `kind`. No error holds a request, its headers or its
// body, so no rendering of one can leak a secret.
//
// Errors are branded with a registry symbol (`Symbol.for`), so two installed
// copies of core recognise each other's errors: `isCredstatError` and
// `instanceof` both read the brand, not the prototype chain.
import type {
  PollDeadlineError,
  SessionExpiredError,
  SessionNotFoundError,
  UnknownSessionStatusError,
} from './poll-errors.js';
import type { ValidationIssue } from './validation.js';

/** Where a failure happened; `url` never has a query string. */
export interface RequestContext {
  operationId: string | undefined;
  method: string;
  url: string;
  /** Requests sent, retries included (0 if none was sent). */
  attempts: number;
}

const BRAND = Symbol.for('@credstat/core:error');

export function where(context: RequestContext): string {
  const op = context.operationId ? `${context.operationId} ` : '';
  return `${op}(${context.method} ${context.url})`;
}

function brandOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const brand = (value as { [BRAND]?: unknown })[BRAND];
  return typeof brand === 'string' ? brand : undefined;
}

/** The base of every credstat error. Use the `CredstatError` union to narrow on `kind`. */
export abstract class CredstatErrorBase extends Error {
  /** Each concrete class names its kind once, here and on its instances. */
  static readonly kind: string | undefined = undefined;
  abstract readonly kind: string;
  readonly operationId: string | undefined;
  readonly method: string;
  readonly url: string;
  readonly attempts: number;

  constructor(message: string, context: RequestContext, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.operationId = context.operationId;
    this.method = context.method;
    this.url = context.url;
    this.attempts = context.attempts;
    Object.defineProperty(this, BRAND, { value: (new.target as typeof CredstatErrorBase).kind });
  }

  // `instanceof` across two copies of core: same brand, same kind.
  static [Symbol.hasInstance](value: unknown): boolean {
    const brand = brandOf(value);
    if (brand === undefined) return false;
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class on the right of instanceof.
    const { kind } = this;
    return kind === undefined || kind === brand;
  }

  toJSON(): Record<string, unknown> {
    const {
      stack: _stack,
      cause: _cause,
      ...own
    } = Object.assign({}, this) as Record<string, unknown>;
    return { name: this.name, message: this.message, ...own };
  }
}

/** The documented member for one status; an untyped ApiError keeps its loose body. */
type StatusMember<E extends { status: number; body: unknown }, S> = [
  Extract<E, { status: S }>,
] extends [never]
  ? { status: S; body: E['body'] }
  : Extract<E, { status: S }>;

/** A documented error status (e.g. 404, 410); `body` is validated against the spec. */
export class ApiError<
  E extends { status: number; body: unknown } = { status: number; body: unknown },
> extends CredstatErrorBase {
  static override readonly kind = 'api';
  readonly kind = 'api' as const;
  readonly status: E['status'];
  readonly body: E['body'];

  constructor(context: RequestContext, status: E['status'], body: E['body'], summary?: string) {
    super(`${where(context)} failed with ${status}${summary ? `: ${summary}` : ''}`, context);
    this.status = status;
    this.body = body;
  }

  /** Narrows `body` to the documented body of one status. */
  hasStatus<S extends E['status']>(status: S): this is this & StatusMember<E, S> {
    return this.status === status;
  }
}

/** A status the spec does not document for this operation (e.g. a proxy's 502). */
export class UnexpectedStatusError extends CredstatErrorBase {
  static override readonly kind = 'unexpected-status';
  readonly kind = 'unexpected-status' as const;
  constructor(
    context: RequestContext,
    readonly status: number,
    readonly bodyPreview: string,
  ) {
    super(`${where(context)} answered undocumented status ${status}`, context);
  }
}

export type InvalidResponseReason =
  | 'schema'
  | 'not-json'
  | 'empty'
  | 'truncated'
  | 'unexpected-body';

/** A documented status whose body is not what the spec says. */
export class InvalidResponseError extends CredstatErrorBase {
  static override readonly kind = 'invalid-response';
  readonly kind = 'invalid-response' as const;
  constructor(
    context: RequestContext,
    readonly status: number,
    readonly reason: InvalidResponseReason,
    readonly issues: ValidationIssue[],
    readonly bodyPreview: string,
  ) {
    const detail = issues.map((issue) => `${issue.path || '(body)'} ${issue.message}`).join('; ');
    super(
      `${where(context)} returned an invalid ${status} response (${reason}): ${detail}`,
      context,
    );
  }
}

/** The request never got a complete answer: DNS, refused connection, reset… */
export class NetworkError extends CredstatErrorBase {
  static override readonly kind = 'network';
  readonly kind = 'network' as const;
  constructor(context: RequestContext, cause: Error) {
    super(`${where(context)} failed: ${cause.message}`, context, { cause });
  }
}

/** One attempt took longer than `timeoutMs` (and retries, if any, were spent). */
export class TimeoutError extends CredstatErrorBase {
  static override readonly kind = 'timeout';
  readonly kind = 'timeout' as const;
  /**
   * The status of the answer whose body did not arrive in time; absent when
   * not even the headers did. (`declare`: no own member unless there is one.)
   */
  declare readonly status?: number;
  constructor(
    context: RequestContext,
    readonly timeoutMs: number,
    status?: number,
  ) {
    const reading = status === undefined ? '' : ` reading the body of a ${status} answer`;
    super(`${where(context)} timed out after ${timeoutMs} ms${reading}`, context);
    if (status !== undefined) Object.assign(this, { status });
  }
}

/** The caller's AbortSignal fired, or the client was closed. */
export class AbortError extends CredstatErrorBase {
  static override readonly kind = 'abort';
  readonly kind = 'abort' as const;
  constructor(
    context: RequestContext,
    readonly reason: 'signal' | 'closed' = 'signal',
  ) {
    super(
      `${where(context)} was ${reason === 'closed' ? 'cancelled: client closed' : 'aborted'}`,
      context,
    );
  }
}

/**
 * The server answered with a redirect, which is not followed: a credential goes
 * only to the configured origin. `status` is 0 and `location` undefined in a
 * browser, where fetch hides both (an opaque redirect).
 */
export class RedirectError extends CredstatErrorBase {
  static override readonly kind = 'redirect';
  readonly kind = 'redirect' as const;
  constructor(
    context: RequestContext,
    readonly status: number,
    /** The target without its query string; undefined when hidden or absent. */
    readonly location: string | undefined,
    readonly crossOrigin: boolean | undefined,
  ) {
    const target = location
      ? ` to ${crossOrigin ? 'another origin, ' : ''}${location}`
      : status === 0
        ? ' (target hidden by the browser)'
        : ' without a Location';
    super(`${where(context)} refused a redirect${status ? ` (${status})` : ''}${target}`, context);
  }
}

/** A credential is missing or cannot be sent in a header. Its value is never shown. */
export class CredentialError extends CredstatErrorBase {
  static override readonly kind = 'credential';
  readonly kind = 'credential' as const;
  constructor(
    context: RequestContext,
    readonly credential: 'apiKey' | 'token',
    readonly reason: 'missing' | 'malformed' | 'provider-failed' | 'other-origin',
  ) {
    const why = {
      missing: 'is missing or empty',
      malformed: 'holds characters a header cannot carry',
      'provider-failed': 'could not be obtained: the token function failed',
      'other-origin': "would go to another origin than the client's baseUrl",
    }[reason];
    super(`${where(context)}: the ${credential} ${why}; nothing was sent`, context);
  }
}

/** A parameter that would send the request somewhere else, or breaks the spec. */
export class InvalidParameterError extends CredstatErrorBase {
  static override readonly kind = 'invalid-parameter';
  readonly kind = 'invalid-parameter' as const;
  constructor(
    context: RequestContext,
    readonly parameter: string,
    readonly problem: string,
  ) {
    super(`${where(context)}: path parameter "${parameter}" ${problem}; nothing was sent`, context);
  }
}

/** Every credstat error; `switch (error.kind)` narrows to each one's own members. */
export type CredstatError =
  | ApiError
  | UnexpectedStatusError
  | InvalidResponseError
  | NetworkError
  | TimeoutError
  | AbortError
  | RedirectError
  | CredentialError
  | InvalidParameterError
  | SessionExpiredError
  | SessionNotFoundError
  | UnknownSessionStatusError
  | PollDeadlineError;

/** The base class, for `instanceof CredstatError` (works across copies of core). */
export const CredstatError = CredstatErrorBase;

export type CredstatErrorKind = CredstatError['kind'];

/**
 * True for any credstat error, from this or another installed copy of core.
 * With a `kind`, true only for that kind, and narrowed to it.
 */
export function isCredstatError(error: unknown): error is CredstatError;
export function isCredstatError<K extends CredstatErrorKind>(
  error: unknown,
  kind: K,
): error is Extract<CredstatError, { kind: K }>;
export function isCredstatError(error: unknown, kind?: string): boolean {
  const brand = brandOf(error);
  return brand !== undefined && (kind === undefined || brand === kind);
}

/**
 * An ApiError from one operation, typed with that operation's documented error
 * bodies (API packages export ready-made guards built on this).
 */
export function isApiErrorOf<E extends { status: number; body: unknown }>(
  error: unknown,
  operationId: string,
): error is ApiError<E> {
  return isCredstatError(error, 'api') && error.operationId === operationId;
}
