// pollSession over the fake API: sequences to every ending, with fake timers.
import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  ApiError,
  createApiClient,
  InvalidResponseError,
  PollDeadlineError,
  type PollOptions,
  pollSession,
  SessionExpiredError,
  SessionNotFoundError,
  type SessionStates,
  UnknownSessionStatusError,
  unwrap,
} from '../src/index.js';
import { api as fakeApi } from './generated/api.gen.js';
import type { paths } from './generated/types.gen.js';
import { json, type Step, scriptedFetch } from './support/scripted-fetch.js';
import { settle } from './support/timers.js';

type Session =
  | { status: 'PENDING' }
  | { status: 'DONE'; result: string }
  | { status: 'FAILED'; reason: string };

const states = {
  operationId: 'getSession',
  field: 'status',
  pending: ['PENDING'],
  terminal: ['DONE', 'FAILED'],
  expired: [410],
  gone: [404],
} as const;
const pending = json(200, { status: 'PENDING' });

function poller(
  steps: Step[],
  clientOptions: Record<string, unknown> = {},
  sessionStates: SessionStates<'status', 'PENDING', 'DONE' | 'FAILED'> = states,
) {
  const fetch = scriptedFetch(steps, { repeatLast: true });
  const api = createApiClient<paths>(fakeApi, {
    token: 'tok-1234',
    fetch,
    retry: false,
    ...clientOptions,
  });
  const progress: Session[] = [];
  const wait = (options: PollOptions<Session> = {}) =>
    pollSession(
      fakeApi,
      sessionStates,
      (signal) =>
        unwrap(
          api.GET('/sessions/{id}', { params: { path: { id: 's1' } }, signal }),
        ) as Promise<Session>,
      {
        intervalMs: 1_000,
        backoff: 2,
        maxIntervalMs: 4_000,
        onProgress: (body) => progress.push(body),
        ...options,
      },
    );
  return { wait, fetch, progress };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('pollSession', () => {
  it('polls IN_PROGRESS until terminal, backing off, and returns the narrowed body', async () => {
    const { wait, fetch, progress } = poller([
      pending,
      pending,
      pending,
      pending,
      json(200, { status: 'DONE', result: 'r' }),
    ]);
    const started = Date.now();
    const result = await settle(wait());
    expect(result).toEqual({ status: 'DONE', result: 'r' });
    expect(fetch.sent.map((request) => request.at - started)).toEqual([
      0, 1_000, 3_000, 7_000, 11_000,
    ]);
    expect(progress).toEqual([{ status: 'PENDING' }, { status: 'DONE', result: 'r' }]);
  });

  it('calls onProgress only when the status changes', async () => {
    const { wait, progress } = poller([
      pending,
      pending,
      json(200, { status: 'FAILED', reason: 'x' }),
    ]);
    await settle(wait());
    expect(progress.map((body) => body.status)).toEqual(['PENDING', 'FAILED']);
  });

  it('ends a terminal first read without waiting', async () => {
    const { wait, fetch } = poller([json(200, { status: 'FAILED', reason: 'bad signature' })]);
    expect(await settle(wait())).toEqual({ status: 'FAILED', reason: 'bad signature' });
    expect(fetch.sent).toHaveLength(1);
  });

  it('410 → SessionExpiredError keeping the ApiError', async () => {
    const { wait, fetch } = poller([pending, json(410, { message: 'Session expired' })]);
    const error = await settle(wait());
    expect(error).toBeInstanceOf(SessionExpiredError);
    expect((error as SessionExpiredError).cause).toBeInstanceOf(ApiError);
    expect((error as SessionExpiredError).cause.body).toEqual({ message: 'Session expired' });
    expect(fetch.sent).toHaveLength(2);
  });

  it('404 → SessionNotFoundError', async () => {
    const { wait } = poller([pending, pending, json(404, { message: 'Session not found' })]);
    expect(await settle(wait())).toBeInstanceOf(SessionNotFoundError);
  });

  it('which statuses mean expired or gone comes from the API data, not from core', async () => {
    // An API that documents 404 as "expired" and declares no "gone" status.
    const other = { ...states, expired: [404], gone: [] };
    const expired = poller([pending, json(404, { message: 'expired' })], {}, other);
    expect(await settle(expired.wait())).toBeInstanceOf(SessionExpiredError);
    const plain = poller([pending, json(410, { message: 'expired' })], {}, other);
    const error = await settle(plain.wait());
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(SessionExpiredError);
    expect(plain.fetch.sent).toHaveLength(2);
  });

  it.each([401, 403])('%i ends the wait at once', async (status) => {
    const { wait, fetch } = poller([{ status, body: '' }]);
    const error = await settle(wait());
    expect(error).toMatchObject({ kind: 'api', status });
    expect(fetch.sent).toHaveLength(1);
  });

  it('an unknown status value ends it with UnknownSessionStatusError (validation off)', async () => {
    const { wait, fetch } = poller([pending, json(200, { status: 'ARCHIVED' })], {
      validateResponses: false,
    });
    const error = await settle(wait());
    expect(error).toBeInstanceOf(UnknownSessionStatusError);
    expect(error).toMatchObject({ value: 'ARCHIVED', attempts: 2 });
    expect(fetch.sent).toHaveLength(2);
  });

  it('an unknown status value ends it with InvalidResponseError (validation on)', async () => {
    const { wait, fetch } = poller([pending, json(200, { status: 'ARCHIVED' })]);
    expect(await settle(wait())).toBeInstanceOf(InvalidResponseError);
    expect(fetch.sent).toHaveLength(2);
  });

  it('a missing status member is unknown too', async () => {
    const { wait } = poller([json(200, {})], { validateResponses: false });
    expect(await settle(wait())).toMatchObject({
      kind: 'unknown-session-status',
      value: undefined,
    });
  });

  it('gives up at the deadline with the last status seen', async () => {
    const { wait, fetch } = poller([pending]);
    const started = Date.now();
    const error = await settle(wait({ deadlineMs: 10_000 }));
    expect(error).toBeInstanceOf(PollDeadlineError);
    expect(error).toMatchObject({ deadlineMs: 10_000, lastStatus: 'PENDING' });
    expect(Date.now() - started).toBe(10_000);
    expect(fetch.sent.map((request) => request.at - started)).toEqual([0, 1_000, 3_000, 7_000]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a deadline that fires during a request aborts it', async () => {
    const { wait } = poller([pending, 'hang']);
    const error = await settle(wait({ deadlineMs: 2_500 }));
    expect(error).toBeInstanceOf(PollDeadlineError);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('abort between polls rejects at once and cleans up', async () => {
    const controller = new AbortController();
    const { wait, fetch } = poller([pending]);
    const outcome = wait({ signal: controller.signal }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(1_500);
    controller.abort();
    expect(await outcome).toBeInstanceOf(AbortError);
    expect(fetch.sent).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('many waits on one signal hold one listener on it, and no warning; abort reaches all', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const controller = new AbortController();
      const { wait } = poller([pending]);
      const outcomes = Array.from({ length: 50 }, () =>
        wait({ signal: controller.signal }).catch((error: unknown) => error),
      );
      await vi.advanceTimersByTimeAsync(1_500);
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
      controller.abort();
      for (const outcome of await Promise.all(outcomes)) expect(outcome).toBeInstanceOf(AbortError);
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
      expect(vi.getTimerCount()).toBe(0);
      await new Promise((resolve) => process.nextTick(resolve)); // warnings are emitted on a later tick
      expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('waits that end leave no listener on the signal they share', async () => {
    const controller = new AbortController();
    const { wait } = poller([pending, json(200, { status: 'DONE', result: 'ok' })]);
    const outcomes = Array.from({ length: 20 }, () => wait({ signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(5_000);
    for (const outcome of await Promise.all(outcomes))
      expect(outcome).toMatchObject({ status: 'DONE' });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('abort during a request rejects with AbortError', async () => {
    const controller = new AbortController();
    const { wait } = poller(['hang']);
    const outcome = wait({ signal: controller.signal }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    expect(await outcome).toBeInstanceOf(AbortError);
    expect(vi.getTimerCount()).toBe(0);
  });
});
