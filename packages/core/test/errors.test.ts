// Every branch of the error model, against real responses from a local server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AbortError,
  ApiError,
  type CredstatError,
  createApiClient,
  InvalidResponseError,
  isCredstatError,
  NetworkError,
  TimeoutError,
  UnexpectedStatusError,
  unwrap,
} from '../src/index.js';
import { api as fakeApi } from './generated/api.gen.js';
import type { paths } from './generated/types.gen.js';
import { closedPortUrl, startServer } from './support/server.js';

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const clientFor = (baseUrl: string, extra: Parameters<typeof createApiClient>[1] = {}) =>
  createApiClient<paths>(fakeApi, {
    token: 'secret-token',
    baseUrl,
    retry: false,
    timeoutMs: 2_000,
    ...extra,
  });
const read = (baseUrl = server.url, extra: Parameters<typeof createApiClient>[1] = {}) =>
  clientFor(baseUrl, extra).GET('/sessions/{id}', { params: { path: { id: 's1' } } });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as CredstatError,
  );

const reply =
  (
    status: number,
    body: string,
    headers: Record<string, string> = { 'content-type': 'application/json' },
  ) =>
  () =>
    server.handle((_req, res) => {
      res.writeHead(status, headers);
      res.end(body);
    });

describe('success', () => {
  it('resolves with the validated body', async () => {
    reply(200, '{"status":"DONE","result":"ok"}')();
    const { data, response } = await read();
    expect(data).toEqual({ status: 'DONE', result: 'ok' });
    expect(response.status).toBe(200);
    expect(server.received[0]?.headers.authorization).toBe('Bearer secret-token');
  });
});

describe('failures', () => {
  it('documented error status → ApiError with the validated body', async () => {
    reply(410, '{"message":"Session expired"}')();
    const error = await failure(read());
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'api', status: 410, body: { message: 'Session expired' } });
    expect(error.operationId).toBe('getSession');
    expect(error.message).toBe(
      `getSession (GET ${server.url}/sessions/s1) failed with 410: Session expired`,
    );
  });

  it('documented empty error (401) → ApiError with no body', async () => {
    reply(401, '', {})();
    const error = await failure(read());
    expect(error).toMatchObject({ kind: 'api', status: 401, body: undefined });
  });

  it('a body where the spec documents none → InvalidResponseError(unexpected-body)', async () => {
    reply(403, '{"error":"forbidden"}')();
    expect(await failure(read())).toMatchObject({
      kind: 'invalid-response',
      reason: 'unexpected-body',
      status: 403,
    });
  });

  it('undocumented status → UnexpectedStatusError with a body preview', async () => {
    reply(418, "I'm a teapot", { 'content-type': 'text/plain' })();
    const error = await failure(read());
    expect(error).toBeInstanceOf(UnexpectedStatusError);
    expect(error).toMatchObject({ status: 418, bodyPreview: "I'm a teapot" });
  });

  it('body fails validation → InvalidResponseError(schema) with issues', async () => {
    reply(200, '{"status":"EXPLODED"}')();
    const error = await failure(read());
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({
      reason: 'schema',
      status: 200,
      issues: [{ path: '', message: '"status" has unknown value "EXPLODED"' }],
    });
  });

  it('validateResponses: false lets an off-spec body through, but not a non-JSON one', async () => {
    reply(200, '{"status":"EXPLODED"}')();
    expect((await read(server.url, { validateResponses: false })).data).toEqual({
      status: 'EXPLODED',
    });
    reply(200, '<html>')();
    expect(await failure(read(server.url, { validateResponses: false }))).toMatchObject({
      reason: 'not-json',
    });
  });

  it('HTML 502 from a proxy → UnexpectedStatusError (after its retries)', async () => {
    reply(502, '<html><body><h1>502 Bad Gateway</h1></body></html>', {
      'content-type': 'text/html',
    })();
    const error = await failure(read(server.url, { retry: { maxRetries: 1, baseDelayMs: 1 } }));
    expect(error).toBeInstanceOf(UnexpectedStatusError);
    expect(error).toMatchObject({
      status: 502,
      attempts: 2,
      bodyPreview: '<html><body><h1>502 Bad Gateway</h1></body></html>',
    });
    expect(server.received).toHaveLength(2);
  });

  it('HTML where JSON is documented (500) → InvalidResponseError(not-json)', async () => {
    reply(500, '<html>oops</html>', { 'content-type': 'text/html' })();
    expect(await failure(read())).toMatchObject({
      kind: 'invalid-response',
      reason: 'not-json',
      status: 500,
    });
  });

  it('empty 200 with Content-Length: 0 → InvalidResponseError(empty)', async () => {
    reply(200, '', { 'content-type': 'application/json', 'content-length': '0' })();
    expect(await failure(read())).toMatchObject({ reason: 'empty', status: 200 });
  });

  it('empty 200 without Content-Length (chunked) → InvalidResponseError(empty)', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
      res.end();
    });
    expect(await failure(read())).toMatchObject({ reason: 'empty', status: 200 });
  });

  it('truncated body → InvalidResponseError(truncated)', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"status":"DO');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const error = await failure(read());
    expect(error).toMatchObject({ kind: 'invalid-response', reason: 'truncated', status: 200 });
  });

  it('connection refused → NetworkError with the cause kept', async () => {
    const url = await closedPortUrl();
    const error = await failure(read(url));
    expect(error).toBeInstanceOf(NetworkError);
    expect(JSON.stringify(error.cause, Object.getOwnPropertyNames(error.cause))).toContain(
      'fetch failed',
    );
    expect((error.cause as Error).cause).toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('no answer in time → TimeoutError', async () => {
    server.handle(() => {}); // never answers
    const error = await failure(read(server.url, { timeoutMs: 150 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 150, attempts: 1 });
  });

  it('caller abort mid-request → AbortError', async () => {
    server.handle(() => {});
    const controller = new AbortController();
    const pending = failure(
      clientFor(server.url).GET('/sessions/{id}', {
        params: { path: { id: 's1' } },
        signal: controller.signal,
      }),
    );
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toBeInstanceOf(AbortError);
  });

  it('503 documented as JSON: retried, then ApiError', async () => {
    server.handle((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '0' });
      res.end('{"message":"temporarily unavailable"}');
    });
    const issue = clientFor(server.url, { retry: { maxRetries: 2 } }).POST('/issue', {
      body: 'jwt',
      bodySerializer: (body: string) => body,
    });
    expect(await failure(issue)).toMatchObject({ kind: 'api', status: 503, attempts: 3 });
    expect(server.received.map((r) => r.body)).toEqual(['jwt', 'jwt', 'jwt']);
  });

  it('409 documented "retry later": retried until it succeeds', async () => {
    let calls = 0;
    server.handle((_req, res) => {
      calls += 1;
      res.writeHead(calls < 3 ? 409 : 200, {
        'content-type': 'application/json',
        'retry-after': '0',
      });
      res.end(
        calls < 3
          ? '{"message":"retry after a short delay"}'
          : '{"idx":7,"uri":"https://x.test/t/1"}',
      );
    });
    const { data } = await clientFor(server.url, { retry: { maxRetries: 2 } }).POST('/issue', {
      body: 'jwt',
      bodySerializer: (body: string) => body,
    });
    expect(data).toEqual({ idx: 7, uri: 'https://x.test/t/1' });
    expect(calls).toBe(3);
  });
});

describe('narrowing', () => {
  it('by class, by kind, and by isCredstatError', async () => {
    reply(404, '{"message":"not found"}')();
    const error: unknown = await failure(read());
    expect(isCredstatError(error)).toBe(true);
    expect(isCredstatError(new Error('x'))).toBe(false);
    if (!isCredstatError(error)) throw error;
    const described = (() => {
      if (error instanceof ApiError && error.hasStatus(404))
        return `gone: ${(error.body as { message: string }).message}`;
      return error.kind;
    })();
    expect(described).toBe('gone: not found');
  });
});

describe('throwOnError: false (openapi-fetch convention)', () => {
  it('resolves documented errors as { error }, and unwrap() turns them into ApiError', async () => {
    reply(404, '{"message":"not found"}')();
    const result = await read(server.url, { throwOnError: false });
    expect(result.error).toEqual({ message: 'not found' });
    expect(result.response.status).toBe(404);
    reply(404, '{"message":"not found"}')();
    const error = await failure(unwrap(read(server.url, { throwOnError: false })));
    expect(error).toMatchObject({
      kind: 'api',
      status: 404,
      body: { message: 'not found' },
      operationId: 'getSession',
    });
  });

  it('an empty documented error still reports its status', async () => {
    reply(401, '', {})();
    const result = await read(server.url, { throwOnError: false });
    expect(result.error).toBeUndefined();
    expect(result.response.status).toBe(401);
    reply(401, '', {})();
    expect(await failure(unwrap(read(server.url, { throwOnError: false })))).toMatchObject({
      status: 401,
    });
  });

  it('still throws what has no documented shape', async () => {
    reply(418, 'teapot', { 'content-type': 'text/plain' })();
    expect(await failure(read(server.url, { throwOnError: false }))).toBeInstanceOf(
      UnexpectedStatusError,
    );
    reply(200, '{"status":"EXPLODED"}')();
    expect(await failure(read(server.url, { throwOnError: false }))).toBeInstanceOf(
      InvalidResponseError,
    );
  });
});

describe('client options', () => {
  it('refuses a call without the credential the API documents, sending nothing', async () => {
    server.handle((_req, res) => res.end('{"status":"DONE","result":"ok"}'));
    const error = await failure(read(server.url, { token: undefined }));
    expect(error).toMatchObject({ kind: 'credential', credential: 'token', reason: 'missing' });
    expect(error.attempts).toBe(0);
    expect(server.received).toHaveLength(0);
  });

  it('uses the spec server by default', async () => {
    const seen: string[] = [];
    const api = createApiClient<paths>(fakeApi, {
      token: 'secret-token',
      fetch: async (url) => {
        seen.push(url);
        return new Response('{"status":"PENDING"}', { status: 200 });
      },
    });
    await api.GET('/sessions/{id}', { params: { path: { id: 'a b' } } });
    expect(seen).toEqual(['https://api.example.test/v1/sessions/a%20b']);
  });
});
