// The README's examples are the files in examples/; each runs here against the
// spec's own example response or recorded fixtures.
import { join } from 'node:path';
import { api } from '@credstat/ishare-dcp';
import * as kit from '@credstat/tools/testing';
import { exportJWK, generateKeyPair, jwtVerify } from 'jose';
import { describe, expect, it, vi } from 'vitest';

kit.describeReadmeExamples(join(import.meta.dirname, '../README.md'));
// Also restores stubs, mocks and modules after every test of this file.
kit.describeUsageExample({ api, load: () => import('../examples/usage.ts') });

const fixtures = join(import.meta.dirname, '../../../specs/ishare-dcp/fixtures');
const EXAMPLE_URL =
  'https://issuer.example.test/dcp/requests/urn%3Auuid%3A550e8400-e29b-41d4-a716-446655440000';
/** A recorded answer, addressed to the request the examples read. */
const recorded = (file: string) => kit.withUrl(kit.fixtureEntry(fixtures, file), EXAMPLE_URL);

describe('README examples run', () => {
  it('holder-token example signs a token the issuer can verify, and reads the Location', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    vi.stubEnv('HOLDER_PRIVATE_JWK', JSON.stringify(await exportJWK(privateKey)));
    const fetch = vi.fn(kit.replayFetch(recorded('200-received.har')));
    vi.stubGlobal('fetch', fetch);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await import('../examples/holder-token.ts');
    expect(log.mock.calls).toEqual([['RECEIVED']]);
    const authorization = new Headers(fetch.mock.calls[0]?.[1]?.headers).get('authorization') ?? '';
    const { payload } = await jwtVerify(authorization.replace(/^Bearer /, ''), publicKey, {
      issuer: 'did:web:holder.example.test',
      audience: 'did:web:issuer.example.test',
    });
    expect(payload.sub).toBe('did:web:holder.example.test');
  });

  it.each([
    [
      '200-received.har',
      '200-rejected.har',
      2,
      ['rejected by urn:uuid:550e8400-e29b-41d4-a716-446655440000'],
    ],
    ['200-received.har', '200-issued.har', 2, ['issued']],
    ['404-request-not-found.har', '404-request-not-found.har', 1, ['unknown request']],
  ])('waiting example: %s then %s', async (first, then, calls, line) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const fetch = vi.fn(kit.replayFetch(recorded(first), recorded(then)));
      vi.stubGlobal('fetch', fetch);
      vi.stubEnv('ISHARE_DCP_TOKEN', 'example-credential');
      const log = vi.spyOn(console, 'log').mockImplementation(() => {});
      await kit.runUnderFakeTimers(() => import('../examples/waiting.ts'));
      expect(fetch).toHaveBeenCalledTimes(calls);
      expect(log.mock.calls).toEqual([line]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('validate example accepts the spec example', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await import('../examples/validate.ts');
    expect(log.mock.calls).toEqual([['valid']]);
  });
});
