// Where a call goes (the client's server, an operation's own server, a call's
// own baseUrl), which origin a credential may reach, what Accept says, and how
// raw and unspecified bodies reach the caller.
import { describe, expect, it } from 'vitest';
import { callOperation, createApiClient } from '../src/index.js';
import { api as fakeApi } from './generated/api.gen.js';
import type { paths } from './generated/types.gen.js';
import { json, type Step, scriptedFetch } from './support/scripted-fetch.js';

const JWT = 'eyJhbGciOiJFUzI1NiJ9.e30.c2ln';

function setup(steps: Step[], options: Parameters<typeof createApiClient>[1] = {}) {
  const fetch = scriptedFetch(steps, { repeatLast: true });
  const client = createApiClient<paths>(fakeApi, {
    token: 'tok-1234',
    fetch,
    retry: false,
    ...options,
  });
  return { client, fetch };
}

const jwtAnswer: Step = {
  status: 200,
  body: JWT,
  headers: { 'content-type': 'application/statuslist+jwt' },
};

describe('an operation on a server of its own', () => {
  it('goes to its server, with no credential, and says what it accepts', async () => {
    const { client, fetch } = setup([jwtAnswer]);
    const list = await callOperation(client, fakeApi.operations.getList, { id: 'A1' });
    expect(list).toBe(JWT);
    expect(fetch.sent[0]?.url).toBe('https://lists.example.test/pub/lists/A1');
    expect(fetch.sent[0]?.headers.get('authorization')).toBeNull();
    expect(fetch.sent[0]?.headers.get('accept')).toBe('application/statuslist+jwt');
  });

  it("goes to a call's own baseUrl when one is given", async () => {
    const { client, fetch } = setup([jwtAnswer]);
    await callOperation(
      client,
      fakeApi.operations.getList,
      { id: 'A1' },
      { baseUrl: 'http://127.0.0.1:9/elsewhere' },
    );
    expect(fetch.sent[0]?.url).toBe('http://127.0.0.1:9/elsewhere/lists/A1');
  });

  it('validates a raw body against its schema', async () => {
    const { client } = setup([{ status: 200, body: '{"not":"a jwt"}' }]);
    const error = await callOperation(client, fakeApi.operations.getList, { id: 'A1' }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: 'invalid-response', reason: 'schema', status: 200 });
  });
});

describe('a body the API leaves unspecified', () => {
  it.each([
    ['none', '', undefined],
    ['JSON', '{"error":"nope"}', { error: 'nope' }],
    ['text', '<html>not here</html>', '<html>not here</html>'],
  ])('%s reaches the ApiError as it is', async (_label, body, expected) => {
    const { client } = setup([{ status: 404, body }]);
    const error = await callOperation(client, fakeApi.operations.getList, { id: 'A1' }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: 'api', status: 404 });
    expect((error as { body: unknown }).body).toEqual(expected);
  });
});

describe('the credential stays on the configured origin', () => {
  const done = json(200, { status: 'DONE', result: 'ok' });

  it('exposes the base URL calls go to', () => {
    expect(setup([done]).client.baseUrl).toBe('https://api.example.test/v1');
    expect(setup([done], { baseUrl: 'http://127.0.0.1:1/x/' }).client.baseUrl).toBe(
      'http://127.0.0.1:1/x',
    );
  });

  it.each([
    ['another host', 'https://evil.example.test/v1'],
    ['another port', 'https://api.example.test:8443/v1'],
    ['another scheme', 'http://api.example.test/v1'],
  ])('a call to %s is refused before anything is sent', async (_label, baseUrl) => {
    const { client, fetch } = setup([done]);
    const error = await callOperation(
      client,
      fakeApi.operations.getSession,
      { id: 's1' },
      { baseUrl },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: 'credential',
      credential: 'token',
      reason: 'other-origin',
    });
    expect(String(error)).not.toContain('tok-1234');
    expect(fetch.sent).toHaveLength(0);
  });

  it('a call to another base path of the same origin carries it', async () => {
    const { client, fetch } = setup([done]);
    const baseUrl = 'https://API.example.test/other/base';
    await callOperation(client, fakeApi.operations.getSession, { id: 's1' }, { baseUrl });
    expect(fetch.sent[0]?.url).toBe('https://api.example.test/other/base/sessions/s1');
    expect(fetch.sent[0]?.headers.get('authorization')).toBe('Bearer tok-1234');
  });

  it('applies to the raw client too', async () => {
    const { client, fetch } = setup([done]);
    const error = await client
      .GET('/sessions/{id}', {
        params: { path: { id: 's1' } },
        baseUrl: 'https://evil.example.test',
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'credential', reason: 'other-origin' });
    expect(fetch.sent).toHaveLength(0);
  });
});
