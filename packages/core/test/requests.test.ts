// Requests go where the caller meant, are repeated only where that is safe, and
// are built the same whether or not middleware asks for real Request objects.
import type { Middleware } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { callOperation, createApiClient } from '../src/index.js';
import { api as fakeApi } from './generated/api.gen.js';
import type { paths } from './generated/types.gen.js';
import { json, type Step, scriptedFetch } from './support/scripted-fetch.js';

function setup(steps: Step[], options: Parameters<typeof createApiClient>[1] = {}) {
  const fetch = scriptedFetch(steps, { repeatLast: true });
  const client = createApiClient<paths>(fakeApi, {
    token: 'tok-1234',
    fetch,
    retry: { baseDelayMs: 1, maxDelayMs: 1 },
    timeoutMs: 500, // only the hanging steps reach it; generous for a loaded machine
    ...options,
  });
  return { client, fetch };
}

const done = json(200, { status: 'DONE', result: 'ok' });
const read = (client: ReturnType<typeof setup>['client'], id: unknown) =>
  client.GET('/sessions/{id}', { params: { path: { id: id as string } } });

describe('path parameters', () => {
  it.each([
    ['empty', '', 'is empty'],
    ['a dot', '.', 'is a dot segment'],
    ['two dots', '..', 'is a dot segment'],
    ['missing', undefined, 'is missing'],
    ['null', null, 'is missing'],
  ])('%s is refused before anything is sent', async (_label, id, problem) => {
    const { client, fetch } = setup([done]);
    const error = await read(client, id).catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: 'invalid-parameter',
      parameter: 'id',
      problem,
      operationId: 'getSession',
      attempts: 0,
    });
    expect(fetch.sent).toHaveLength(0);
  });

  it.each([
    ['%2e%2e', '%252e%252e'],
    ['../admin', '..%2Fadmin'],
    ['a/b', 'a%2Fb'],
    ['x?y=1', 'x%3Fy%3D1'],
    ['x#frag', 'x%23frag'],
    ['100%', '100%25'],
    ['ünï cödé', '%C3%BCn%C3%AF%20c%C3%B6d%C3%A9'],
    ['...', '...'],
  ])('%s stays one segment of the operation path', async (id, segment) => {
    const { client, fetch } = setup([done]);
    await read(client, id);
    expect(fetch.sent.map((request) => request.url)).toEqual([
      `https://api.example.test/v1/sessions/${segment}`,
    ]);
  });
});

describe('retries only where repeating is safe', () => {
  const create = (client: ReturnType<typeof setup>['client']) =>
    client.POST('/sessions', { body: { name: 'n' } });
  const issue = (client: ReturnType<typeof setup>['client']) =>
    client.POST('/issue', {
      body: 'eyJhbGciOiJFUzI1NiJ9.e30.c2ln',
      bodySerializer: (body: string) => body,
      headers: { 'content-type': 'application/jwt' },
    });

  it.each([
    ['a 503', json(503, { message: 'busy' }), 'api'],
    ['a network error', { throws: new TypeError('fetch failed') }, 'network'],
    ['a timeout', 'hang', 'timeout'],
  ] as const)('a POST not marked idempotent is not retried after %s', async (_l, step, kind) => {
    const { client, fetch } = setup([step as Step, json(201, { status: 'PENDING' })]);
    const error = await create(client).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind, attempts: 1 });
    expect(fetch.sent).toHaveLength(1);
  });

  it.each([
    ['a 503', json(503, { message: 'busy' })],
    ['a network error', { throws: new TypeError('fetch failed') }],
    ['a timeout', 'hang'],
  ] as const)('a POST marked idempotent is retried after %s', async (_label, step) => {
    const { client, fetch } = setup([step as Step, json(200, { idx: 1, uri: 'u' })]);
    expect((await issue(client)).data).toEqual({ idx: 1, uri: 'u' });
    expect(fetch.sent).toHaveLength(2);
    expect(fetch.sent[1]?.body).toBe(fetch.sent[0]?.body);
  });
});

describe('the same request with and without middleware', () => {
  const passThrough: Middleware = { onRequest: () => undefined };
  type Call = (client: ReturnType<typeof setup>['client']) => Promise<unknown>;
  const calls: [string, Call][] = [
    ['a path parameter', (c) => read(c, 'a b/ü')],
    [
      'query values (array, object, empty ones skipped)',
      (c) =>
        c.GET('/sessions/{id}', {
          params: {
            path: { id: 's1' },
            query: { tag: ['a', 'b c'], filter: { from: 1 }, none: undefined, nil: null },
          } as never,
        }),
    ],
    [
      'headers: per call over client defaults, null deletes, arrays repeat',
      (c) =>
        c.GET('/sessions/{id}', {
          params: { path: { id: 's1' }, header: { 'X-Trace': ['a', 'b'] } } as never,
          headers: { 'X-Client': null, 'x-call': ' padded ' } as never,
        }),
    ],
    [
      'a JSON body with its default content type',
      (c) => c.POST('/sessions', { body: { name: 'n' } }),
    ],
    [
      'a raw body with its own content type',
      (c) =>
        c.POST('/issue', {
          body: 'eyJ.e30.c2ln',
          bodySerializer: (body: string) => body,
          headers: { 'Content-Type': 'application/jwt' },
        }),
    ],
    [
      'another base URL for one call',
      (c) =>
        read(c, 's1').then(() =>
          c.GET('/sessions/{id}', {
            baseUrl: 'https://other.test/v2/',
            params: { path: { id: 's2' } },
          }),
        ),
    ],
  ];

  it.each(calls)('%s', async (_label, call) => {
    const answers = [json(200, { status: 'PENDING' })];
    const options = { headers: { 'X-Client': 'sdk', 'X-Keep': '1' } };
    const direct = setup(answers, options);
    const viaMiddleware = setup(answers, options);
    viaMiddleware.client.use(passThrough);
    await call(direct.client).catch(() => undefined);
    await call(viaMiddleware.client).catch(() => undefined);
    const seen = (fetch: typeof direct.fetch) =>
      fetch.sent.map(({ method, url, headers, body }) => ({
        method,
        url,
        body,
        headers: Object.fromEntries(headers),
      }));
    expect(direct.fetch.sent.length).toBeGreaterThan(0);
    expect(seen(direct.fetch)).toEqual(seen(viaMiddleware.fetch));
  });
});

describe('middleware', () => {
  it('one that returns a real Request is used, and the response is still checked', async () => {
    const { client, fetch } = setup([json(200, { status: 'EXPLODED' }), done]);
    client.use({
      onRequest: ({ request }) => new Request(request, { headers: { 'x-tenant': 't-1' } }),
    });
    expect(await read(client, 's1').catch((e: unknown) => e)).toMatchObject({
      kind: 'invalid-response',
      reason: 'schema',
    });
    expect((await read(client, 's1')).data).toEqual({ status: 'DONE', result: 'ok' });
    expect(fetch.sent[0]?.headers.get('x-tenant')).toBe('t-1');
    expect(fetch.sent[0]?.headers.get('authorization')).toBe('Bearer tok-1234');
  });

  it('onResponse sees a real Response with the body readable', async () => {
    const { client } = setup([done]);
    const bodies: unknown[] = [];
    client.use({
      async onResponse({ response }) {
        expect(response).toBeInstanceOf(Response);
        bodies.push(await response.clone().json());
        return undefined;
      },
    });
    expect((await read(client, 's1')).data).toEqual({ status: 'DONE', result: 'ok' });
    expect(bodies).toEqual([{ status: 'DONE', result: 'ok' }]);
  });

  it("the result's response is the one the middleware saw, readable again", async () => {
    const { client } = setup([done]);
    const seen: Response[] = [];
    client.use({
      onResponse({ response }) {
        seen.push(response);
        return undefined;
      },
    });
    const { data, response } = await read(client, 's1');
    expect(response).toBe(seen[0]);
    expect(await response.json()).toEqual(data);
  });

  it('once ejected, calls go the direct way again', async () => {
    const { client, fetch } = setup([done]);
    const tag: Middleware = {
      onRequest: ({ request }) => {
        request.headers.set('x-tag', '1');
        return request;
      },
    };
    client.use(tag);
    await read(client, 's1');
    client.eject(tag);
    await read(client, 's1');
    expect(fetch.sent.map((request) => request.headers.get('x-tag'))).toEqual(['1', null]);
  });
});

describe('the result', () => {
  it('response is a real Response whose body can be read again', async () => {
    const { client } = setup([done]);
    const { data, response } = await read(client, 's1');
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(data);
    expect(await response.clone().text()).toBe(JSON.stringify(data));
  });

  it('data is the very value that was validated (parsed once)', async () => {
    const parse = JSON.parse;
    let parses = 0;
    JSON.parse = ((...args: Parameters<typeof JSON.parse>) => {
      parses += 1;
      return parse(...args);
    }) as typeof JSON.parse;
    try {
      const { client } = setup([done]);
      await read(client, 's1');
    } finally {
      JSON.parse = parse;
    }
    expect(parses).toBe(1);
  });
});

describe('parameters against the spec', () => {
  it('a query value outside its enum is refused before sending, naming the parameter', async () => {
    const { client, fetch } = setup([done]);
    const error = await client
      .GET('/sessions/{id}', { params: { path: { id: 's1' }, query: { view: 'wide' as 'full' } } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: 'invalid-parameter',
      parameter: 'view',
      problem: 'must be equal to one of the allowed values',
    });
    expect(String(error)).not.toContain('wide');
    expect(fetch.sent).toHaveLength(0);
  });

  it('validateRequests: false sends it anyway (but never a dot segment)', async () => {
    const { client, fetch } = setup([done], { validateRequests: false });
    await client.GET('/sessions/{id}', {
      params: { path: { id: 's1' }, query: { view: 'wide' as 'full' } },
    });
    expect(fetch.sent[0]?.url).toBe('https://api.example.test/v1/sessions/s1?view=wide');
    expect(await read(client, '..').catch((e: unknown) => e)).toMatchObject({
      kind: 'invalid-parameter',
    });
  });
});

describe('callOperation, behind every generated operation function', () => {
  it('sends path and query, and resolves to the checked success body', async () => {
    const { client, fetch } = setup([done]);
    const args = { id: 'a b', query: { view: 'full' } };
    const data = await callOperation(client, fakeApi.operations.getSession, args);
    expect(data).toEqual({ status: 'DONE', result: 'ok' });
    expect(fetch.sent[0]?.url).toBe('https://api.example.test/v1/sessions/a%20b?view=full');
  });

  it('sends a raw media type (application/jwt) as the string it is', async () => {
    const { client, fetch } = setup([json(200, { idx: 1, uri: 'u' })]);
    await callOperation(client, fakeApi.operations.issue, { body: 'eyJ.e30.c2ln' });
    expect(fetch.sent[0]).toMatchObject({ method: 'POST', body: 'eyJ.e30.c2ln' });
    expect(fetch.sent[0]?.headers.get('content-type')).toBe('application/jwt');
  });

  it('sends a JSON body as JSON', async () => {
    const { client, fetch } = setup([json(201, { status: 'PENDING' })]);
    await callOperation(client, fakeApi.operations.createSession, { body: { name: 'n' } });
    expect(fetch.sent[0]?.body).toBe('{"name":"n"}');
    expect(fetch.sent[0]?.headers.get('content-type')).toBe('application/json');
  });

  it('throws the typed error for a documented error status, even with throwOnError: false', async () => {
    const { client } = setup([json(404, { message: 'gone' })], { throwOnError: false });
    const error = await callOperation(client, fakeApi.operations.getSession, { id: 's1' }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: 'api', status: 404, operationId: 'getSession' });
  });
});
