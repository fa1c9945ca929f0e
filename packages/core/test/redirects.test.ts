// Redirects through both transports, against two real servers on 127.0.0.1
// (two ports: two origins). By default every 3xx is a RedirectError; with
// `redirect: 'same-origin'` a hop within the origin is followed (as fetch
// would rewrite it) and a hop to another origin never is. The credential
// never reaches the other origin, nor any rendering of the error.
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiDescriptor,
  type ClientOptions,
  type CredentialOptions,
  type CredstatError,
  createApiClient,
  RedirectError,
} from '../src/index.js';
import type { Transport } from '../src/transport.js';
import { undiciTransport } from '../src/undici.js';
import { api as fakeApi } from './generated/api.gen.js';
import type { paths } from './generated/types.gen.js';
import { startServer } from './support/server.js';

const CANARY = 'canary-token-123';
const JWT = 'eyJ.a.b';
const STATUSES = [301, 302, 303, 307, 308] as const;

const apiKeyApi: ApiDescriptor = {
  ...fakeApi,
  name: 'fake-api-key',
  auth: { type: 'apiKey', header: 'X-API-KEY' },
};

const TRANSPORTS: { transport: string; make: () => Transport | undefined }[] = [
  { transport: 'fetch', make: () => undefined },
  { transport: 'undici', make: () => undiciTransport() },
];

interface Credential {
  credential: string;
  api: ApiDescriptor;
  options: CredentialOptions;
  /** The header the credential travels in, as the server sees it. */
  header: string;
  value: string;
}
const BEARER: Credential = {
  credential: 'bearer token',
  api: fakeApi,
  options: { token: CANARY },
  header: 'authorization',
  value: `Bearer ${CANARY}`,
};
const API_KEY: Credential = {
  credential: 'api key',
  api: apiKeyApi,
  options: { apiKey: CANARY },
  header: 'x-api-key',
  value: CANARY,
};
const CREDENTIALS = [BEARER, API_KEY];

type Server = Awaited<ReturnType<typeof startServer>>;
let a: Server;
let b: Server;
beforeAll(async () => {
  [a, b] = [await startServer(), await startServer()];
});
afterAll(async () => {
  await a.close();
  await b.close();
});

// Every client a test makes is closed after it, pass or fail.
const clients: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
});

function clientFor(
  make: () => Transport | undefined,
  credential: Credential,
  extra: ClientOptions = {},
) {
  const transport = make();
  const client = createApiClient<paths>(credential.api, {
    ...credential.options,
    baseUrl: a.url,
    retry: false,
    timeoutMs: 3_000,
    ...(transport ? { transport } : {}),
    ...extra,
  });
  clients.push(client);
  return client;
}

type Client = ReturnType<typeof clientFor>;

const OPS = {
  getSession: {
    method: 'GET',
    path: '/sessions/s1',
    final: { status: 'DONE', result: 'followed' },
    call: (client: Client) => client.GET('/sessions/{id}', { params: { path: { id: 's1' } } }),
  },
  issue: {
    method: 'POST',
    path: '/issue',
    final: { idx: 7, uri: 'followed' },
    call: (client: Client) =>
      client.POST('/issue', {
        body: JWT,
        bodySerializer: (body: string) => body,
        headers: { 'content-type': 'application/jwt' },
      }),
  },
} as const;
type OpName = keyof typeof OPS;

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as CredstatError,
  );

/** Server A redirects its first path with `status`; anything else gets `final` (200). */
function redirectOnce(status: number, from: string, location: string, final: unknown) {
  a.handle((req, res) => {
    if (req.url === from) {
      res.writeHead(status, { location, 'content-type': 'text/plain' });
      res.end('moved');
    } else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(final));
    }
  });
}

/** Server B answers 200 to anything: a followed redirect would succeed there. */
function armB() {
  b.handle((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(OPS.getSession.final));
  });
}

function renderings(error: CredstatError): string[] {
  return [
    error.message,
    String(error),
    String(error.stack),
    JSON.stringify(error),
    inspect(error, { depth: 5, showHidden: true }),
  ];
}

/** A RedirectError that names the target without its query and without the credential. */
function expectRefused(
  error: CredstatError,
  expected: { status: number; location: string; crossOrigin: boolean },
) {
  expect(error).toBeInstanceOf(RedirectError);
  expect(error).toMatchObject({ kind: 'redirect', ...expected });
  expect(error.message).toContain(expected.location);
  for (const text of renderings(error)) {
    expect(text).not.toContain('token=abc');
    expect(text).not.toContain(CANARY);
  }
}

const TARGETS: {
  target: string;
  location: () => string;
  expected: () => string;
  crossOrigin: boolean;
}[] = [
  {
    target: 'same origin',
    location: () => `${a.url}/moved?token=abc`,
    expected: () => `${a.url}/moved`,
    crossOrigin: false,
  },
  {
    target: 'same origin (relative Location)',
    location: () => '/moved?token=abc',
    expected: () => `${a.url}/moved`,
    crossOrigin: false,
  },
  {
    target: 'cross origin',
    location: () => `${b.url}/landed?token=abc`,
    expected: () => `${b.url}/landed`,
    crossOrigin: true,
  },
];

/** Every row of `left` combined with every row of `right`. */
const product = <L extends object, R extends object>(left: L[], right: R[]): (L & R)[] =>
  left.flatMap((l) => right.map((r) => ({ ...l, ...r })));

const STATUS_ROWS = STATUSES.map((status) => ({ status }));

describe("redirect unset ('error')", () => {
  it.each(product(product(product(TRANSPORTS, STATUS_ROWS), TARGETS), CREDENTIALS))(
    '$transport: $status to $target with a $credential → RedirectError',
    async (row) => {
      redirectOnce(row.status, OPS.getSession.path, row.location(), OPS.getSession.final);
      armB();
      const client = clientFor(row.make, row);

      const error = await failure(OPS.getSession.call(client));

      expectRefused(error, {
        status: row.status,
        location: row.expected(),
        crossOrigin: row.crossOrigin,
      });
      expect(error).toMatchObject({ operationId: 'getSession', attempts: 1 });
      // The credential did go to A (so its absence elsewhere means something)…
      expect(a.received).toHaveLength(1);
      expect(a.received[0]?.headers[row.header]).toBe(row.value);
      // …and nothing went anywhere else.
      expect(b.received).toHaveLength(0);
      expect(JSON.stringify(b.received)).not.toContain(CANARY);
    },
  );

  it.each(TRANSPORTS)('$transport: a 302 without Location → RedirectError', async ({ make }) => {
    a.handle((_req, res) => {
      res.writeHead(302);
      res.end();
    });
    const error = await failure(OPS.getSession.call(clientFor(make, BEARER)));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: 302, location: undefined, crossOrigin: undefined });
    expect(a.received).toHaveLength(1);
  });
});

describe("redirect: 'same-origin'", () => {
  const OP_ROWS = (Object.keys(OPS) as OpName[]).map((op) => ({ op }));
  const rows = product(product(product(TRANSPORTS, STATUS_ROWS), OP_ROWS), CREDENTIALS);

  it.each(rows)(
    '$transport: $status on $op with a $credential is followed within the origin',
    async (row) => {
      const op = OPS[row.op];
      redirectOnce(row.status, op.path, '/final?token=abc', op.final);
      armB();
      const client = clientFor(row.make, row, { redirect: 'same-origin' });

      const result = await op.call(client);

      expect(result.data).toEqual(op.final);
      expect(result.response.status).toBe(200);
      expect(a.received).toHaveLength(2);
      expect(b.received).toHaveLength(0);
      const [first, second] = a.received;
      expect(first).toMatchObject({ method: op.method, url: op.path });
      // As fetch does: 303 (any method) and 301/302 after a POST become a GET
      // without a body; otherwise the method and body are kept.
      const toGet =
        row.status === 303 || (op.method === 'POST' && (row.status === 301 || row.status === 302));
      const keepsBody = op.method === 'POST' && !toGet;
      expect(second).toMatchObject({
        method: toGet ? 'GET' : op.method,
        url: '/final?token=abc',
        body: keepsBody ? JWT : '',
      });
      expect(second?.headers[row.header]).toBe(row.value);
      if (keepsBody) {
        expect(first?.body).toBe(JWT);
        expect(second?.headers['content-type']).toBe('application/jwt');
      }
      // A follow-up without the body drops the headers that described it, as fetch does.
      if (toGet) expect(second?.headers['content-type']).toBeUndefined();
    },
  );

  it.each(rows)(
    '$transport: $status on $op with a $credential to another origin → RedirectError',
    async (row) => {
      const op = OPS[row.op];
      redirectOnce(row.status, op.path, `${b.url}/landed?token=abc`, op.final);
      armB();
      const client = clientFor(row.make, row, { redirect: 'same-origin' });

      const error = await failure(op.call(client));

      expectRefused(error, {
        status: row.status,
        location: `${b.url}/landed`,
        crossOrigin: true,
      });
      expect(a.received).toHaveLength(1);
      expect(b.received).toHaveLength(0);
    },
  );

  it.each(TRANSPORTS)(
    '$transport: a same-origin hop, then a hop to another origin → RedirectError',
    async ({ make }) => {
      a.handle((req, res) => {
        const location = req.url === '/hop' ? `${b.url}/landed?token=abc` : '/hop';
        res.writeHead(307, { location });
        res.end();
      });
      armB();
      const client = clientFor(make, BEARER, { redirect: 'same-origin' });

      const error = await failure(OPS.getSession.call(client));

      expectRefused(error, { status: 307, location: `${b.url}/landed`, crossOrigin: true });
      expect(error).toMatchObject({ url: `${a.url}/hop`, attempts: 2 });
      expect(a.received.map((r) => r.url)).toEqual(['/sessions/s1', '/hop']);
      expect(b.received).toHaveLength(0);
    },
  );

  it.each(product(TRANSPORTS, STATUS_ROWS))(
    '$transport: a $status loop ends with a RedirectError after 5 hops',
    async (row) => {
      let hop = 0;
      a.handle((_req, res) => {
        hop += 1;
        res.writeHead(row.status, { location: `/loop/${hop}?token=abc` });
        res.end();
      });
      const client = clientFor(row.make, BEARER, { redirect: 'same-origin' });

      const error = await failure(OPS.getSession.call(client));

      expectRefused(error, { status: row.status, location: `${a.url}/loop/6`, crossOrigin: false });
      expect(error.attempts).toBe(6);
      expect(a.received.map((r) => r.url)).toEqual([
        '/sessions/s1',
        '/loop/1?token=abc',
        '/loop/2?token=abc',
        '/loop/3?token=abc',
        '/loop/4?token=abc',
        '/loop/5?token=abc',
      ]);
    },
  );
});
