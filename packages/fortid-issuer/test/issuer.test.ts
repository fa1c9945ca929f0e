// What the FortID Issuer spec decides, seen through the client: the status read
// is a POST that only reads (so it is retried like a GET), and its 401/403 have
// no body at all.
import { join } from 'node:path';
import { createClient, getIssuanceSessionStatus } from '@credstat/fortid-issuer';
import { fixtureEntry, replayFetch } from '@credstat/tools/testing';
import { describe, expect, it } from 'vitest';

const fixtures = join(import.meta.dirname, '../../../specs/fortid-issuer/fixtures');
const recorded = (file: string) => fixtureEntry(fixtures, file);
const args = { issuerId: 'fortid_issuer', sessionId: '497f6eca-6276-4993-bfeb-53cbbbba6f08' };
const quick = { baseDelayMs: 1, maxDelayMs: 1 };

describe('getIssuanceSessionStatus', () => {
  it('is retried after a 503 although it is a POST (x-credstat-idempotent)', async () => {
    const succeeded = recorded('200-issuance-succeeded.har');
    const busy = { ...succeeded, response: { ...succeeded.response, status: 503 } };
    const fetch = replayFetch(busy, succeeded);
    const client = createClient({ apiKey: 'k-1234', fetch, retry: quick });
    const status = await getIssuanceSessionStatus(client, args);
    expect(status.issuanceSessionStatus).toBe('ISSUANCE_SUCCEEDED');
    expect(fetch.sent.map((request) => request.method)).toEqual(['POST', 'POST']);
  });

  it.each(['401-unauthorized.har', '403-forbidden.har'])(
    '%s is an ApiError whose body is undefined',
    async (file) => {
      const client = createClient({ apiKey: 'k-1234', fetch: replayFetch(recorded(file)) });
      const error = await getIssuanceSessionStatus(client, args).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'api', body: undefined });
    },
  );

  it('a 401 with a body is an invalid response: the spec documents none', async () => {
    const client = createClient({
      apiKey: 'k-1234',
      fetch: replayFetch(recorded('rejected/401-unexpected-body.har')),
    });
    const error = await getIssuanceSessionStatus(client, args).catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: 'invalid-response',
      reason: 'unexpected-body',
      status: 401,
    });
  });
});
