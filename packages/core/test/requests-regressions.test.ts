// Regressions found by the reliability suite (reliability/test/path-params.test.ts,
// reliability/test/secret-canaries.test.ts): each case failed before its fix.
import type { Middleware } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../src/index.js';
import { createRedactor, REDACTED } from '../src/redact.js';
import { api as fakeApi } from './generated/api.gen.js';
import type { paths } from './generated/types.gen.js';
import { json, scriptedFetch } from './support/scripted-fetch.js';

const done = json(200, { status: 'DONE', result: 'ok' });

describe('a path parameter with a lone surrogate', () => {
  // encodeURIComponent throws a URIError on a lone UTF-16 half: the call threw
  // that untyped error instead of core's InvalidParameterError.
  it.each([
    ['a lone high surrogate', '\uD800'],
    ['a lone low surrogate', 'ab\uDC00cd'],
    ['a reversed pair', '\uDC00\uD800'],
  ])('%s is refused with a typed error before anything is sent', async (_label, id) => {
    for (const viaMiddleware of [false, true]) {
      const fetch = scriptedFetch([done], { repeatLast: true });
      const client = createApiClient<paths>(fakeApi, { token: 'tok-1234', fetch });
      if (viaMiddleware) client.use({ onRequest: () => undefined } satisfies Middleware);
      const error = await client
        .GET('/sessions/{id}', { params: { path: { id } } })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({
        kind: 'invalid-parameter',
        parameter: 'id',
        problem: 'is not well-formed Unicode (a lone surrogate)',
        attempts: 0,
      });
      expect(fetch.sent).toHaveLength(0);
    }
  });

  it('a well-formed pair (an emoji) is still sent, as one encoded segment', async () => {
    const fetch = scriptedFetch([done], { repeatLast: true });
    const client = createApiClient<paths>(fakeApi, { token: 'tok-1234', fetch });
    await client.GET('/sessions/{id}', { params: { path: { id: 'a😀b' } } });
    expect(fetch.sent.map((r) => r.url)).toEqual([
      'https://api.example.test/v1/sessions/a%F0%9F%98%80b',
    ]);
  });
});

describe('a server that echoes a credential', () => {
  // redactDeep redacted member values but not member names: an error body
  // echoing the token as a key kept it in ApiError.body.
  it('as a member name of a documented error body: redacted in the ApiError', async () => {
    const token = 'canary-token-member-name-7f3a';
    const fetch = scriptedFetch([json(404, { message: 'nope', [`Bearer ${token}`]: token })]);
    const client = createApiClient<paths>(fakeApi, { token, fetch, retry: false });
    const error = await client
      .GET('/sessions/{id}', { params: { path: { id: 's1' } } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'api', status: 404 });
    expect(JSON.stringify(error)).not.toContain(token);
    expect(Object.keys((error as { body: object }).body)).toContain('Bearer REDACTED');
  });
});

describe('a signed request JWT body', () => {
  // A request JWT (GOV.UK /issue, /revoke) authenticates the request by itself,
  // but the redactor knew only the API key or token: a fetch error quoting the
  // body, or a server echoing it, put the JWT in the error.
  const jwt = `eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJjYW5hcnkifQ.${'c2lnbmF0dXJl'.repeat(4)}`;
  it.each([false, true])(
    'is redacted from a network error quoting it (middleware: %s)',
    async (mw) => {
      const fetch = async (_url: string, init: RequestInit): Promise<Response> => {
        throw new TypeError(`socket closed while sending ${String(init.body)}`);
      };
      const client = createApiClient<paths>(fakeApi, { token: 'tok-1234', fetch, retry: false });
      if (mw) client.use({ onRequest: () => undefined } satisfies Middleware);
      const error = await client
        .POST('/issue', {
          body: jwt as never,
          bodySerializer: String,
          headers: { 'content-type': 'application/jwt' },
        })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'network' });
      const cause = (error as Error).cause as Error;
      expect(`${(error as Error).message} ${cause.message} ${JSON.stringify(error)}`).not.toContain(
        jwt,
      );
    },
  );
});

describe('the redactor under many learned secrets', () => {
  // Signed request bodies and token functions' tokens are learned per call and
  // rotate through a bounded list; the configured credential once rotated out
  // with them after 32 learned secrets, and was then shown in errors.
  it('keeps the configured credential however many secrets it learns', () => {
    const redact = createRedactor(['configured-api-key']);
    for (let i = 0; i < 100; i++) redact.remember(`learned-secret-${i}`);
    expect(redact('key configured-api-key, last learned-secret-99')).toBe(
      `key ${REDACTED}, last ${REDACTED}`,
    );
  });

  it('forgets the oldest learned secrets (it does not grow without bound)', () => {
    const redact = createRedactor([]);
    for (let i = 0; i < 100; i++) redact.remember(`learned-secret-${i}`);
    expect(redact('learned-secret-0 learned-secret-99')).toBe(`learned-secret-0 ${REDACTED}`);
  });
});

describe('secrets a call learns, while many calls run at once', () => {
  // Learned secrets rotated through the last 32: with more calls in flight,
  // the earliest calls' tokens (or signed bodies) were gone from the redactor
  // before their own errors were built, and showed in them. Found in review.
  it('a held secret outlives any number of others learned meanwhile; released, it rotates out', () => {
    const redact = createRedactor([]);
    const release = redact.hold('in-flight-secret');
    for (let i = 0; i < 100; i++) redact.remember(`learned-secret-${i}`);
    expect(redact('in-flight-secret')).toBe(REDACTED);
    release();
    release(); // a second release changes nothing
    expect(redact('in-flight-secret')).toBe('in-flight-secret');
  });

  it('40 calls with their own tokens, answered together: no error shows its token', async () => {
    const CALLS = 40;
    let started = 0;
    let answerAll = () => {};
    const allStarted = new Promise<void>((resolve) => {
      answerAll = resolve;
    });
    // The server echoes each call's credential in a documented 500 body.
    const fetch = async (_url: string, init: RequestInit) => {
      const authorization = new Headers(init.headers).get('authorization') ?? '';
      if (++started === CALLS) answerAll();
      await allStarted;
      return new Response(JSON.stringify({ message: `denied ${authorization}` }), {
        status: 500,
        headers: { 'content-type': 'application/json' },
      });
    };
    let issued = 0;
    const client = createApiClient<paths>(fakeApi, {
      token: () => `per-call-token-${String(++issued).padStart(3, '0')}`,
      fetch,
      retry: false,
    });
    const errors = await Promise.all(
      Array.from({ length: CALLS }, () =>
        client.GET('/sessions/{id}', { params: { path: { id: 's1' } } }).catch((e: unknown) => e),
      ),
    );
    expect(issued).toBe(CALLS);
    for (const error of errors) {
      expect(error).toMatchObject({ kind: 'api', status: 500 });
      expect(JSON.stringify(error)).not.toMatch(/per-call-token-/);
      expect(String((error as Error).message)).not.toMatch(/per-call-token-/);
    }
  });
});
