// How long to wait before the next attempt.

export interface BackoffOptions {
  /** First retry's ceiling; doubles each retry. Default 500 ms. */
  baseDelayMs: number;
  /** Ceiling for any computed delay. Default 20 s. */
  maxDelayMs: number;
  /** Longest Retry-After honoured; a server asking for longer is not retried. Default 60 s. */
  maxRetryAfterMs: number;
  /** Source of randomness in [0, 1) for jitter; inject a seeded one in tests. */
  random: () => number;
}

/** Capped exponential backoff with full jitter: uniform in [0, min(cap, base·2^retry)). */
export function backoffDelay(retry: number, options: BackoffOptions): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry);
  return Math.floor(options.random() * ceiling);
}

/**
 * Retry-After as milliseconds from `now`: delta-seconds or an HTTP date.
 * `undefined` when absent, unparseable or already past (the caller backs off instead).
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!/[a-z]/i.test(trimmed)) return undefined; // "-1", "1.5": not HTTP dates either
  const at = Date.parse(trimmed);
  if (Number.isNaN(at) || at <= now) return undefined;
  return at - now;
}
