// Checks beside the schema: rules JSON Schema cannot express, run after it passes.
import { describe, expect, it } from 'vitest';
import { createApiClient, createResponseValidator, withResponseChecks } from '../src/index.js';
import { api as fakeApi } from './generated/api.gen.js';
import type { operations, paths } from './generated/types.gen.js';
import { json, scriptedFetch } from './support/scripted-fetch.js';

// A rule a schema cannot say: a DONE session's result must not be "nothing".
const checked = withResponseChecks(fakeApi, {
  'getSession 200': (body) =>
    (body as { result?: string }).result === 'nothing'
      ? [{ path: '/result', message: 'must say what it produced' }]
      : [],
});

describe('withResponseChecks', () => {
  it.each([
    [{ status: 'DONE', result: 'ok' }, true],
    [{ status: 'DONE', result: 'nothing' }, false],
    [{ status: 'EXPLODED' }, false], // the schema fails first; the check never sees it
  ])('validateResponse(%j) → ok %s', (body, ok) => {
    const validate = createResponseValidator<operations>(checked);
    expect(validate('getSession', 200, body).ok).toBe(ok);
  });

  it('the client rejects what the check rejects, as a schema failure with its issues', async () => {
    const fetch = scriptedFetch([json(200, { status: 'DONE', result: 'nothing' })]);
    const client = createApiClient<paths>(checked, { token: 't-1234', fetch, retry: false });
    const error = await client
      .GET('/sessions/{id}', { params: { path: { id: 's1' } } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: 'invalid-response',
      reason: 'schema',
      issues: [{ path: '/result', message: 'must say what it produced' }],
    });
  });

  it('leaves the descriptor it was given alone, and refuses an undocumented response', () => {
    expect(fakeApi.operations.getSession.responses['200']).not.toHaveProperty('checks');
    expect(() => withResponseChecks(fakeApi, { 'getSession 418': () => [] })).toThrow(
      'core-test documents no response getSession 418',
    );
  });
});
