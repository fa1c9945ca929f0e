// The mock engine on core's test spec, with a definition written here as the
// generator would: routing, sessions counted per path, polls, reset, the
// scenario of a request, overrides, request checks and an extension.
import { describe, expect, it, vi } from 'vitest';
import { createMock, MOCK_HEADER, type MockDefinition, type MockExtension } from '../src/mock.js';
import { api } from './generated/api.gen.js';
import { request_createSession, request_issue } from './generated/validators.gen.js';
import { sessionExamples } from './support/mock-examples.js';

const definition: MockDefinition<'default' | 'failed' | 'gone' | 'conflict-then-ok'> = {
  api,
  examples: {
    ...sessionExamples,
    failed: {
      operationId: 'getSession',
      status: 200,
      contentType: 'application/json',
      json: { status: 'FAILED', reason: 'no' },
      fixture: 'failed.har',
    },
    refused: { operationId: 'getSession', status: 401, fixture: 'refused.har' },
    missing: {
      operationId: 'getSession',
      status: 404,
      contentType: 'application/json',
      json: { message: 'no such session' },
      fixture: 'missing.har',
    },
    created: {
      operationId: 'createSession',
      status: 201,
      contentType: 'application/json',
      json: { status: 'PENDING' },
      fixture: 'created.har',
    },
    invalid: {
      operationId: 'createSession',
      status: 400,
      contentType: 'application/json; charset=utf-8',
      json: { message: 'recorded reason' },
      fixture: 'invalid.har',
    },
    issued: {
      operationId: 'issue',
      status: 200,
      contentType: 'application/json',
      json: { idx: 3, uri: 'https://list.example.test/t/1' },
      fixture: 'issued.har',
    },
    busy: {
      operationId: 'issue',
      status: 409,
      contentType: 'application/json',
      json: { message: 'retry after a short delay' },
      fixture: 'busy.har',
    },
    list: {
      operationId: 'getList',
      status: 200,
      contentType: 'application/statuslist+jwt',
      text: 'eyJhbGciOiJFUzI1NiJ9.e30.c2ln',
      fixture: 'list.har',
    },
  },
  scenarios: {
    default: {
      description: 'every operation succeeds',
      answers: {
        getSession: ['pending', 'done'],
        createSession: ['created'],
        issue: ['issued'],
        getList: ['list'],
      },
    },
    failed: { description: 'the session fails', answers: { getSession: ['pending', 'failed'] } },
    gone: { description: 'no session', answers: { getSession: ['missing'] } },
    'conflict-then-ok': { description: '409, then 200', answers: { issue: ['busy', 'issued'] } },
  },
  badRequest: { createSession: { example: 'invalid', member: 'message' } },
  unauthorized: { getSession: 'refused' },
  requestBodies: { createSession: request_createSession, issue: request_issue },
};

const SESSION = 'https://api.example.test/v1/sessions';
const LIST = 'https://lists.example.test/pub/lists/1';
const bearer = { authorization: 'Bearer t' };

/** The session statuses (or HTTP statuses) of `count` reads of one session. */
async function reads(
  fetch: (url: string, init?: RequestInit) => Promise<Response>,
  url: string,
  count: number,
  headers: Record<string, string> = {},
) {
  const seen: (string | number)[] = [];
  for (let i = 0; i < count; i += 1) {
    const response = await fetch(url, { headers: { ...bearer, ...headers } });
    seen.push(response.ok ? (await response.json()).status : response.status);
  }
  return seen;
}

describe('routing', () => {
  it('answers an operation on its own server, and nothing else', async () => {
    const mock = createMock(definition);
    expect((await mock.handle(new Request(LIST)))?.status).toBe(200);
    expect(await mock.handle(new Request('https://api.example.test/v1/lists/1'))).toBeUndefined();
    expect(await mock.handle(new Request(`${SESSION}/a/b`, { headers: bearer }))).toBeUndefined();
    expect(await mock.handle(new Request(`${SESSION}/a`, { method: 'DELETE' }))).toBeUndefined();
    expect(
      await mock.handle(new Request('https://other.example.test/v1/sessions/a')),
    ).toBeUndefined();
  });

  it('fetch answers any other route with its own 404 problem', async () => {
    const response = await createMock(definition).fetch('https://api.example.test/v1/nothing');
    expect(response.status).toBe(404);
    expect(response.headers.get(MOCK_HEADER)).toBe('no-route');
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({
      status: 404,
      detail: expect.stringContaining('/v1/nothing'),
    });
  });

  it('baseUrl serves every operation there instead', async () => {
    const mock = createMock(definition, { baseUrl: 'http://127.0.0.1:9/mock/' });
    expect(await reads(mock.fetch, 'http://127.0.0.1:9/mock/sessions/a', 1)).toEqual(['PENDING']);
    expect((await mock.fetch('http://127.0.0.1:9/mock/lists/1')).status).toBe(200);
    expect(await mock.handle(new Request(LIST))).toBeUndefined();
    expect(mock.routes).toContainEqual({
      method: 'GET',
      url: 'http://127.0.0.1:9/mock/lists/{id}',
      operationId: 'getList',
    });
  });

  it('keeps a recorded answer’s status, media type and body', async () => {
    const response = await createMock(definition).fetch(LIST);
    expect(response.headers.get('content-type')).toBe('application/statuslist+jwt');
    expect(await response.text()).toBe('eyJhbGciOiJFUzI1NiJ9.e30.c2ln');
    expect(response.headers.has(MOCK_HEADER)).toBe(false);
  });
});

describe('sessions', () => {
  it('gives each answer but the last `polls` times (default 2), then the last for good', async () => {
    const mock = createMock(definition);
    expect(await reads(mock.fetch, `${SESSION}/a`, 5)).toEqual([
      'PENDING',
      'PENDING',
      'DONE',
      'DONE',
      'DONE',
    ]);
    const three = createMock(definition, { polls: 3 });
    expect(await reads(three.fetch, `${SESSION}/a`, 4)).toEqual([
      'PENDING',
      'PENDING',
      'PENDING',
      'DONE',
    ]);
    const none = createMock(definition, { polls: 0 });
    expect(await reads(none.fetch, `${SESSION}/a`, 1)).toEqual(['DONE']);
  });

  it('counts each session (concrete path) and scenario on its own', async () => {
    const mock = createMock(definition);
    expect(await reads(mock.fetch, `${SESSION}/a`, 2)).toEqual(['PENDING', 'PENDING']);
    expect(await reads(mock.fetch, `${SESSION}/b`, 1)).toEqual(['PENDING']);
    const failed = { 'X-Credstat-Scenario': 'failed' };
    expect(await reads(mock.fetch, `${SESSION}/a`, 1, failed)).toEqual(['PENDING']);
    expect(await reads(mock.fetch, `${SESSION}/a`, 1)).toEqual(['DONE']);
    expect(await reads(mock.fetch, `${SESSION}/b`, 2)).toEqual(['PENDING', 'DONE']);
  });

  it('takes polls per request from X-Credstat-Polls, and refuses a bad value', async () => {
    const mock = createMock(definition);
    expect(await reads(mock.fetch, `${SESSION}/a`, 2, { 'X-Credstat-Polls': '1' })).toEqual([
      'PENDING',
      'DONE',
    ]);
    const bad = await mock.fetch(`${SESSION}/a`, {
      headers: { ...bearer, 'X-Credstat-Polls': 'x' },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get(MOCK_HEADER)).toBe('invalid-polls');
    expect(() => createMock(definition, { polls: -1 })).toThrow(/polls/);
  });

  it('reset() starts every session again and resets the extension', async () => {
    const reset = vi.fn();
    const mock = createMock(definition, {}, { reset });
    expect(await reads(mock.fetch, `${SESSION}/a`, 3)).toEqual(['PENDING', 'PENDING', 'DONE']);
    mock.reset();
    expect(reset).toHaveBeenCalledOnce();
    expect(await reads(mock.fetch, `${SESSION}/a`, 1)).toEqual(['PENDING']);
  });
});

describe('scenarios', () => {
  it('are picked per request by header or query parameter, else by the option', async () => {
    const mock = createMock(definition, { scenario: 'gone' });
    expect(await reads(mock.fetch, `${SESSION}/a`, 1)).toEqual([404]);
    expect(await reads(mock.fetch, `${SESSION}/b`, 3, { 'X-Credstat-Scenario': 'failed' })).toEqual(
      ['PENDING', 'PENDING', 'FAILED'],
    );
    // The parameter is the mock's: the operation's own query (an enum) is checked without it.
    const url = `${SESSION}/c?view=short&credstat-scenario=default&credstat-polls=1`;
    expect(await reads(mock.fetch, url, 2)).toEqual(['PENDING', 'DONE']);
  });

  it('the scenario and polls parameters are taken out of the query before it is checked', async () => {
    // A parameter check that refuses any query member it does not know.
    const strict = Object.assign(
      (value: unknown) => Object.keys((value as { query?: object }).query ?? {}).length === 0,
      {
        errors: [
          {
            instancePath: '/query',
            keyword: 'additionalProperties',
            params: {},
            message: 'must have no members',
          },
        ],
      },
    );
    const strictApi = {
      ...api,
      operations: {
        ...api.operations,
        getList: { ...api.operations.getList, validateParams: strict },
      },
    };
    const mock = createMock({ ...definition, api: strictApi });
    expect((await mock.fetch(`${LIST}?credstat-scenario=gone&credstat-polls=1`)).status).toBe(200);
    expect((await mock.fetch(`${LIST}?other=1`)).status).toBe(400);
  });

  it('an operation a scenario leaves out answers as in default', async () => {
    const mock = createMock(definition, { scenario: 'gone' });
    expect((await mock.fetch(LIST)).status).toBe(200);
  });

  it('an unknown one is the mock’s 400, naming the ones it has', async () => {
    const mock = createMock(definition);
    const response = await mock.fetch(`${SESSION}/a?credstat-scenario=nope`, { headers: bearer });
    expect(response.status).toBe(400);
    expect(response.headers.get(MOCK_HEADER)).toBe('unknown-scenario');
    expect((await response.json()).detail).toMatch(
      /"nope".*default, failed, gone, conflict-then-ok/,
    );
    expect(() => createMock(definition, { scenario: 'nope' })).toThrow(/no scenario "nope"/);
  });

  it('are listed with their descriptions, default first', () => {
    expect(createMock(definition).scenarios[0]).toEqual({
      name: 'default',
      description: 'every operation succeeds',
    });
  });
});

describe('request checks', () => {
  it('no credential: the documented 401 where there is one, marked', async () => {
    const response = await createMock(definition).fetch(`${SESSION}/a`);
    expect(response.status).toBe(401);
    expect(response.headers.get(MOCK_HEADER)).toBe('missing-credential');
    expect(await response.text()).toBe('');
    const basic = await createMock(definition).fetch(`${SESSION}/a`, {
      headers: { authorization: 'Basic abc' },
    });
    expect(basic.status).toBe(401);
  });

  it('no credential where no 401 is documented: a broken request (400), never an undocumented 401', async () => {
    const response = await createMock(definition).fetch(SESSION, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"n"}',
    });
    // createSession documents a 400 `{ message }`: it names the missing credential.
    expect(response.status).toBe(400);
    expect(response.headers.get(MOCK_HEADER)).toBe('missing-credential');
    expect(await response.json()).toMatchObject({
      message: expect.stringMatching(/Authorization/),
    });
  });

  it('an operation with no credential needs none', async () => {
    expect((await createMock(definition).fetch(LIST)).status).toBe(200);
  });

  it('a parameter that breaks its schema: the mock’s 400 where none is documented', async () => {
    const response = await createMock(definition).fetch(`${SESSION}/a?view=long`, {
      headers: bearer,
    });
    expect(response.status).toBe(400);
    expect(response.headers.get(MOCK_HEADER)).toBe('invalid-request');
    expect(await response.json()).toMatchObject({
      type: 'urn:credstat:mock:invalid-request',
      detail: expect.stringMatching(/parameter view must be equal to one of the allowed values/),
    });
  });

  it('a body that breaks its schema: the documented 400, its message member naming the rule', async () => {
    const mock = createMock(definition);
    const post = (body: string, type = 'application/json') =>
      mock.fetch(SESSION, { method: 'POST', headers: { ...bearer, 'content-type': type }, body });
    const wrong = await post('{"title":"n"}');
    expect(wrong.status).toBe(400);
    expect(wrong.headers.get(MOCK_HEADER)).toBe('invalid-request');
    expect(wrong.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await wrong.json()).toEqual({
      message: "the request body must have required property 'name'",
    });
    expect(await (await post('{')).json()).toEqual({ message: 'the request body is not JSON' });
    expect(await (await post('{"name":"n"}', 'text/plain')).json()).toEqual({
      message: 'the request body must be sent as Content-Type application/json',
    });
    expect(await (await post('')).json()).toEqual({ message: 'the request body is required' });
    expect((await post('{"name":"n"}')).status).toBe(201);
  });

  it('a broken request to an operation with no 400 to give: the mock’s own problem', async () => {
    const response = await createMock(definition).fetch('https://api.example.test/v1/issue', {
      method: 'POST',
      headers: { ...bearer },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ detail: 'the request body is required' });
  });
});

describe('overrides', () => {
  it('answer an operation whatever the scenario, marked', async () => {
    const mock = createMock(definition, {
      overrides: { getSession: { status: 410, body: { message: 'expired' } } },
    });
    const response = await mock.fetch(`${SESSION}/a?credstat-scenario=failed`, { headers: bearer });
    expect(response.status).toBe(410);
    expect(response.headers.get(MOCK_HEADER)).toBe('override');
    expect(await response.json()).toEqual({ message: 'expired' });
  });

  it('keep a raw body as it is, in the recorded media type', async () => {
    const mock = createMock(definition, { overrides: { getList: { status: 200, body: 'a.b.c' } } });
    const response = await mock.fetch(LIST);
    expect(response.headers.get('content-type')).toBe('application/statuslist+jwt');
    expect(await response.text()).toBe('a.b.c');
  });
});

describe('extensions', () => {
  it('a responder may answer in place of the scenario’s answer, or keep it', async () => {
    const seen: string[] = [];
    const extension: MockExtension = {
      responders: {
        issue: (context) => {
          seen.push(`${context.scenario} ${context.example.fixture} ${context.body}`);
          if (context.example.status >= 300) return undefined;
          return Response.json({ idx: 7, uri: `${context.baseUrlOf('getList')}/lists/1` });
        },
      },
    };
    const mock = createMock(definition, { polls: 1 }, extension);
    const issue = (scenario: string) =>
      mock.fetch(`https://api.example.test/v1/issue?credstat-scenario=${scenario}`, {
        method: 'POST',
        headers: { ...bearer, 'content-type': 'application/jwt' },
        body: 'a.b.c',
      });
    const busy = await issue('conflict-then-ok');
    expect(busy.status).toBe(409);
    expect(busy.headers.has(MOCK_HEADER)).toBe(false);
    const ok = await issue('conflict-then-ok');
    expect(ok.headers.get(MOCK_HEADER)).toBe('stateful');
    expect(await ok.json()).toEqual({ idx: 7, uri: 'https://lists.example.test/pub/lists/1' });
    expect(seen).toEqual(['conflict-then-ok busy.har a.b.c', 'conflict-then-ok issued.har a.b.c']);
  });

  it('its own routes are served on every base URL, marked', async () => {
    const mock = createMock(
      definition,
      {},
      {
        routes: [
          {
            method: 'GET',
            path: '/keys',
            reason: 'keys',
            respond: ({ baseUrl }) => Response.json({ baseUrl }),
          },
        ],
      },
    );
    for (const base of ['https://api.example.test/v1', 'https://lists.example.test/pub']) {
      const response = await mock.fetch(`${base}/keys`);
      expect(response.headers.get(MOCK_HEADER)).toBe('keys');
      expect(await response.json()).toEqual({ baseUrl: base });
    }
  });
});

describe('credential headers', () => {
  it('lists the headers its operations take a credential in', () => {
    expect(createMock(definition).credentialHeaders).toEqual(['Authorization']);
  });
});
