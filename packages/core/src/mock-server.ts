// credstat-mock's HTTP server: node:http on 127.0.0.1 only, answering each
// request with the first mock whose routes match it. Every answer carries CORS
// headers, so a page on another localhost origin can call it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MOCK_HEADER, problem } from './mock/answers.js';
import { type MockApi, POLLS_HEADER, SCENARIO_HEADER } from './mock/engine.js';
import type { MockRoute } from './mock/routes.js';

/** Lists every API the server runs and its scenarios, as JSON. */
export const SCENARIOS_PATH = '/__credstat/scenarios';
/** `POST` here: every session of every API starts again (as `reset()` does). */
export const RESET_PATH = '/__credstat/reset';

export interface MockServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly apis: readonly MockApi[];
  /** Stops listening and ends open connections. */
  close(): Promise<void>;
}

export interface MockServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The mocks to run, each serving every route on `baseUrl` (the server's URL). */
  create: (baseUrl: string) => MockApi[];
}

/** A route's path template, split at `/`. */
const segments = (route: MockRoute) => route.url.slice(new URL(route.url).origin.length).split('/');

/** Two routes one request could match: a segment with a parameter matches any segment. */
function overlap(a: MockRoute, b: MockRoute): boolean {
  if (a.method !== b.method) return false;
  const [left, right] = [segments(a), segments(b)];
  return (
    left.length === right.length &&
    left.every((part, i) => {
      const other = right[i] as string;
      return part === other || part.includes('{') || other.includes('{');
    })
  );
}

/** Every pair of routes of different mocks that collide, described. */
export function routeCollisions(apis: readonly MockApi[]): string[] {
  const found: string[] = [];
  apis.forEach((api, i) => {
    for (const other of apis.slice(i + 1)) {
      for (const route of api.routes) {
        const clash = other.routes.find((candidate) => overlap(route, candidate));
        if (clash)
          found.push(`${api.name} ${route.method} ${route.url} and ${other.name} ${clash.url}`);
      }
    }
  });
  return found;
}

function corsHeaders(): Record<string, string> {
  return {
    'access-control-allow-origin': '*',
    'access-control-expose-headers': ['Location', 'Retry-After', MOCK_HEADER].join(', '),
  };
}

function preflightHeaders(apis: readonly MockApi[]): Record<string, string> {
  const allowed = new Set(['Accept', 'Content-Type', SCENARIO_HEADER, POLLS_HEADER]);
  for (const api of apis) for (const header of api.credentialHeaders) allowed.add(header);
  return {
    ...corsHeaders(),
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-allow-headers': [...allowed].join(', '),
    'access-control-max-age': '600',
  };
}

/** Headers a proxy or the connection owns, not the request. */
const HOP_BY_HOP = new Set([
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
]);

async function toRequest(incoming: IncomingMessage, url: URL): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = incoming.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers });
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return new Request(url, { method, headers, body: Buffer.concat(chunks) });
}

async function send(
  outgoing: ServerResponse,
  response: Response,
  extra: Record<string, string>,
): Promise<void> {
  const headers: Record<string, string> = { ...extra };
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = Buffer.from(await response.arrayBuffer());
  outgoing.writeHead(response.status, headers);
  outgoing.end(body);
}

export function startMockServer(options: MockServerOptions): Promise<MockServer> {
  let apis: MockApi[] = [];
  let origin = '';
  const server = createServer((incoming, outgoing) => {
    void answerRequest(incoming, outgoing);
  });

  async function answerRequest(incoming: IncomingMessage, outgoing: ServerResponse) {
    try {
      if (incoming.method === 'OPTIONS') {
        outgoing.writeHead(204, preflightHeaders(apis));
        outgoing.end();
        return;
      }
      const url = new URL(incoming.url ?? '/', origin);
      if (incoming.method === 'GET' && url.pathname === SCENARIOS_PATH) {
        const listing = {
          apis: apis.map(({ name, scenarios }) => ({ name, scenarios })),
        };
        const json = new Response(JSON.stringify(listing), {
          headers: { 'content-type': 'application/json', [MOCK_HEADER]: 'scenarios' },
        });
        return await send(outgoing, json, corsHeaders());
      }
      if (incoming.method === 'POST' && url.pathname === RESET_PATH) {
        for (const api of apis) api.reset();
        const done = new Response(null, { status: 204, headers: { [MOCK_HEADER]: 'reset' } });
        return await send(outgoing, done, corsHeaders());
      }
      const request = await toRequest(incoming, url);
      let response: Response | undefined;
      for (const api of apis) {
        response = await api.handle(request);
        if (response) break;
      }
      const answer =
        response ??
        problem(
          404,
          'no-route',
          'No such route',
          `no API of this mock (${apis.map(({ name }) => name).join(', ')}) has ${request.method} ${url.pathname}`,
        );
      await send(outgoing, answer, corsHeaders());
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      await send(outgoing, problem(500, 'mock-error', 'The mock failed', detail), corsHeaders());
    }
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      origin = `http://127.0.0.1:${port}`;
      const close = () =>
        new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        });
      try {
        apis = options.create(origin);
        const collisions = routeCollisions(apis);
        if (collisions.length > 0)
          throw new Error(`these APIs' routes collide on one origin: ${collisions.join('; ')}`);
      } catch (error) {
        void close().then(() => reject(error));
        return;
      }
      resolve({ url: origin, apis, close });
    });
  });
}
