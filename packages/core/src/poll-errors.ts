// How a wait on a session can end without a terminal status.
import { type ApiError, CredstatErrorBase, type RequestContext, where } from './errors.js';

/** The API says the session expired (FortID: 410, in its grace period). */
export class SessionExpiredError extends CredstatErrorBase {
  static override readonly kind = 'session-expired';
  readonly kind = 'session-expired' as const;
  constructor(readonly cause: ApiError) {
    super(`${where(cause)}: session expired`, cause, { cause });
  }
}

/** The API says the session does not exist (FortID: 404, or its grace period is over). */
export class SessionNotFoundError extends CredstatErrorBase {
  static override readonly kind = 'session-not-found';
  readonly kind = 'session-not-found' as const;
  constructor(readonly cause: ApiError) {
    super(`${where(cause)}: session not found`, cause, { cause });
  }
}

/** The server sent a session status the package does not know: polling stops. */
export class UnknownSessionStatusError extends CredstatErrorBase {
  static override readonly kind = 'unknown-session-status';
  readonly kind = 'unknown-session-status' as const;
  constructor(
    context: RequestContext,
    readonly value: unknown,
  ) {
    super(`${where(context)} returned unknown session status ${JSON.stringify(value)}`, context);
  }
}

/** The wait's overall deadline passed before the session reached a terminal status. */
export class PollDeadlineError extends CredstatErrorBase {
  static override readonly kind = 'poll-deadline';
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
