// One call from the first attempt to its final answer: a credential and a
// timeout per attempt, retries only where repeating is safe, redirects refused
// (or followed within the origin when asked), and the body read once.
import { LinkedSignal, sleep } from './abortable.js';
import { type BackoffOptions, backoffDelay, parseRetryAfter } from './backoff.js';
import type { Credentials } from './credentials.js';
import { documentedResponse, isRepeatable, type ResolvedOperation } from './descriptor.js';
import {
  AbortError,
  CredentialError,
  type CredstatError,
  InvalidResponseError,
  NetworkError,
  RedirectError,
  type RequestContext,
  TimeoutError,
} from './errors.js';
import type { Redactor } from './redact.js';
import { safeUrl } from './redact.js';
import type { IncomingResponse, Transport } from './transport.js';

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

/** `error`: a redirect is a RedirectError. `same-origin`: follow it within the origin (Node). */
export type RedirectPolicy = 'error' | 'same-origin';

/** Statuses every API may answer while overloaded or failing over. */
const TRANSIENT_STATUSES = new Set([429, 500, 502, 503, 504]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;
/** Request headers that describe the body; dropped when a redirect drops the body. */
const BODY_HEADERS = new Set([
  'content-type',
  'content-encoding',
  'content-language',
  'content-location',
  'content-length',
]);

export interface RetryEvent {
  operationId: string | undefined;
  method: string;
  url: string;
  /** The attempt that failed (1-based). */
  attempt: number;
  delayMs: number;
  /**
   * The status that failed, the error kind ('network', 'timeout'), or
   * 'token-refresh': a 401 made the token function ask for a new token.
   */
  reason: number | 'network' | 'timeout' | 'token-refresh';
}

export interface AttemptOptions {
  transport: Transport;
  credentials: Credentials;
  /** The origin of the client's baseUrl: the only one a credential is sent to. */
  origin: string | undefined;
  timeoutMs: number;
  retry: RetryOptions;
  redirect: RedirectPolicy;
  redact: Redactor;
  onRetry?: ((event: RetryEvent) => void) | undefined;
}

export interface PreparedCall {
  resolved: ResolvedOperation | undefined;
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal | undefined;
  /** Holds a secret an attempt learns until the call has settled (see Redactor.hold). */
  keep?: ((secret: string) => void) | undefined;
}

/** The final answer of a call, its body read once. */
export interface Answer {
  response: IncomingResponse;
  status: number;
  text: string;
  context: RequestContext;
}

type Outcome = { response: IncomingResponse; text: string } | { error: CredstatError };

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

/** A relative URL stays on the page's origin; an absolute one must be on `origin`. */
function onOrigin(url: string, origin: string | undefined): boolean {
  // Fast path: URLs are built from the baseUrl, so they usually start with its origin.
  if (origin !== undefined && url.startsWith(origin) && '/?#'.includes(url[origin.length] ?? '/'))
    return true;
  if (!URL.canParse(url)) return origin === undefined;
  return new URL(url).origin === origin;
}

export function createAttempts(options: AttemptOptions) {
  const { transport, credentials, retry, timeoutMs, redact } = options;
  // Calls in flight, for close(): a Set, not one listener per call on a shared signal.
  const inflight = new Set<LinkedSignal>();
  let closed = false;

  const isStopped = (call: PreparedCall) => closed || call.signal?.aborted === true;
  const stopped = (context: RequestContext) =>
    new AbortError({ ...context }, closed ? 'closed' : 'signal');

  async function attempt(
    call: PreparedCall,
    header: readonly [string, string] | undefined,
    context: RequestContext,
  ): Promise<Outcome> {
    // One signal per attempt: the caller's, the timeout and close() in one.
    const timer = new LinkedSignal(timeoutMs, call.signal);
    inflight.add(timer);
    let response: IncomingResponse | undefined;
    try {
      // The call owns its headers object: the credential is set per attempt.
      if (header) call.headers[header[0]] = header[1];
      response = await transport.send({
        url: call.url,
        method: call.method,
        headers: call.headers,
        body: call.body,
        signal: timer.signal,
      });
      // The body is read inside the attempt so a stalled body times out too.
      return { response, text: await response.text() };
    } catch (error) {
      if (isStopped(call)) return { error: stopped(context) };
      // Headers may have arrived before the body stalled: the status stays on the error.
      if (timer.timedOut())
        return { error: new TimeoutError({ ...context }, timeoutMs, response?.status) };
      if (response) {
        const message = `body ended early: ${redact(String((error as Error)?.message))}`;
        const issues = [{ path: '', message }];
        return {
          error: new InvalidResponseError({ ...context }, response.status, 'truncated', issues, ''),
        };
      }
      return { error: new NetworkError({ ...context }, sanitizeCause(error, redact)) };
    } finally {
      inflight.delete(timer);
      timer.dispose();
    }
  }

  function retryDelay(call: PreparedCall, outcome: Outcome, retries: number): number | undefined {
    if (retries >= retry.maxRetries) return undefined;
    // Resending an operation that is not safe to repeat could do it twice.
    if (call.resolved ? !isRepeatable(call.resolved.operation) : call.method !== 'GET')
      return undefined;
    if ('error' in outcome) {
      const { kind } = outcome.error;
      return kind === 'network' || kind === 'timeout' ? backoffDelay(retries, retry) : undefined;
    }
    const { status, headers } = outcome.response;
    const documented = call.resolved && documentedResponse(call.resolved.operation, status);
    if (!TRANSIENT_STATUSES.has(status) && !documented?.retryable) return undefined;
    const retryAfter = parseRetryAfter(headers.get('retry-after'), Date.now());
    if (retryAfter === undefined) return backoffDelay(retries, retry);
    // Retrying sooner than the server asked would only fail again.
    return retryAfter <= retry.maxRetryAfterMs ? retryAfter : undefined;
  }

  /** The next request after a redirect, or the RedirectError that refuses it. */
  function redirected(
    call: PreparedCall,
    response: IncomingResponse,
    hops: number,
    context: RequestContext,
  ): PreparedCall | RedirectError {
    const location = response.headers.get('location');
    let target: URL | undefined;
    try {
      target = location ? new URL(location, call.url) : undefined;
    } catch {
      target = undefined;
    }
    const sameOrigin = target ? target.origin === new URL(call.url).origin : undefined;
    if (options.redirect === 'same-origin' && target && sameOrigin && hops < MAX_REDIRECTS) {
      // As fetch does: 303 (but for HEAD), and 301/302 after a POST, continue as a
      // GET without a body, and without the headers that described that body.
      const toGet =
        (response.status === 303 && call.method !== 'HEAD') ||
        ((response.status === 301 || response.status === 302) && call.method === 'POST');
      if (!toGet) return { ...call, url: target.href };
      const headers = Object.fromEntries(
        Object.entries(call.headers).filter(([name]) => !BODY_HEADERS.has(name)),
      );
      return { ...call, url: target.href, method: 'GET', body: undefined, headers };
    }
    // A Location is the server's: it may carry the credential in its path too.
    const shown = target ? options.redact(safeUrl(target.href)) : undefined;
    return new RedirectError(
      { ...context },
      response.status,
      shown,
      sameOrigin === false ? true : sameOrigin === true ? false : undefined,
    );
  }

  /** The wait before a retry, cut short by the caller's signal or close(). */
  async function pause(ms: number, call: PreparedCall, context: RequestContext): Promise<void> {
    // close() may have been called by the onRetry hook just before.
    if (isStopped(call)) throw stopped(context);
    const wait = new LinkedSignal(0, call.signal);
    inflight.add(wait);
    try {
      await sleep(ms, wait.signal);
    } catch {
      throw stopped(context);
    } finally {
      inflight.delete(wait);
      wait.dispose();
    }
  }

  /** Cancels every call in flight; later calls fail at once. */
  function close(): void {
    closed = true;
    for (const scope of inflight) scope.abort(new Error('client closed'));
  }

  async function execute(first: PreparedCall): Promise<Answer> {
    let call = first;
    const context: RequestContext = {
      operationId: call.resolved?.operationId,
      method: call.method,
      url: safeUrl(call.url),
      attempts: 0,
    };
    let refreshed = false;
    let hops = 0;
    // `security: []` in the spec: this operation sends no credential at all.
    const sendsCredential =
      credentials.credential !== undefined && call.resolved?.operation.auth !== null;
    if (sendsCredential && !onOrigin(call.url, options.origin)) {
      throw new CredentialError({ ...context }, credentials.credential, 'other-origin');
    }
    for (let retries = 0; ; ) {
      if (isStopped(call)) throw stopped(context);
      let credential = !sendsCredential
        ? undefined
        : credentials.forAttempt(
            { refresh: refreshed, operationId: context.operationId, signal: call.signal },
            call.keep,
          );
      // A fixed credential is not a promise: no await, no extra turn.
      if (credential instanceof Promise) credential = await credential;
      if (isStopped(call)) throw stopped(context);
      if (credential && 'problem' in credential) {
        const { credential: which, reason } = credential.problem;
        throw new CredentialError({ ...context }, which, reason);
      }
      context.attempts += 1;
      const outcome = await attempt(call, credential?.header, context);
      if (!('error' in outcome)) {
        const { status } = outcome.response;
        const documented = call.resolved && documentedResponse(call.resolved.operation, status);
        if ((status === 0 || REDIRECT_STATUSES.has(status)) && !documented) {
          const next = redirected(call, outcome.response, hops, context);
          if (next instanceof RedirectError) throw next;
          call = next;
          context.method = call.method;
          context.url = safeUrl(call.url);
          hops += 1;
          continue;
        }
        if (status === 401 && credentials.refreshable && !refreshed) {
          // Apart from the retry budget: the token may simply have expired.
          refreshed = true;
          options.onRetry?.({
            ...context,
            attempt: context.attempts,
            delayMs: 0,
            reason: 'token-refresh',
          });
          continue;
        }
      }
      const delayMs = retryDelay(call, outcome, retries);
      if (delayMs === undefined) {
        if ('error' in outcome) throw outcome.error;
        return {
          response: outcome.response,
          text: outcome.text,
          status: outcome.response.status,
          context,
        };
      }
      const reason =
        'error' in outcome
          ? (outcome.error.kind as 'network' | 'timeout')
          : outcome.response.status;
      options.onRetry?.({ ...context, attempt: context.attempts, delayMs, reason });
      retries += 1;
      await pause(delayMs, call, context);
    }
  }

  return { execute, close };
}
