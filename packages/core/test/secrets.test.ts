// Canary secrets planted in the credential header, the query string and the
// request body must not show up in any rendering of any error, nor in hooks.
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CredstatError, createApiClient, type RetryEvent } from '../src/index.js';
import { api as fakeApi } from './generated/api.gen.js';
import type { paths } from './generated/types.gen.js';
import { closedPortUrl, startServer } from './support/server.js';

const TOKEN = 'canary-token-5f1d2e';
const QUERY = 'canary-query-8a7b6c';
const BODY = 'canary-body-3c4d5e';

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

function renderings(error: CredstatError): string[] {
  const causes: unknown[] = [];
  for (let cause: unknown = error.cause; cause; cause = (cause as Error).cause) causes.push(cause);
  return [
    error.message,
    String(error.stack),
    String(error),
    inspect(error, { depth: 10, showHidden: true }),
    JSON.stringify(error),
    ...causes.map((cause) => inspect(cause, { depth: 10, showHidden: true })),
    ...causes.map((cause) => JSON.stringify(cause, Object.getOwnPropertyNames(cause))),
  ];
}

type Scenario = [
  name: string,
  setup: () => Promise<string> | string,
  extra?: Record<string, unknown>,
];

const scenarios: Scenario[] = [
  ['documented error', () => reply(404, '{"message":"not found"}')],
  ['undocumented status', () => reply(418, 'teapot')],
  ['schema failure', () => reply(500, '{"unexpected":true}')],
  ['HTML 502', () => reply(502, '<html>bad gateway</html>')],
  ['not JSON', () => reply(500, '<html>')],
  ['empty body', () => reply(200, '')],
  ['timeout', () => hang(), { timeoutMs: 50 }],
  ['network error', () => closedPortUrl()],
  [
    'network error from a fetch that names the URL',
    () => server.url,
    {
      fetch: async (url: string, init: RequestInit) => {
        const headers = new Headers(init.headers);
        throw new TypeError(`could not reach ${url} with ${headers.get('authorization')}`);
      },
    },
  ],
];

function reply(status: number, body: string): string {
  server.handle((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
  });
  return server.url;
}
function hang(): string {
  server.handle(() => {});
  return server.url;
}

describe('no secret in any error rendering or hook', () => {
  it.each(scenarios)('%s', async (_name, setup, extra = {}) => {
    server.received.length = 0; // only this scenario's requests, if any reach the server
    const baseUrl = await setup();
    const events: RetryEvent[] = [];
    const api = createApiClient<paths>(fakeApi, {
      token: TOKEN,
      baseUrl,
      retry: { maxRetries: 1, baseDelayMs: 1 },
      onRetry: (event) => events.push(event),
      ...extra,
    });
    const error = await api
      .POST('/issue', {
        body: BODY,
        bodySerializer: (body: string) => body,
        params: { query: { token: QUERY } } as never,
      })
      .then(
        () => {
          throw new Error('expected a failure');
        },
        (caught: CredstatError) => caught,
      );
    expect(error.kind).toBeDefined();
    const texts = [...renderings(error), JSON.stringify(events), inspect(events, { depth: 10 })];
    for (const canary of [TOKEN, QUERY, BODY]) {
      expect(texts.filter((text) => text.includes(canary))).toEqual([]);
    }
    // The request really carried all three: they were there to leak.
    if (server.received.length > 0 && !extra.fetch) {
      const sent = server.received[0];
      expect(sent?.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(sent?.url).toContain(QUERY);
      expect(sent?.body).toBe(BODY);
    }
  });
});
