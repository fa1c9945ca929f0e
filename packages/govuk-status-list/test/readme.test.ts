// The README's examples are the files in examples/; each runs here against
// recorded fixtures (signed by the committed throwaway test keys).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as kit from '@credstat/tools/testing';
import { exportJWK, generateKeyPair, jwtVerify } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';

kit.describeReadmeExamples(join(import.meta.dirname, '../README.md'));

const fixtures = join(import.meta.dirname, '../../../specs/govuk-status-list/fixtures');
const recorded = (file: string) => kit.fixtureEntry(fixtures, file);
const listKeys = readFileSync(join(fixtures, 'keys/status-list-test.public.jwk.json'), 'utf8');
/** t-200.har's token was issued at this time (its `iat`), valid for a week. */
const LIST_ISSUED_AT = 1_759_400_354_000;

afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  vi.resetModules();
  vi.useRealTimers();
});

describe('README examples run', () => {
  it('usage: issues with a signed request JWT, then revokes', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    vi.stubEnv('ISSUER_PRIVATE_JWK', JSON.stringify(await exportJWK(privateKey)));
    vi.stubEnv('GOVUK_STATUS_LIST_URL', 'https://status-list-api.invalid');
    // Answers in order, each after checking the request's method and URL.
    const fetch = vi.fn(kit.replayFetch(recorded('issue-200.har'), recorded('revoke-202.har')));
    vi.stubGlobal('fetch', fetch);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await import('../examples/usage.ts');
    expect(log.mock.calls).toEqual([
      ['put in the credential:', { idx: 3, uri: 'https://crs.account.gov.uk/b/A671FED3E9AD' }],
      ['Request processed for revocation'],
    ]);
    const [issue, revoke] = fetch.mock.calls.map(([, init]) => String(init?.body));
    const issued = await jwtVerify(issue ?? '', publicKey, { issuer: 'clientId-abcdef' });
    expect(issued.protectedHeader).toMatchObject({ alg: 'ES256', typ: 'JWT' });
    expect(Object.keys(issued.payload).sort()).toEqual(['iat', 'iss', 'jti', 'statusExpiry']);
    const revoked = await jwtVerify(revoke ?? '', publicKey);
    expect(revoked.payload).toMatchObject({
      idx: 3,
      uri: 'https://crs.account.gov.uk/b/A671FED3E9AD',
    });
  });

  it('jwks: prints only public members', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await import('../examples/jwks.ts');
    expect(log.mock.calls).toEqual([['alg crv kid kty use x y']]);
  });

  it.each([
    ['a verified list', 't-200.har', LIST_ISSUED_AT + 3_600_000, ['INVALID']],
    [
      'an expired list',
      't-200.har',
      LIST_ISSUED_AT + 8 * 86_400_000,
      ['cannot trust the list:', 'expired'],
    ],
    ['a list not found', 't-404.har', LIST_ISSUED_AT, ['list unavailable:', 'api']],
  ])('status-check: %s', async (_label, file, now, line) => {
    vi.useFakeTimers({ toFake: ['Date'], now });
    vi.stubEnv('STATUS_LIST_JWKS', JSON.stringify({ keys: [JSON.parse(listKeys)] }));
    const list = kit.withUrl(recorded(file), 'https://crs.account.gov.uk/t/3B0F3BD087A7');
    const fetch = vi.fn(kit.replayFetch(list));
    vi.stubGlobal('fetch', fetch);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await import('../examples/status-check.ts');
    expect(log.mock.calls).toEqual([line]);
    expect(new Headers(fetch.mock.calls[0]?.[1]?.headers).get('accept')).toBe(
      'application/statuslist+jwt',
    );
  });

  it('validate example accepts the spec example', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await import('../examples/validate.ts');
    expect(log.mock.calls).toEqual([['valid']]);
  });
});
