// Every way a credstat call can fail, as one family of typed errors. Narrow by
// class (`instanceof TimeoutError`) or by the `kind` discriminant. No error holds
// a request, its headers or its body, so no rendering of one can leak a secret.
import type { ValidationIssue } from './validate.js';

/** Where a failure happened; `url` never has a query string. */
export interface RequestContext {
  operationId: string | undefined;
  method: string;
  url: string;
  /** Requests sent, retries included (0 if none was sent). */
  attempts: number;
}

function where(context: RequestContext): string {
  const op = context.operationId ? `${context.operationId} ` : '';
  return `${op}(${context.method} ${context.url})`;
}

export abstract class CredstatError extends Error {
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

/** A documented error status (e.g. 404, 410); `body` is validated against the spec. */
export class ApiError<
  E extends { status: number; body: unknown } = { status: number; body: unknown },
> extends CredstatError {
  readonly kind = 'api' as const;
  readonly status: E['status'];
  readonly body: E['body'];

  constructor(context: RequestContext, status: E['status'], body: E['body'], summary?: string) {
    super(`${where(context)} failed with ${status}${summary ? `: ${summary}` : ''}`, context);
    this.status = status;
    this.body = body;
  }

  /** Narrows `body` to the documented body of one status. */
  hasStatus<S extends E['status']>(status: S): this is this & Extract<E, { status: S }> {
    return this.status === status;
  }
}

/** A status the spec does not document for this operation (e.g. a proxy's 502). */
export class UnexpectedStatusError extends CredstatError {
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
export class InvalidResponseError extends CredstatError {
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
export class NetworkError extends CredstatError {
  readonly kind = 'network' as const;
  constructor(context: RequestContext, cause: Error) {
    super(`${where(context)} failed: ${cause.message}`, context, { cause });
  }
}

/** One attempt took longer than `timeoutMs` (and retries, if any, were spent). */
export class TimeoutError extends CredstatError {
  readonly kind = 'timeout' as const;
  constructor(
    context: RequestContext,
    readonly timeoutMs: number,
  ) {
    super(`${where(context)} timed out after ${timeoutMs} ms`, context);
  }
}

/** The caller's AbortSignal fired. */
export class AbortError extends CredstatError {
  readonly kind = 'abort' as const;
  constructor(context: RequestContext) {
    super(`${where(context)} was aborted`, context);
  }
}

/** 410 while polling: the session timed out and is in its grace period. */
export class SessionExpiredError extends CredstatError {
  readonly kind = 'session-expired' as const;
  constructor(readonly cause: ApiError) {
    super(`${where(cause)}: session expired`, cause, { cause });
  }
}

/** 404 while polling: the session does not exist (or its grace period is over). */
export class SessionNotFoundError extends CredstatError {
  readonly kind = 'session-not-found' as const;
  constructor(readonly cause: ApiError) {
    super(`${where(cause)}: session not found`, cause, { cause });
  }
}

/** The server sent a session status the spec does not know: polling stops. */
export class UnknownSessionStatusError extends CredstatError {
  readonly kind = 'unknown-session-status' as const;
  constructor(
    context: RequestContext,
    readonly value: unknown,
  ) {
    super(`${where(context)} returned unknown session status ${JSON.stringify(value)}`, context);
  }
}

/** Polling's overall deadline passed before the session reached a terminal status. */
export class PollDeadlineError extends CredstatError {
  readonly kind = 'poll-deadline' as const;
  constructor(
    context: RequestContext,
    readonly deadlineMs: number,
    readonly lastStatus: string | undefined,
  ) {
    super(
      `${where(context)}: no terminal status within ${deadlineMs} ms (last: ${lastStatus ?? 'none'})`,
      context,
    );
  }
}

export type CredstatErrorKind =
  | ApiError['kind']
  | UnexpectedStatusError['kind']
  | InvalidResponseError['kind']
  | NetworkError['kind']
  | TimeoutError['kind']
  | AbortError['kind']
  | SessionExpiredError['kind']
  | SessionNotFoundError['kind']
  | UnknownSessionStatusError['kind']
  | PollDeadlineError['kind'];

export function isCredstatError(error: unknown): error is CredstatError {
  return error instanceof CredstatError;
}

/**
 * An ApiError from one operation, typed with that operation's documented error
 * bodies (API packages export ready-made guards built on this).
 */
export function isApiErrorOf<E extends { status: number; body: unknown }>(
  error: unknown,
  operationId: string,
): error is ApiError<E> {
  return error instanceof ApiError && error.operationId === operationId;
}
