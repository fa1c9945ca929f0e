// Credentials per attempt: token functions, the one refresh after a 401, and
// credentials refused before anything is sent, never shown in any rendering.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  type ApiDescriptor,
  createApiClient,
  isCredstatError,
  type RetryEvent,
  type TokenRequest,
} from '../src/index.js';
import { api as fakeApi } from './generated/api.gen.js';
import type { paths } from './generated/types.gen.js';
import { json, type Step, scriptedFetch } from './support/scripted-fetch.js';

const keyApi: ApiDescriptor = { ...fakeApi, auth: { type: 'apiKey', header: 'X-API-KEY' } };
const session = json(200, { status: 'DONE', result: 'ok' });
const unauthorized: Step = { status: 401, body: '' };

function setup(
  steps: Step[],
  options: Parameters<typeof createApiClient>[1],
  api: ApiDescriptor = fakeApi,
) {
  const fetch = scriptedFetch(steps, { repeatLast: true });
  const events: RetryEvent[] = [];
  const client = createApiClient<paths>(api, {
    fetch,
    retry: { baseDelayMs: 1, maxDelayMs: 1 },
    onRetry: (event) => events.push(event),
    ...options,
  });
  const call = () => client.GET('/sessions/{id}', { params: { path: { id: 's1' } } });
  const sentAuth = () => fetch.sent.map((request) => request.headers.get('authorization'));
  return { client, call, fetch, events, sentAuth };
}

function tokens(prefix = 'token') {
  const asked: TokenRequest[] = [];
  const source = async (request: TokenRequest) => {
    asked.push(request);
    return `${prefix}-${asked.length}-secret`;
  };
  return Object.assign(source, { asked });
}

/** Every way an error can be rendered or logged. */
function renderings(error: unknown): string {
  return [
    String(error),
    (error as Error).message,
    (error as Error).stack,
    inspect(error, { depth: 5 }),
    JSON.stringify(error),
  ].join('\n');
}

describe('token functions', () => {
  it('are asked once per attempt, so a retried 503 sends two different tokens', async () => {
    const source = tokens();
    const { call, sentAuth } = setup([json(503, { message: 'busy' }), session], { token: source });
    expect((await call()).data).toEqual({ status: 'DONE', result: 'ok' });
    expect(sentAuth()).toEqual(['Bearer token-1-secret', 'Bearer token-2-secret']);
    expect(source.asked.map((request) => request.refresh)).toEqual([false, false]);
  });

  it('after a 401, are asked once more with refresh: true, and the typed 200 comes back', async () => {
    const source = tokens();
    const { call, sentAuth, events } = setup([unauthorized, session], { token: source });
    const { data } = await call();
    expect(data).toEqual({ status: 'DONE', result: 'ok' });
    expect(sentAuth()).toEqual(['Bearer token-1-secret', 'Bearer token-2-secret']);
    expect(source.asked.map((request) => request.refresh)).toEqual([false, true]);
    expect(events).toMatchObject([{ reason: 'token-refresh', attempt: 1, delayMs: 0 }]);
  });

  it('refresh once even with retries off, apart from the retry budget', async () => {
    const source = tokens();
    const { call, fetch } = setup([unauthorized, session], { token: source, retry: false });
    expect((await call()).data).toEqual({ status: 'DONE', result: 'ok' });
    expect(fetch.sent).toHaveLength(2);
  });

  it('a second 401 is the typed error, after exactly one refresh', async () => {
    const source = tokens();
    const { call, fetch } = setup([unauthorized], { token: source });
    const error = await call().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'api', status: 401, attempts: 2 });
    expect(fetch.sent).toHaveLength(2);
    expect(source.asked).toHaveLength(2);
  });

  it.each([
    ['a fixed token', { token: 'fixed-token-1234' }, fakeApi],
    ['an API key', { apiKey: 'fixed-key-1234' }, keyApi],
  ])('with %s, a 401 is the typed error at once', async (_label, options, api) => {
    const { call, fetch } = setup([unauthorized], options, api);
    expect(await call().catch((e: unknown) => e)).toMatchObject({ kind: 'api', status: 401 });
    expect(fetch.sent).toHaveLength(1);
  });

  it('tokens a function returns later are redacted from errors and hooks', async () => {
    const source = tokens('late');
    // The server echoes the token it was sent in its error body.
    const echo: Step = { status: 500, body: '{"message":"bad token late-1-secret late-2-secret"}' };
    const { call, events } = setup([echo], { token: source, retry: { maxRetries: 1 } });
    const error = await call().catch((e: unknown) => e);
    expect(isCredstatError(error)).toBe(true);
    const rendered = `${renderings(error)}\n${JSON.stringify(events)}`;
    expect(rendered).not.toMatch(/late-\d-secret/);
    expect(rendered).toContain('REDACTED');
  });

  it('a token function that throws is a credential error that keeps nothing of its message', async () => {
    const { call, fetch } = setup([session], {
      token: async () => {
        throw new Error('vault said no to secret-abcdef');
      },
    });
    const error = await call().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'credential', reason: 'provider-failed' });
    expect(renderings(error)).not.toContain('secret-abcdef');
    expect(fetch.sent).toHaveLength(0);
  });
});

describe('credentials refused before anything is sent', () => {
  it.each([
    ['an empty API key', { apiKey: '' }, keyApi, 'apiKey', 'missing'],
    ['no API key', {}, keyApi, 'apiKey', 'missing'],
    ['an API key with CR/LF', { apiKey: 'key-1234\r\nX-Evil: 1' }, keyApi, 'apiKey', 'malformed'],
    ['an API key with NUL', { apiKey: 'key-1234\u0000' }, keyApi, 'apiKey', 'malformed'],
    ['a token with LF', { token: 'tok-1234\nx' }, fakeApi, 'token', 'malformed'],
    ['a non-ASCII token', { token: 'tök-1234' }, fakeApi, 'token', 'malformed'],
    ['an empty token', { token: '' }, fakeApi, 'token', 'missing'],
    ['a token function returning ""', { token: (): string => '' }, fakeApi, 'token', 'missing'],
    [
      'a token function returning CR',
      { token: (): string => 'tok-1234\r' },
      fakeApi,
      'token',
      'malformed',
    ],
  ] as const)('%s', async (_label, options, api, credential, reason) => {
    const { call, fetch } = setup([session], options, api);
    const error = await call().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'credential', credential, reason, attempts: 0 });
    expect(fetch.sent).toHaveLength(0);
    const value = Object.values(options)[0];
    if (typeof value === 'string' && value.length > 0) {
      expect(renderings(error)).not.toContain(value.slice(0, 8));
    }
  });
});
