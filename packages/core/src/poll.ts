// Polls a session until it reaches a terminal status. Which statuses exist and
// which are terminal is data each API package declares; nothing here knows one API.
import { LinkedSignal, sleep } from './abortable.js';
import type { ApiDescriptor } from './descriptor.js';
import { AbortError, isCredstatError, type RequestContext } from './errors.js';
import {
  PollDeadlineError,
  SessionExpiredError,
  SessionNotFoundError,
  UnknownSessionStatusError,
} from './poll-errors.js';

export interface SessionStates<F extends string, P extends string, T extends string> {
  /** The operation that reads the session. */
  operationId: string;
  /** The body member that holds the status. */
  field: F;
  pending: readonly P[];
  terminal: readonly T[];
  /** Documented error statuses that mean the session expired (FortID: 410). */
  expired?: readonly number[];
  /** Documented error statuses that mean the session is gone or never was (FortID: 404). */
  gone?: readonly number[];
}

export interface PollOptions<B> {
  /** Wait before the second poll. Default 1 000 ms. */
  intervalMs?: number;
  /** Each wait is the previous one times this. Default 1.5. */
  backoff?: number;
  /** Longest wait between polls. Default 10 000 ms. */
  maxIntervalMs?: number;
  /** Give up (PollDeadlineError) after this long overall. Default 300 000 ms. */
  deadlineMs?: number;
  signal?: AbortSignal;
  /** Read from this server instead of the client's (see `CallInit.baseUrl`). */
  baseUrl?: string;
  /** Called with the body whenever the status changes (and for the first one). */
  onProgress?: (body: B) => void;
}

/** The members of a body union whose status field holds one of `T`. */
export type WithStatus<B, F extends string, T extends string> =
  B extends Record<F, infer S> ? (S extends T ? B : never) : never;

export async function pollSession<
  B extends object,
  F extends string,
  P extends string,
  T extends string,
>(
  api: ApiDescriptor,
  states: SessionStates<F, P, T>,
  readOnce: (signal: AbortSignal) => Promise<B>,
  options: PollOptions<B> = {},
): Promise<WithStatus<B, F, T>> {
  const {
    intervalMs = 1_000,
    backoff = 1.5,
    maxIntervalMs = 10_000,
    deadlineMs = 300_000,
  } = options;
  const operation = api.operations[states.operationId];
  const context: RequestContext = {
    operationId: states.operationId,
    method: operation?.method ?? '',
    url: operation?.path ?? '',
    attempts: 0,
  };
  const known = new Set<string>([...states.pending, ...states.terminal]);
  const deadline = new LinkedSignal(deadlineMs, options.signal);
  let last: string | undefined;
  let wait = intervalMs;

  const stopped = () =>
    deadline.timedOut()
      ? new PollDeadlineError({ ...context }, deadlineMs, last)
      : new AbortError({ ...context });

  try {
    for (;;) {
      context.attempts += 1;
      let body: B;
      try {
        body = await readOnce(deadline.signal);
      } catch (error) {
        if (deadline.signal.aborted) throw stopped();
        if (isCredstatError(error, 'api')) {
          if (states.expired?.includes(error.status)) throw new SessionExpiredError(error);
          if (states.gone?.includes(error.status)) throw new SessionNotFoundError(error);
        }
        throw error; // any other error ends the wait at once
      }
      const status = (body as Record<string, unknown>)[states.field];
      if (typeof status !== 'string' || !known.has(status)) {
        throw new UnknownSessionStatusError({ ...context }, status);
      }
      if (status !== last) {
        last = status;
        options.onProgress?.(body);
      }
      if ((states.terminal as readonly string[]).includes(status))
        return body as WithStatus<B, F, T>;
      try {
        await sleep(wait, deadline.signal);
      } catch {
        throw stopped();
      }
      wait = Math.min(maxIntervalMs, wait * backoff);
    }
  } finally {
    deadline.dispose();
  }
}
