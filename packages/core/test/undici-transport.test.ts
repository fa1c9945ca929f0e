// The undici transport against real HTTP servers on 127.0.0.1: what it sends,
// what it reads, that it never follows a redirect, that aborts and close() end
// sockets, and that a caller's ProxyAgent carries the request.
import { createServer, request as forward, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect as dial, type Socket } from 'node:net';
import { Agent, interceptors, ProxyAgent, request } from 'undici';
import { describe, expect, it } from 'vitest';
import type { OutgoingRequest, Transport } from '../src/transport.js';
import { undiciTransport } from '../src/undici.js';
import { cleanups, server } from './support/cleanups.js';

function transport(options?: Parameters<typeof undiciTransport>[0]): Transport {
  const created = undiciTransport(options);
  cleanups.push(() => created.close());
  return created;
}

function outgoing(url: string, extra: Partial<OutgoingRequest> = {}): OutgoingRequest {
  return {
    url,
    method: 'GET',
    headers: {},
    body: undefined,
    signal: AbortSignal.timeout(4_000),
    ...extra,
  };
}

/** Resolves when the server side of a socket has closed, or rejects at the bound. */
function closed(socket: Socket, ms = 2_000): Promise<void> {
  if (socket.destroyed) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket still open')), ms);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('an exchange', () => {
  it('sends method, headers and body; reads status, headers and text', async () => {
    const api = await server();
    api.handle((_req, res) => {
      res.statusCode = 201;
      res.setHeader('content-type', 'application/json');
      res.setHeader('x-multi', ['a', 'b']);
      res.setHeader('set-cookie', ['one=1', 'two=2']);
      res.end('{"id":"s1"}');
    });

    const answer = await transport().send(
      outgoing(`${api.url}/sessions?x=1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
        body: '{"name":"n"}',
      }),
    );

    expect(api.received).toHaveLength(1);
    expect(api.received[0]).toMatchObject({
      method: 'POST',
      url: '/sessions?x=1',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
      body: '{"name":"n"}',
    });
    expect(answer.status).toBe(201);
    expect(typeof answer.statusText).toBe('string');
    expect(answer.headers.get('Content-Type')).toBe('application/json');
    expect(answer.headers.get('x-multi')).toBe('a, b');
    expect(answer.headers.get('x-absent')).toBeNull();
    // A plain object underneath: its prototype is not a header.
    expect(answer.headers.get('constructor')).toBeNull();
    const text = await answer.text();
    expect(text).toBe('{"id":"s1"}');
    expect(await answer.text()).toBe(text);

    const response = answer.toResponse(text);
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.getSetCookie()).toEqual(['one=1', 'two=2']);
    expect(await response.text()).toBe('{"id":"s1"}');
  });

  it.each([204, 304])('toResponse gives %i a null body', async (status) => {
    const api = await server();
    api.handle((_req, res) => {
      res.statusCode = status;
      res.end();
    });
    const answer = await transport().send(outgoing(api.url));
    const text = await answer.text();
    expect(text).toBe('');
    const response = answer.toResponse(text);
    expect(response.status).toBe(status);
    expect(response.body).toBeNull();
  });
});

describe('redirects', () => {
  it.each([301, 302, 303, 307, 308])(
    'returns a %i to another origin as is; the target hears nothing',
    async (status) => {
      const [api, elsewhere] = [await server(), await server()];
      api.handle((_req, res) => {
        res.writeHead(status, { location: `${elsewhere.url}/landed` });
        res.end('moved');
      });

      const answer = await transport().send(
        outgoing(`${api.url}/start`, { method: 'POST', body: '{}' }),
      );

      expect(answer.status).toBe(status);
      expect(answer.headers.get('location')).toBe(`${elsewhere.url}/landed`);
      expect(await answer.text()).toBe('moved');
      expect(answer.toResponse('moved').headers.get('location')).toBe(`${elsewhere.url}/landed`);
      expect(api.received).toHaveLength(1);
      expect(elsewhere.received).toHaveLength(0);
    },
  );

  it("is not followed even by a caller's dispatcher that follows redirects", async () => {
    const [api, elsewhere] = [await server(), await server()];
    api.handle((_req, res) => {
      res.writeHead(302, { location: `${elsewhere.url}/landed` });
      res.end();
    });
    const following = new Agent().compose(interceptors.redirect({ maxRedirections: 3 }));
    cleanups.push(() => following.close());

    const answer = await undiciTransport({ dispatcher: following }).send(
      outgoing(`${api.url}/start`, { headers: { 'x-api-key': 'canary-key-1234' } }),
    );

    expect(answer.status).toBe(302);
    await answer.text();
    expect(elsewhere.received).toHaveLength(0);
  });
});

describe('aborts', () => {
  it('rejects with the reason of an already aborted signal, sending nothing', async () => {
    const api = await server();
    const reason = new Error('caller gave up');
    const sending = transport().send(outgoing(api.url, { signal: AbortSignal.abort(reason) }));
    await expect(sending).rejects.toBe(reason);
    expect(api.received).toHaveLength(0);
  });

  it('rejects a request the server is sitting on, and drops its socket', async () => {
    const api = await server();
    const held: ServerResponse[] = [];
    let socket: Socket | undefined;
    api.handle((req, res) => {
      socket = req.socket;
      held.push(res); // never answered
    });
    cleanups.push(() => {
      for (const res of held) res.destroy();
    });
    const controller = new AbortController();

    const sending = transport().send(outgoing(api.url, { signal: controller.signal }));
    await expect.poll(() => api.received.length).toBe(1);
    controller.abort();

    await expect(sending).rejects.toMatchObject({ name: 'AbortError' });
    await closed(socket as Socket);
  });

  it('rejects text() when the signal aborts mid-body, and drops its socket', async () => {
    const api = await server();
    let socket: Socket | undefined;
    api.handle((req, res) => {
      socket = req.socket;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first half…'); // and the rest never comes
    });
    const controller = new AbortController();

    const answer = await transport().send(outgoing(api.url, { signal: controller.signal }));
    const reading = answer.text();
    controller.abort();

    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    await closed(socket as Socket);
  });
});

describe('close()', () => {
  it('ends the keep-alive sockets of the Agent it created', async () => {
    const api = await server();
    const sockets = new Set<Socket>();
    api.handle((req, res) => {
      sockets.add(req.socket);
      res.end('ok');
    });
    const own = transport();

    for (let i = 0; i < 3; i++) await (await own.send(outgoing(api.url))).text();
    // Kept alive: read to the end, not one socket has been closed.
    expect(sockets.size).toBeGreaterThan(0);
    for (const socket of sockets) expect(socket.destroyed).toBe(false);

    await own.close();
    await Promise.all([...sockets].map((socket) => closed(socket)));
    await own.close(); // idempotent
    await expect(own.send(outgoing(api.url))).rejects.toThrow();
  });

  it("leaves a caller's dispatcher open and usable", async () => {
    const api = await server();
    api.handle((_req, res) => res.end('ok'));
    const agent = new Agent();
    cleanups.push(() => agent.close());
    const borrowed = transport({ dispatcher: agent });

    await (await borrowed.send(outgoing(api.url))).text();
    await borrowed.close();

    expect(agent.closed).toBe(false);
    const direct = await request(api.url, { dispatcher: agent });
    expect(await direct.body.text()).toBe('ok');
    // Another transport on the same dispatcher still works too.
    const again = await transport({ dispatcher: agent }).send(outgoing(api.url));
    expect(await again.text()).toBe('ok');
  });
});

/** A forwarding HTTP proxy on 127.0.0.1 that counts what it carries. */
async function startProxy() {
  const seen = { tunnels: [] as string[], forwarded: [] as string[] };
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  // Absolute-URI forwarding: `GET http://host:port/path HTTP/1.1`.
  const proxy = createServer((req, res) => {
    seen.forwarded.push(req.url ?? '');
    const target = new URL(req.url ?? '');
    const upstream = forward(
      target,
      { method: req.method, headers: req.headers, agent: false },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  // Tunnelling: `CONNECT host:port`, then raw bytes both ways.
  proxy.on('connect', (req, client: Socket, head: Buffer) => {
    seen.tunnels.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = dial(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    track(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  proxy.on('connection', track);
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  const close = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
  };
  cleanups.push(close);
  return { url: `http://127.0.0.1:${port}`, seen };
}

describe("a caller's ProxyAgent", () => {
  it('tunnels an http:// request with CONNECT (undici 7 default)', async () => {
    const [api, proxy] = [await server(), await startProxy()];
    api.handle((_req, res) => res.end('via tunnel'));
    const agent = new ProxyAgent({ uri: proxy.url });
    cleanups.push(() => agent.close());

    const answer = await transport({ dispatcher: agent }).send(outgoing(`${api.url}/t`));

    expect(await answer.text()).toBe('via tunnel');
    expect(proxy.seen.tunnels).toEqual([new URL(api.url).host]);
    expect(proxy.seen.forwarded).toEqual([]);
    expect(api.received.map((r) => r.url)).toEqual(['/t']);
  });

  it('forwards by absolute URI with proxyTunnel: false', async () => {
    const [api, proxy] = [await server(), await startProxy()];
    api.handle((_req, res) => res.end('via forward'));
    const agent = new ProxyAgent({ uri: proxy.url, proxyTunnel: false });
    cleanups.push(() => agent.close());

    const answer = await transport({ dispatcher: agent }).send(
      outgoing(`${api.url}/f`, { method: 'POST', body: 'hi' }),
    );

    expect(await answer.text()).toBe('via forward');
    expect(proxy.seen.forwarded).toEqual([`${api.url}/f`]);
    expect(proxy.seen.tunnels).toEqual([]);
    expect(api.received).toMatchObject([{ method: 'POST', url: '/f', body: 'hi' }]);
  });
});
