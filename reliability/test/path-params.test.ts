// Requests: properties. Every operation with path parameters, called through
// its package's client with hostile values (delimiters, dot segments, `%`,
// arbitrary Unicode, empty and 10 kB+ strings): the call either reaches exactly
// the operation's path, each value one percent-encoded segment (checked on the
// raw request line), or is refused with core's typed error before anything is
// sent. Never another resource; the credential only ever goes to this origin.
import { isCredstatError } from '@credstat/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFigures, runs, seedOf } from '../lib/figures.ts';
import { type AnyClient, type ApiOperation, type ApiUnderTest, apis } from '../requests/apis.ts';
import { type GuardedFetch, guardedFetch } from '../requests/guarded-fetch.ts';
import { targetProblem } from '../requests/path-check.ts';
import { pathValues } from '../requests/path-values.ts';
import { type RecordingServer, startRecordingServer } from '../requests/recording-server.ts';

const API_KEY = 'path-params-key-4b1f9c2e7d';
const TOKEN = 'path-params-token-8e3a5d1c6f';
/** A base path on the client's URL: it must survive every call too. */
const BASE_PATH = '/base';

const cases = apis.flatMap((api) =>
  api.operations.filter((op) => op.pathParams.length > 0).map((op) => ({ api, op })),
);

const totals = { calls: 0, long: 0, reached: 0, refused: 0, elsewhere: 0 };
let server: RecordingServer;
let guard: GuardedFetch;
const clients = new Map<string, AnyClient>();

beforeAll(async () => {
  server = await startRecordingServer();
  guard = guardedFetch(server.origin);
});

afterAll(async () => {
  await Promise.all([...clients.values()].map((client) => client.close()));
  await server?.close();
  reportFigures('requests: path parameters', 20, [
    { label: 'operations with path parameters', value: cases.length },
    { label: 'calls with generated values', value: totals.calls },
    { label: 'calls with a value of 10 kB or more', value: totals.long },
    { label: 'reached exactly the operation path', value: totals.reached },
    { label: 'refused with a typed error before sending', value: totals.refused },
    { label: 'sent to another resource or origin', value: totals.elsewhere },
  ]);
});

/** One client per API and setting: schema checks on or off, through middleware or not. */
function clientFor(api: ApiUnderTest, validate: boolean, middleware: boolean): AnyClient {
  const key = `${api.name} ${validate} ${middleware}`;
  let client = clients.get(key);
  if (!client) {
    client = api.createClient({
      baseUrl: server.origin + BASE_PATH,
      fetch: guard.fetch,
      retry: false,
      validateRequests: validate,
      ...(api.credential === 'apiKey' ? { apiKey: API_KEY } : {}),
      ...(api.credential === 'token' ? { token: TOKEN } : {}),
    });
    // Middleware takes openapi-fetch's own URL building instead of core's.
    if (middleware) client.use({ onRequest: () => undefined });
    clients.set(key, client);
  }
  return client;
}

function expectedCredential(api: ApiUnderTest): string | undefined {
  if (api.credential === 'apiKey') return API_KEY;
  if (api.credential === 'token') return `Bearer ${TOKEN}`;
  return undefined;
}

/** One call: where it went, or that it was refused before sending. */
async function callOnce(
  api: ApiUnderTest,
  op: ApiOperation,
  values: Record<string, string>,
  validate: boolean,
  middleware: boolean,
) {
  server.received.length = 0;
  guard.elsewhere.length = 0;
  const forwardedBefore = guard.forwarded;
  const client = clientFor(api, validate, middleware);
  // An operation on a server of its own is pointed at the local one.
  const init = op.ownServer ? { baseUrl: server.origin + BASE_PATH } : undefined;
  const outcome = await op.call(client, { ...values }, init).then(
    () => undefined,
    (error: unknown) => error,
  );
  totals.calls += 1;
  if (Object.values(values).some((value) => Buffer.byteLength(value) >= 10_240)) totals.long += 1;
  const problem = server.received
    .map((request) => targetProblem(request.target, BASE_PATH, op.path, values))
    .find(Boolean);
  if (guard.elsewhere.length > 0 || problem || server.received.length > 1) totals.elsewhere += 1;
  expect(guard.elsewhere, 'a request for another origin').toEqual([]);

  if (server.received.length === 0) {
    expect(guard.forwarded, 'nothing was sent').toBe(forwardedBefore);
    expect(isCredstatError(outcome, 'invalid-parameter'), String(outcome)).toBe(true);
    totals.refused += 1;
    return 'refused';
  }
  expect(server.received).toHaveLength(1);
  const [request] = server.received;
  expect(request?.method).toBe(op.method);
  expect(problem).toBeUndefined();
  const header = api.credentialHeader;
  if (op.sendsCredential && header) expect(request?.headers[header]).toBe(expectedCredential(api));
  else {
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.headers['x-api-key']).toBeUndefined();
  }
  // The server's 418 is undocumented everywhere: a typed error, not a crash.
  expect(isCredstatError(outcome, 'unexpected-status'), String(outcome)).toBe(true);
  totals.reached += 1;
  return 'reached';
}

describe('path parameters stay one segment of their own operation', () => {
  it.each(cases.map((c) => [`${c.api.name} ${c.op.operationId}`, c] as const))(
    '%s',
    async (name, { api, op }) => {
      const seen = { reached: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(
          pathValues(op.pathParams),
          fc.boolean(),
          fc.boolean(),
          async (values, validate, middleware) => {
            seen[await callOnce(api, op, values, validate, middleware)] += 1;
          },
        ),
        { numRuns: runs(), seed: seedOf(`path params ${name}`) },
      );
      // Both outcomes were exercised: a client that refused (or sent) everything would not pass.
      if (runs() >= 100) {
        expect(seen.reached).toBeGreaterThan(0);
        expect(seen.refused).toBeGreaterThan(0);
      }
    },
  );

  it('covers every operation with path parameters of every API', () => {
    const names = cases.map(({ api, op }) => `${api.name} ${op.operationId}`);
    expect(new Set(cases.map(({ api }) => api.name)).size).toBe(apis.length);
    expect(names.length).toBeGreaterThanOrEqual(6);
  });
});
