// client.close(), through both transports, against real servers on 127.0.0.1:
// calls in flight and retry waits end at once with AbortError('closed'), later
// calls send nothing, no timer outlives the client, the undici transport's
// keep-alive sockets end, and closing twice is harmless.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  type ClientOptions,
  type CredstatError,
  createApiClient,
  type RetryEvent,
} from '../src/index.js';
import type { Transport } from '../src/transport.js';
import { undiciTransport } from '../src/undici.js';
import { api as fakeApi } from './generated/api.gen.js';
import type { paths } from './generated/types.gen.js';
import { cleanups, server } from './support/cleanups.js';

const TRANSPORTS: { transport: string; make: () => Transport | undefined }[] = [
  { transport: 'fetch', make: () => undefined },
  { transport: 'undici', make: () => undiciTransport() },
];

function clientFor(baseUrl: string, make: () => Transport | undefined, extra: ClientOptions = {}) {
  const transport = make();
  const client = createApiClient<paths>(fakeApi, {
    token: 'close-test-token',
    baseUrl,
    timeoutMs: 10_000,
    ...(transport ? { transport } : {}),
    ...extra,
  });
  cleanups.push(() => client.close());
  return client;
}

const read = (client: ReturnType<typeof clientFor>) =>
  client.GET('/sessions/{id}', { params: { path: { id: 's1' } } });

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as CredstatError,
  );

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits (with plain timers that are gone once it returns) until `check` holds. */
async function until(check: () => boolean, ms = 2_000): Promise<void> {
  for (const end = Date.now() + ms; !check(); ) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await delay(5);
  }
}

/** A per-attempt timeout no other code in the process arms. */
const ATTEMPT_MS = 9_871;

/** A call the server never answers. */
function hangingServer(api: Awaited<ReturnType<typeof server>>) {
  const held: ServerResponse[] = [];
  api.handle((_req, res) => {
    held.push(res);
  });
  cleanups.push(() => {
    for (const res of held) res.destroy();
  });
}

describe('calls in flight and after', () => {
  it.each(TRANSPORTS)(
    '$transport: a hanging call ends with AbortError(closed); later calls send nothing',
    async ({ make }) => {
      const api = await server();
      hangingServer(api);
      const client = clientFor(api.url, make);

      const pending = failure(read(client));
      await until(() => api.received.length === 1);
      const started = Date.now();
      await client.close();
      const error = await pending;

      expect(Date.now() - started).toBeLessThan(2_000);
      expect(error).toBeInstanceOf(AbortError);
      expect(error).toMatchObject({ kind: 'abort', reason: 'closed', attempts: 1 });
      expect(error.message).toContain('client closed');

      const later = await failure(read(client));
      expect(later).toBeInstanceOf(AbortError);
      expect(later).toMatchObject({ kind: 'abort', reason: 'closed', attempts: 0 });
      await delay(50);
      // Neither a retry of the first call nor the later call reached the server.
      expect(api.received).toHaveLength(1);
    },
  );

  it.each(TRANSPORTS)(
    '$transport: close() from the onRetry hook ends the call before its wait',
    async ({ make }) => {
      const api = await server();
      api.handle((_req, res) => {
        res.writeHead(503, { 'retry-after': '3', 'content-type': 'text/plain' });
        res.end('busy');
      });
      const client = clientFor(api.url, make, {
        retry: { maxRetries: 2 },
        onRetry: () => void client.close(),
      });
      const started = Date.now();
      const error = await failure(read(client));
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(error).toMatchObject({ kind: 'abort', reason: 'closed', attempts: 1 });
      expect(api.received).toHaveLength(1);
    },
  );

  it.each(TRANSPORTS)(
    '$transport: close() during a 30 s Retry-After wait ends the call at once',
    async ({ make }) => {
      const api = await server();
      api.handle((_req, res) => {
        res.writeHead(503, { 'retry-after': '30', 'content-type': 'text/plain' });
        res.end('busy');
      });
      const retries: RetryEvent[] = [];
      const client = clientFor(api.url, make, {
        retry: { maxRetries: 2 },
        onRetry: (event) => retries.push(event),
      });

      const pending = failure(read(client));
      await until(() => retries.length === 1);
      expect(retries[0]).toMatchObject({ reason: 503, delayMs: 30_000 });
      await delay(20); // inside the wait now
      const started = Date.now();
      await client.close();
      const error = await pending;

      expect(Date.now() - started).toBeLessThan(1_000);
      expect(error).toBeInstanceOf(AbortError);
      expect(error).toMatchObject({ reason: 'closed', attempts: 1 });
      expect(api.received).toHaveLength(1);
    },
  );
});

describe('resources', () => {
  it.each(TRANSPORTS)('$transport: no timer outlives the client', async ({ make }) => {
    const api = await server();
    api.handle((req, res) => {
      if (req.url === '/sessions/hang') return; // never answered
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"DONE","result":"ok"}');
    });
    // The client's own timers, told apart by their delay: the attempt timeout.
    // (Counting every Timeout in the process also counts the server's and
    // undici's, which come and go on their own.)
    const armed = vi.spyOn(globalThis, 'setTimeout');
    cleanups.push(() => armed.mockRestore());
    const ours = () =>
      armed.mock.results
        .filter((_result, index) => armed.mock.calls[index]?.[1] === ATTEMPT_MS)
        .map((result) => result.value as NodeJS.Timeout & { _destroyed?: boolean });

    const client = clientFor(api.url, make, { timeoutMs: ATTEMPT_MS });
    expect((await read(client)).data).toEqual({ status: 'DONE', result: 'ok' });
    const pending = failure(client.GET('/sessions/{id}', { params: { path: { id: 'hang' } } }));
    await until(() => api.received.length === 2);
    // One timer per attempt; the finished one is cleared, the hanging one is armed.
    expect(ours()).toHaveLength(2);
    expect(ours().map((timer) => timer._destroyed === true)).toEqual([true, false]);
    await client.close();

    expect(await pending).toMatchObject({ kind: 'abort', reason: 'closed' });
    expect(ours().every((timer) => timer._destroyed === true)).toBe(true);
  });

  it('undici: close() ends the keep-alive sockets it opened', async () => {
    const sockets = new Set<Socket>();
    const api = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"DONE","result":"ok"}');
    });
    // Long enough that only the client can be the one closing them.
    api.keepAliveTimeout = 60_000;
    api.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    cleanups.push(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => api.close(() => resolve()));
    });
    const { port } = api.address() as AddressInfo;
    const client = clientFor(`http://127.0.0.1:${port}`, () => undiciTransport());

    for (let i = 0; i < 3; i++) await read(client);
    await Promise.all([read(client), read(client), read(client)]);
    expect(sockets.size).toBeGreaterThan(0);
    for (const socket of sockets) expect(socket.destroyed).toBe(false);

    await client.close();
    await until(() => sockets.size === 0);
    expect(sockets.size).toBe(0);
  });
});

describe('idempotence', () => {
  it.each(TRANSPORTS)('$transport: close() twice, or twice at once, resolves', async ({ make }) => {
    const api = await server();
    api.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"PENDING"}');
    });
    const client = clientFor(api.url, make);
    await read(client);

    await expect(Promise.all([client.close(), client.close()])).resolves.toBeDefined();
    await expect(client.close()).resolves.toBeUndefined();
    expect(await failure(read(client))).toMatchObject({ kind: 'abort', reason: 'closed' });
    expect(api.received).toHaveLength(1);
  });
});
