// IETF Token Status List (/t/): real signed tokens, served by a fake fetch,
// checked through the public client.
import { fixtureEntry, replayFetch } from '@credstat/tools/testing';
import { decodeJwt, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createStatusListClient } from '../src/status-list-client.js';
import { StatusListError } from '../src/status-list-error.js';
import { decodeTokenStatusList, tokenStatusAt, tokenStatusType } from '../src/token-status-list.js';
import {
  FIXTURES_DIR,
  makeTokenStatusList,
  reasonOf,
  statusListFetch,
  suiteSigningKey,
  T0,
  type TokenStatusListInit,
} from './support/status-lists.js';

const URI = 'https://status.example.test/lists/t/3B0F3BD087A7';

const signer = suiteSigningKey();

type TokenInit = Partial<Omit<TokenStatusListInit, 'key' | 'kid'>>;

const token = (init: TokenInit = {}) =>
  makeTokenStatusList({
    key: signer.key,
    kid: signer.kid,
    sub: URI,
    bits: 2,
    values: [0, 1, 2, 3, 0, 0, 0, 0],
    now: T0,
    ...init,
  });

/** A client whose fetch serves `jwt` at URI. */
function serving(jwt: string, uri = URI) {
  const fetch = statusListFetch({ [uri]: jwt });
  const client = createStatusListClient({ jwks: signer.jwks, fetch, now: () => T0, retry: false });
  return { fetch, client };
}

describe('status values', () => {
  it.each([
    { bits: 1, values: [0, 1, 0, 0, 0, 0, 0, 0], idx: 1, status: 'INVALID', value: 1 },
    { bits: 1, values: [0, 1, 0, 0, 0, 0, 0, 0], idx: 0, status: 'VALID', value: 0 },
    { bits: 2, values: [0, 1, 2, 3], idx: 2, status: 'SUSPENDED', value: 2 },
    { bits: 2, values: [0, 1, 2, 3], idx: 3, status: 'APPLICATION_SPECIFIC', value: 3 },
    { bits: 4, values: [0, 0x0c, 0x05], idx: 1, status: 'APPLICATION_SPECIFIC', value: 0x0c },
    { bits: 4, values: [0, 0x0c, 0x05], idx: 2, status: 'RESERVED', value: 5 },
    { bits: 8, values: [0x0f, 0x10, 0xff], idx: 0, status: 'APPLICATION_SPECIFIC', value: 0x0f },
    { bits: 8, values: [0x0f, 0x10, 0xff], idx: 2, status: 'RESERVED', value: 0xff },
  ] as const)(
    '$bits-bit list, index $idx: $status',
    async ({ bits, values, idx, status, value }) => {
      const { client } = serving(await token({ bits, values: [...values] }));
      await expect(client.checkTokenStatus({ idx, uri: URI })).resolves.toEqual({
        status,
        value,
        idx,
        uri: URI,
      });
    },
  );

  it('maps every value the draft names, and the rest as RESERVED', () => {
    const named = new Map([
      [0, 'VALID'],
      [1, 'INVALID'],
      [2, 'SUSPENDED'],
      [3, 'APPLICATION_SPECIFIC'],
      [0x0c, 'APPLICATION_SPECIFIC'],
      [0x0d, 'APPLICATION_SPECIFIC'],
      [0x0e, 'APPLICATION_SPECIFIC'],
      [0x0f, 'APPLICATION_SPECIFIC'],
    ]);
    for (let value = 0; value < 256; value++)
      expect(tokenStatusType(value)).toBe(named.get(value) ?? 'RESERVED');
  });
});

describe('typ', () => {
  it.each(['statuslist+jwt', 'JWT', 'application/statuslist+jwt'])('accepts %s', async (typ) => {
    const { client } = serving(await token({ typ }));
    await expect(client.checkTokenStatus({ idx: 1, uri: URI })).resolves.toMatchObject({
      status: 'INVALID',
    });
  });

  it.each(['dc+sd-jwt', 'vc+jwt', 'at+jwt'])('refuses %s', async (typ) => {
    const { client } = serving(await token({ typ }));
    expect(await reasonOf(client.checkTokenStatus({ idx: 1, uri: URI }))).toBe('typ');
  });
});

describe('refused tokens', () => {
  const otherKey = async (alg: string, kid: string) => {
    const { privateKey } = await generateKeyPair(alg);
    return { privateKey, kid };
  };

  it.each([
    {
      name: 'a tampered payload (the signature is over another list)',
      jwt: async () => {
        const [header, , signature] = (await token()).split('.');
        const [, payload] = (await token({ values: [1, 1, 1, 1] })).split('.');
        return `${header}.${payload}.${signature}`;
      },
      reason: 'signature',
    },
    {
      name: 'a tampered signature',
      jwt: async () => {
        const [header, payload, signature = ''] = (await token()).split('.');
        const flipped = signature[10] === 'A' ? 'B' : 'A';
        return `${header}.${payload}.${signature.slice(0, 10)}${flipped}${signature.slice(11)}`;
      },
      reason: 'signature',
    },
    {
      name: 'a token signed by another key under the same kid',
      jwt: async () => {
        const { privateKey } = await otherKey('ES256', signer.kid);
        return new SignJWT({ sub: URI, iat: T0 / 1000, exp: T0 / 1000 + 60 })
          .setProtectedHeader({ alg: 'ES256', typ: 'statuslist+jwt', kid: signer.kid })
          .sign(privateKey);
      },
      reason: 'signature',
    },
    {
      name: 'a token under an unknown kid',
      jwt: async () =>
        makeTokenStatusList({
          key: signer.key,
          kid: 'other',
          sub: URI,
          bits: 1,
          values: [0],
          now: T0,
        }),
      reason: 'signature',
    },
    {
      name: 'an expired token',
      jwt: () => token({ iat: T0 / 1000 - 7200, exp: T0 / 1000 - 1 }),
      reason: 'expired',
    },
    {
      name: 'a token expiring this very second',
      jwt: () => token({ iat: T0 / 1000 - 7200, exp: T0 / 1000 }),
      reason: 'expired',
    },
    { name: 'a token without exp', jwt: () => token({ exp: null }), reason: 'malformed' },
    {
      name: 'a token not valid yet (nbf)',
      jwt: () => token({ claims: { nbf: T0 / 1000 + 60 } }),
      reason: 'not-yet-valid',
    },
    {
      name: 'a token for another list (sub)',
      jwt: () => token({ sub: 'https://status.example.test/lists/t/OTHER' }),
      reason: 'subject',
    },
    {
      name: 'a token with no sub',
      jwt: () => token({ claims: { sub: undefined } }),
      reason: 'subject',
    },
    {
      name: 'bits 3',
      jwt: () => token({ claims: { status_list: { bits: 3, lst: 'eNpzdAEAAMgAhg' } } }),
      reason: 'malformed',
    },
    {
      name: 'lst not a string',
      jwt: () => token({ claims: { status_list: { bits: 2, lst: 7 } } }),
      reason: 'malformed',
    },
    {
      name: 'lst not ZLIB',
      jwt: () => token({ claims: { status_list: { bits: 2, lst: 'bm90IHpsaWI' } } }),
      reason: 'malformed',
    },
    {
      name: 'no status_list',
      jwt: () => token({ claims: { status_list: undefined } }),
      reason: 'malformed',
    },
    { name: 'a ttl of 0', jwt: () => token({ ttl: 0 }), reason: 'malformed' },
    { name: 'a header that is not JSON', jwt: async () => 'bm9wZQ.e30.c2ln', reason: 'malformed' },
  ])('$name: $reason', async ({ jwt, reason }) => {
    const { client } = serving(await jwt());
    expect(await reasonOf(client.checkTokenStatus({ idx: 0, uri: URI }))).toBe(reason);
  });

  it('refuses a token signed with an algorithm other than ES256', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES384');
    const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'p384' };
    const jwt = await new SignJWT({ sub: URI, iat: T0 / 1000, exp: T0 / 1000 + 60 })
      .setProtectedHeader({ alg: 'ES384', typ: 'statuslist+jwt', kid: 'p384' })
      .sign(privateKey);
    const fetch = statusListFetch({ [URI]: jwt });
    const client = createStatusListClient({ jwks: { keys: [jwk] }, fetch, now: () => T0 });
    expect(await reasonOf(client.checkTokenStatus({ idx: 0, uri: URI }))).toBe('signature');
  });
});

describe('index', () => {
  it('refuses an index beyond the list', async () => {
    // 4 entries of 2 bits fill one byte: the list holds indexes 0–3.
    const { client } = serving(await token({ values: [0, 1, 0, 1] }));
    await expect(client.checkTokenStatus({ idx: 3, uri: URI })).resolves.toMatchObject({
      status: 'INVALID',
    });
    expect(await reasonOf(client.checkTokenStatus({ idx: 4, uri: URI }))).toBe(
      'index-out-of-range',
    );
  });

  it.each([-1, 1.5, Number.NaN, '2'])('refuses index %s before sending anything', async (idx) => {
    const { client, fetch } = serving(await token());
    const ref = { idx, uri: URI } as { idx: number; uri: string };
    expect(await reasonOf(client.checkTokenStatus(ref))).toBe('index-out-of-range');
    expect(fetch.sent).toEqual([]);
  });
});

describe('the request', () => {
  it("goes to the URI's host and path, with the token media type and no credential", async () => {
    const { client, fetch } = serving(await token());
    await client.checkTokenStatus({ idx: 0, uri: URI });
    expect(fetch.sent).toHaveLength(1);
    const [sent] = fetch.sent;
    expect(sent?.url).toBe(URI);
    expect(sent?.method).toBe('GET');
    expect(sent?.headers.get('accept')).toBe('application/statuslist+jwt');
    expect(sent?.headers.get('authorization')).toBeNull();
    expect(sent?.headers.get('cookie')).toBeNull();
  });

  it('by identifier, goes to the public base URL (GOV.UK by default)', async () => {
    const uri = 'https://crs.account.gov.uk/t/3B0F3BD087A7';
    const { client, fetch } = serving(await token({ sub: uri }), uri);
    await expect(
      client.checkTokenStatus({ idx: 1, statusListIdentifier: '3B0F3BD087A7' }),
    ).resolves.toEqual({ status: 'INVALID', value: 1, idx: 1, uri });
    expect(fetch.sent.map((r) => r.url)).toEqual([uri]);
  });

  it('by identifier, goes to the baseUrl given', async () => {
    const uri = 'http://127.0.0.1:9/status/t/ID%201';
    const fetch = statusListFetch({ [uri]: await token({ sub: uri }) });
    const client = createStatusListClient({
      jwks: signer.jwks,
      fetch,
      now: () => T0,
      baseUrl: 'http://127.0.0.1:9/status/',
    });
    await expect(
      client.checkTokenStatus({ idx: 0, statusListIdentifier: 'ID 1' }),
    ).resolves.toMatchObject({ status: 'VALID', uri });
  });

  it('never sends headers given to the client (the host is whatever a credential names)', async () => {
    const fetch = statusListFetch({ [URI]: await token() });
    const options = { jwks: signer.jwks, fetch, now: () => T0, headers: { authorization: 'x' } };
    const client = createStatusListClient(options as Parameters<typeof createStatusListClient>[0]);
    await client.checkTokenStatus({ idx: 0, uri: URI });
    expect(fetch.sent[0]?.headers.get('authorization')).toBeNull();
  });
});

describe('real tokens', () => {
  it("verifies the fixture t-200.har against credstat's test key: index 12 INVALID", async () => {
    const entry = fixtureEntry(FIXTURES_DIR, 't-200.har');
    const { default: jwk } = await import(
      '../../../specs/govuk-status-list/fixtures/keys/status-list-test.public.jwk.json'
    );
    const fetch = replayFetch(entry);
    const iat = decodeJwt(entry.response.content.text ?? '').iat ?? 0;
    const client = createStatusListClient({
      jwks: { keys: [jwk as JWK] },
      fetch,
      now: () => iat * 1000 + 1000,
    });
    const uri = entry.request.url;
    const statuses = await Promise.all(
      [0, 1, 3, 12, 13].map(async (idx) => (await client.checkTokenStatus({ idx, uri })).status),
    );
    expect(statuses).toEqual(['INVALID', 'VALID', 'INVALID', 'INVALID', 'VALID']);
    expect(fetch.sent).toHaveLength(1);
    expect(fetch.sent[0]?.headers.get('accept')).toBe('application/statuslist+jwt');
  });

  // GOV.UK's key is not published with its example: decode only, through the
  // same decoder the client runs after jose has verified a token.
  it("decodes GOV.UK's published example token (typ JWT; signature not verifiable here)", () => {
    const entry = fixtureEntry(FIXTURES_DIR, 't-200-published-example.har');
    const claims = decodeJwt(entry.response.content.text ?? '');
    const uri = 'https://crs.account.gov.uk/t/3B0F3BD087A7';
    expect(claims.sub).toBe(uri);
    const now = (claims.iat ?? 0) * 1000;
    const list = decodeTokenStatusList(claims, uri, now);
    expect(list.expiresAt).toBe((claims.exp ?? 0) * 1000);
    expect(list.cacheUntil).toBe(now + 3_600_000);
    const statuses = [0, 1, 2, 3, 4, 5, 6, 7].map((idx) => tokenStatusAt(list, idx, now).status);
    expect(statuses).toEqual([
      'INVALID',
      'VALID',
      'VALID',
      'INVALID',
      'VALID',
      'INVALID',
      'VALID',
      'INVALID',
    ]);
    expect(() => tokenStatusAt(list, 8, now)).toThrow(StatusListError);
  });

  // The draft's §4.1 examples, as it says implementations should check.
  it.each([
    {
      bits: 1,
      hex: '78dadbb918000217015d',
      statuses: [1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1],
    },
    { bits: 2, hex: '78da3be9f2130003df0207', statuses: [1, 2, 0, 3, 0, 1, 0, 1, 1, 2, 3, 3] },
  ])("decodes the draft's $bits-bit example", ({ bits, hex, statuses }) => {
    const lst = Buffer.from(hex, 'hex').toString('base64url');
    const list = decodeTokenStatusList(
      { sub: URI, iat: 1, exp: T0 / 1000 + 60, status_list: { bits, lst } },
      URI,
      T0,
    );
    expect(statuses.map((_, idx) => tokenStatusAt(list, idx, T0).value)).toEqual(statuses);
  });
});
