// Regressions found by the reliability suite's fault server
// (reliability/test/fault-server.test.ts), against a real loopback server:
// - a body nested 10,000 deep made the client throw a RangeError (the redacted
//   copy an ApiError keeps recursed past the stack), not a typed error;
// - a body that stalled after its headers timed out without the status that
//   had arrived.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiError,
  createApiClient,
  InvalidResponseError,
  isCredstatError,
  TimeoutError,
} from '../src/index.js';
import { MAX_BODY_DEPTH } from '../src/outcome.js';
import { api as fakeApi } from './generated/api.gen.js';
import type { paths } from './generated/types.gen.js';
import { startServer } from './support/server.js';

type Server = Awaited<ReturnType<typeof startServer>>;
let server: Server;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

const clients: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
});

function client(timeoutMs = 5_000) {
  const made = createApiClient<paths>(fakeApi, {
    baseUrl: server.url,
    token: 'test-token',
    retry: false,
    timeoutMs,
  });
  clients.push(made);
  return made;
}

const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const getSession = (api: ReturnType<typeof client>) =>
  api.GET('/sessions/{id}', { params: { path: { id: 's1' } } }).then(
    (result) => result,
    (error: unknown) => error,
  );
const getList = (api: ReturnType<typeof client>) =>
  api.GET('/lists/{id}', { params: { path: { id: 'l1' } }, baseUrl: server.url }).then(
    (result) => result,
    (error: unknown) => error,
  );

function answer(status: number, body: string) {
  server.handle((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
  });
}

describe('a body nested 10,000 deep', () => {
  it.each([200, 404])(
    'is a typed not-json error at a documented JSON status (%i)',
    async (status) => {
      answer(status, `{"message":"deep","detail":${deepArray(10_000)}}`);
      const error = await getSession(client());
      expect(isCredstatError(error)).toBe(true);
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(error).toMatchObject({ status, reason: 'not-json' });
    },
  );

  it('is kept as text where the spec leaves the body open (any)', async () => {
    const body = deepArray(10_000);
    answer(404, body);
    const error = await getList(client());
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, body });
  });

  it(`is read as JSON up to ${MAX_BODY_DEPTH} levels`, async () => {
    answer(404, deepArray(MAX_BODY_DEPTH));
    const error = await getList(client());
    expect(error).toBeInstanceOf(ApiError);
    expect(Array.isArray((error as ApiError).body)).toBe(true);
  });
});

describe('a timeout', () => {
  it('keeps the status when the headers arrived and the body stalled', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"id":');
    });
    const error = await getSession(client(100));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ status: 200, timeoutMs: 100 });
    expect((error as Error).message).toContain('reading the body of a 200 answer');
  });

  it('has no status when no headers arrived', async () => {
    server.handle(() => {});
    const error = await getSession(client(100));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(Object.hasOwn(error as object, 'status')).toBe(false);
    expect(JSON.parse(JSON.stringify(error))).not.toHaveProperty('status');
  });
});
