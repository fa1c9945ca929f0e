// Retries, Retry-After, timeouts and aborts, with fake timers and a seeded
// random source so every delay is exact.
import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  ApiError,
  createApiClient,
  NetworkError,
  type RetryEvent,
  TimeoutError,
  UnexpectedStatusError,
} from '../src/index.js';
import { api as fakeApi } from './generated/api.gen.js';
import type { paths } from './generated/types.gen.js';
import { json, type Step, scriptedFetch, seededRandom } from './support/scripted-fetch.js';
import { settle } from './support/timers.js';

const RETRY = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 10_000 };

function client(steps: Step[], extra: Parameters<typeof createApiClient>[1] = {}) {
  const fetch = scriptedFetch(steps, { repeatLast: true });
  const retries: RetryEvent[] = [];
  const api = createApiClient<paths>(fakeApi, {
    token: 'test-token',
    fetch,
    retry: { ...RETRY, random: seededRandom(7) },
    onRetry: (event) => retries.push(event),
    ...extra,
  });
  return { api, fetch, retries };
}

const getSession = (api: ReturnType<typeof client>['api'], signal?: AbortSignal) =>
  api.GET('/sessions/{id}', { params: { path: { id: 's1' } }, signal });

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-22T10:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('attempt counts', () => {
  it.each([429, 500, 502, 503, 504])(
    'retries %i: exactly 1 + maxRetries requests',
    async (status) => {
      const { api, fetch } = client([json(status, { message: 'busy' })]);
      const error = await settle(getSession(api));
      expect(fetch.sent).toHaveLength(1 + RETRY.maxRetries);
      expect(error).toMatchObject({ status, attempts: 1 + RETRY.maxRetries });
    },
  );

  it.each([400, 401, 403, 404, 410, 422])('never retries %i: exactly 1 request', async (status) => {
    const { api, fetch } = client([
      { status, body: status === 401 || status === 403 ? '' : '{"message":"no"}' },
    ]);
    await settle(getSession(api));
    expect(fetch.sent).toHaveLength(1);
  });

  it('does not retry a 409 the API does not document as "retry later"', async () => {
    const { api, fetch } = client([json(409, { message: 'conflict' })]);
    const error = await settle(getSession(api));
    expect(fetch.sent).toHaveLength(1);
    expect(error).toBeInstanceOf(UnexpectedStatusError);
  });

  it('retries a documented 409 and resends the identical signed body', async () => {
    const jwt = 'eyJhbGciOiJFUzI1NiJ9.eyJqdGkiOiIxIn0.c2ln';
    const { api, fetch } = client([
      json(409, { message: 'retry after a short delay' }),
      json(200, { idx: 3, uri: 'u' }),
    ]);
    const result = await settle(
      api.POST('/issue', {
        body: jwt,
        bodySerializer: (body: string) => body,
        headers: { 'content-type': 'application/jwt' },
      }),
    );
    expect(result).toMatchObject({ data: { idx: 3, uri: 'u' } });
    expect(fetch.sent.map((request) => request.body)).toEqual([jwt, jwt]);
    expect(fetch.sent.map((request) => request.headers.get('content-type'))).toEqual([
      'application/jwt',
      'application/jwt',
    ]);
  });

  it('is on by default with two retries', async () => {
    const fetch = scriptedFetch([json(503, { message: 'busy' })], { repeatLast: true });
    const api = createApiClient<paths>(fakeApi, { token: 't-1234', fetch });
    await settle(api.GET('/sessions/{id}', { params: { path: { id: 's' } } }));
    expect(fetch.sent).toHaveLength(3);
  });

  it('retry: false sends one request', async () => {
    const { api, fetch } = client([json(503, { message: 'busy' })], { retry: false });
    await settle(getSession(api));
    expect(fetch.sent).toHaveLength(1);
  });
});

describe('delays', () => {
  it('waits exactly the seeded full-jitter backoff between attempts', async () => {
    const { api, fetch, retries } = client([json(500, { message: 'x' })]);
    await settle(getSession(api));
    // The seeded draws give 1, 12 and 390 ms under ceilings of 100, 200 and 400 ms.
    const expected = [1, 12, 390];
    expect(retries.map((event) => event.delayMs)).toEqual(expected);
    const gaps = fetch.sent.slice(1).map((request, i) => request.at - (fetch.sent[i]?.at ?? 0));
    expect(gaps).toEqual(expected);
    expect(retries.map((event) => event.reason)).toEqual([500, 500, 500]);
  });

  it.each([
    ['seconds', '3', [3_000]],
    ['an HTTP date', 'Sun, 22 Nov 2026 10:00:05 GMT', [5_000]],
  ])('honours Retry-After in %s', async (_label, retryAfter, expected) => {
    const { api, fetch } = client([
      json(429, { message: 'slow down' }, { 'retry-after': retryAfter }),
      json(200, { status: 'DONE', result: 'r' }),
    ]);
    const result = await settle(getSession(api));
    expect(result).toMatchObject({ data: { status: 'DONE' } });
    expect((fetch.sent[1]?.at ?? 0) - (fetch.sent[0]?.at ?? 0)).toBe(expected[0]);
  });

  it.each([
    ['a past date', 'Sun, 22 Nov 2026 09:00:00 GMT'],
    ['garbage', 'later, maybe'],
  ])('falls back to backoff for %s', async (_label, retryAfter) => {
    const { api, retries } = client([
      json(503, { message: 'x' }, { 'retry-after': retryAfter }),
      json(200, { status: 'PENDING' }),
    ]);
    await settle(getSession(api));
    expect(retries[0]?.delayMs).toBe(1); // the first seeded draw of at most 100 ms
  });

  it('does not retry when Retry-After is beyond the cap, and says so in the error', async () => {
    const { api, fetch } = client([
      json(503, { message: 'maintenance' }, { 'retry-after': '3600' }),
    ]);
    const error = await settle(getSession(api));
    expect(fetch.sent).toHaveLength(1);
    expect(error).toBeInstanceOf(UnexpectedStatusError);
  });
});

describe('timeouts', () => {
  it('times each attempt from its own start, not from client creation', async () => {
    const { api, fetch } = client([json(200, { status: 'PENDING' })], { timeoutMs: 1_000 });
    await vi.advanceTimersByTimeAsync(5_000); // the client sat idle longer than the timeout
    const result = await settle(getSession(api));
    expect(result).toMatchObject({ data: { status: 'PENDING' } });
    expect(fetch.sent).toHaveLength(1);
  });

  it('aborts a hanging attempt, retries it, then fails with TimeoutError', async () => {
    const { api, fetch, retries } = client(['hang'], { timeoutMs: 1_000 });
    const started = Date.now();
    const error = await settle(getSession(api));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({
      kind: 'timeout',
      timeoutMs: 1_000,
      attempts: 4,
      operationId: 'getSession',
    });
    expect(fetch.sent).toHaveLength(4);
    const waited = retries.reduce((sum, event) => sum + event.delayMs, 0);
    expect(Date.now() - started).toBe(4 * 1_000 + waited);
    expect(retries.every((event) => event.reason === 'timeout')).toBe(true);
  });

  it('retries network errors, then fails with NetworkError keeping the cause', async () => {
    const { api, fetch } = client([{ throws: new TypeError('fetch failed') }]);
    const error = await settle(getSession(api));
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).cause).toMatchObject({
      name: 'TypeError',
      message: 'fetch failed',
    });
    expect(fetch.sent).toHaveLength(4);
  });

  it('recovers when a retry succeeds', async () => {
    const { api } = client([
      { throws: new TypeError('socket hang up') },
      json(200, { status: 'DONE', result: 'ok' }),
    ]);
    expect(await settle(getSession(api))).toMatchObject({ data: { status: 'DONE', result: 'ok' } });
  });
});

describe('aborts', () => {
  it('rejects at once when aborted during a backoff wait, leaving no timer or listener', async () => {
    const controller = new AbortController();
    const { api, fetch } = client([json(503, { message: 'busy' })], {
      retry: { ...RETRY, baseDelayMs: 60_000, maxDelayMs: 60_000, random: () => 0.99 },
    });
    const pending = getSession(api, controller.signal).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(1); // first attempt answered 503; now waiting ~59 s
    expect(fetch.sent).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(1);
    const abortedAt = Date.now();
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ kind: 'abort', attempts: 1, operationId: 'getSession' });
    expect(Date.now()).toBe(abortedAt);
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    expect(fetch.sent).toHaveLength(1);
  });

  it('leaves no listener on a long-lived signal across many completed calls', async () => {
    vi.useRealTimers();
    const controller = new AbortController();
    const { api } = client([json(500, { message: 'x' }), json(200, { status: 'PENDING' })], {
      retry: { ...RETRY, maxRetries: 1, baseDelayMs: 0 },
    });
    for (let call = 0; call < 100; call++) await getSession(api, controller.signal);
    // What remains until GC is undici's own (one per Request); ours must be none.
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) throw new Error('run with --expose-gc');
    for (
      let round = 0;
      round < 5 && getEventListeners(controller.signal, 'abort').length > 0;
      round++
    ) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('leaves nothing behind across many aborted calls', async () => {
    for (let call = 0; call < 100; call++) {
      const controller = new AbortController();
      const { api } = client([json(503, { message: 'busy' })]);
      const pending = getSession(api, controller.signal).catch((error: unknown) => error);
      await vi.advanceTimersByTimeAsync(0);
      controller.abort();
      expect(await pending).toBeInstanceOf(AbortError);
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    }
    expect(vi.getTimerCount()).toBe(0);
  });

  it('an already-aborted signal sends nothing', async () => {
    const { api, fetch } = client([json(200, { status: 'PENDING' })]);
    const error = await settle(getSession(api, AbortSignal.abort()));
    expect(error).toBeInstanceOf(AbortError);
    expect(fetch.sent).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not turn a documented error into a retry', async () => {
    const { api, fetch } = client([json(410, { message: 'Session expired' })]);
    const error = await settle(getSession(api));
    expect(error).toBeInstanceOf(ApiError);
    expect(fetch.sent).toHaveLength(1);
  });
});
