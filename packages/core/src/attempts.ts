// The fetch that openapi-fetch calls: one request in, one buffered response out,
// with a per-attempt timeout and retries of what is safe to retry. It is a thin
// wrapper around the caller's own fetch, not an HTTP client of its own.
import { attemptSignal, sleep } from './abortable.js';
import { type BackoffOptions, backoffDelay, parseRetryAfter } from './backoff.js';
import { type ApiDescriptor, documentedResponse } from './descriptor.js';
import {
  AbortError,
  type CredstatError,
  InvalidResponseError,
  NetworkError,
  type RequestContext,
  TimeoutError,
} from './errors.js';
import { safeUrl } from './redact.js';

/** Set by the middleware, removed here before anything is sent. */
export const OPERATION_HEADER = 'x-credstat-operation';

export interface RetryOptions extends BackoffOptions {
  /** Retries after the first attempt. Default 2 (so 3 requests at most). */
  maxRetries: number;
}

export const DEFAULT_RETRY: RetryOptions = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  maxRetryAfterMs: 60_000,
  random: Math.random,
};

/** Statuses every API may answer while overloaded or failing over. */
const TRANSIENT_STATUSES = new Set([429, 500, 502, 503, 504]);

export interface RetryEvent {
  operationId: string | undefined;
  method: string;
  url: string;
  /** The attempt that failed (1-based). */
  attempt: number;
  delayMs: number;
  /** The status that failed, or the error kind ('network', 'timeout'). */
  reason: number | 'network' | 'timeout';
}

export interface TransportOptions {
  api: ApiDescriptor;
  fetch: (request: Request) => Promise<Response>;
  timeoutMs: number;
  retry: RetryOptions;
  redact: (text: string) => string;
  onRetry?: (event: RetryEvent) => void;
}

/** What the transport knows of each response it returned. */
const sentFor = new WeakMap<Response, { method: string; attempts: number }>();

function remember(response: Response, method: string, attempts: number): Response {
  sentFor.set(response, { method, attempts });
  return response;
}

/** How many requests it took to get this response. */
export function attemptsOf(response: Response): number {
  return sentFor.get(response)?.attempts ?? 1;
}

/** The method of the request this response answers ('' if not from the transport). */
export function methodOf(response: Response): string {
  return sentFor.get(response)?.method ?? '';
}

type Outcome = { response: Response; text: string } | { error: CredstatError };

function sanitizeCause(error: unknown, redact: (text: string) => string, depth = 0): Error {
  const source = error instanceof Error ? error : new Error(String(error));
  const copy = new Error(redact(source.message));
  copy.name = source.name;
  const code = (source as { code?: unknown }).code;
  if (typeof code === 'string') Object.assign(copy, { code });
  if (source.cause !== undefined && depth < 3)
    copy.cause = sanitizeCause(source.cause, redact, depth + 1);
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** The response with its body already read; an empty body is framed as such. */
function buffered(response: Response, text: string): Response {
  const headers = new Headers(response.headers);
  if (text === '') {
    // openapi-fetch reads an unframed empty error body as `error: ''` but a
    // zero-length one as `undefined`: make "no body" always the latter.
    headers.delete('transfer-encoding');
    headers.set('content-length', '0');
  }
  const empty = text === '' || NULL_BODY_STATUSES.has(response.status);
  return new Response(empty ? null : text, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

export function createTransport(options: TransportOptions): (input: Request) => Promise<Response> {
  const { api, retry, timeoutMs, redact } = options;

  async function attempt(
    template: Request,
    caller: AbortSignal,
    context: RequestContext,
  ): Promise<Outcome> {
    const timer = attemptSignal(timeoutMs, caller);
    let response: Response | undefined;
    try {
      response = await options.fetch(new Request(template.clone(), { signal: timer.signal }));
      // The body is read inside the attempt so a stalled body times out too.
      return { response, text: await response.text() };
    } catch (error) {
      if (caller.aborted) return { error: new AbortError(context) };
      if (timer.timedOut()) return { error: new TimeoutError(context, timeoutMs) };
      if (response) {
        const issue = {
          path: '',
          message: `body ended early: ${redact(String((error as Error)?.message))}`,
        };
        return {
          error: new InvalidResponseError(context, response.status, 'truncated', [issue], ''),
        };
      }
      return { error: new NetworkError(context, sanitizeCause(error, redact)) };
    } finally {
      timer.dispose();
    }
  }

  function retryDelay(
    outcome: Outcome,
    operationId: string | undefined,
    retries: number,
  ): number | undefined {
    if (retries >= retry.maxRetries) return undefined;
    if ('error' in outcome) {
      const { kind } = outcome.error;
      return kind === 'network' || kind === 'timeout' ? backoffDelay(retries, retry) : undefined;
    }
    const { status, headers } = outcome.response;
    const operation = operationId ? api.operations[operationId] : undefined;
    const documentedRetry = operation ? documentedResponse(operation, status)?.retryable : false;
    if (!TRANSIENT_STATUSES.has(status) && !documentedRetry) return undefined;
    const retryAfter = parseRetryAfter(headers.get('retry-after'), Date.now());
    if (retryAfter === undefined) return backoffDelay(retries, retry);
    // Retrying sooner than the server asked would only fail again.
    return retryAfter <= retry.maxRetryAfterMs ? retryAfter : undefined;
  }

  return async (input) => {
    const operationId = input.headers.get(OPERATION_HEADER) ?? undefined;
    const template = new Request(input);
    template.headers.delete(OPERATION_HEADER);
    const caller = input.signal;
    const context: RequestContext = {
      operationId,
      method: input.method,
      url: safeUrl(input.url),
      attempts: 0,
    };
    for (let retries = 0; ; retries++) {
      if (caller.aborted) throw new AbortError({ ...context });
      context.attempts = retries + 1;
      const outcome = await attempt(template, caller, { ...context });
      const delayMs = retryDelay(outcome, operationId, retries);
      if (delayMs === undefined) {
        if ('error' in outcome) throw outcome.error;
        return remember(buffered(outcome.response, outcome.text), context.method, context.attempts);
      }
      const reason =
        'error' in outcome
          ? (outcome.error.kind as 'network' | 'timeout')
          : outcome.response.status;
      options.onRetry?.({ ...context, attempt: context.attempts, delayMs, reason });
      try {
        await sleep(delayMs, caller);
      } catch {
        throw new AbortError({ ...context });
      }
    }
  };
}
