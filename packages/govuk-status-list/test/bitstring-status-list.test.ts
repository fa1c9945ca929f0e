// W3C Bitstring Status List (/b/): real signed VC-JWTs, served by a fake
// fetch, checked through the public client.
import { fixtureEntry, replayFetch } from '@credstat/tools/testing';
import { Bitstring } from '@digitalbazaar/bitstring';
import { decodeJwt, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { createStatusListClient } from '../src/status-list-client.js';
import {
  type BitstringCredentialInit,
  FIXTURES_DIR,
  makeBitstringCredential,
  reasonOf,
  statusListFetch,
  suiteSigningKey,
  T0,
} from './support/status-lists.js';

const URI = 'https://status.example.test/lists/b/A671FED3E9AD';
const DAY = 86_400_000;

const signer = suiteSigningKey();

type CredentialInit = Partial<Omit<BitstringCredentialInit, 'key' | 'kid'>>;

const credential = (init: CredentialInit = {}) =>
  makeBitstringCredential({
    key: signer.key,
    kid: signer.kid,
    id: URI,
    set: [3],
    now: T0,
    ...init,
  });

function serving(jwt: string, uri = URI) {
  const fetch = statusListFetch({ [uri]: jwt });
  const client = createStatusListClient({ jwks: signer.jwks, fetch, now: () => T0, retry: false });
  return { fetch, client };
}

const entry = (statusListIndex: string | number, more: object = {}) => ({
  statusListIndex,
  statusListCredential: URI,
  statusPurpose: 'revocation',
  ...more,
});

describe('bits', () => {
  it.each([
    { index: '3', set: true },
    { index: 3, set: true },
    { index: '0', set: false },
    { index: '2', set: false },
    { index: '4', set: false },
    { index: '131071', set: false },
  ])('index $index: set $set', async ({ index, set }) => {
    const { client } = serving(await credential());
    await expect(client.checkBitstringStatus(entry(index))).resolves.toEqual({
      set,
      statusPurpose: 'revocation',
      idx: Number(index),
      uri: URI,
    });
  });

  it('reads index 0 as the most significant bit of the first byte', async () => {
    // Built by hand: 0b1000_0001, so only indexes 0 and 7 are set.
    const bitstring = new Bitstring({ buffer: Uint8Array.from([0x81, 0, 0]) });
    const encodedList = `u${await bitstring.encodeBits()}`;
    const { client } = serving(await credential({ subject: { encodedList } }));
    const bits = await Promise.all(
      [0, 1, 6, 7, 8].map(async (i) => (await client.checkBitstringStatus(entry(i))).set),
    );
    expect(bits).toEqual([true, false, false, true, false]);
  });

  it('takes the purpose from the list when the entry names none', async () => {
    const { client } = serving(await credential({ statusPurpose: 'suspension' }));
    await expect(
      client.checkBitstringStatus({ statusListIndex: '3', statusListCredential: URI }),
    ).resolves.toMatchObject({ set: true, statusPurpose: 'suspension' });
  });

  it("verifies the fixture b-200.har against credstat's test key: index 3 revoked", async () => {
    const recorded = fixtureEntry(FIXTURES_DIR, 'b-200.har');
    const { default: jwk } = await import(
      '../../../specs/govuk-status-list/fixtures/keys/status-list-test.public.jwk.json'
    );
    const vc = decodeJwt(recorded.response.content.text ?? '');
    const fetch = replayFetch(recorded);
    const client = createStatusListClient({
      jwks: { keys: [jwk as JWK] },
      fetch,
      now: () => Date.parse(String(vc.validFrom)) + 1000,
    });
    const uri = recorded.request.url;
    const bits = await Promise.all(
      [2, 3, 4].map(
        async (i) =>
          (
            await client.checkBitstringStatus({
              statusListIndex: `${i}`,
              statusListCredential: uri,
            })
          ).set,
      ),
    );
    expect(bits).toEqual([false, true, false]);
    expect(fetch.sent).toHaveLength(1);
    expect(fetch.sent[0]?.headers.get('accept')).toBe('application/vc+jwt');
  });
});

describe('refused credentials', () => {
  it.each<{ name: string; jwt: () => Promise<string>; reason: string }>([
    {
      name: 'a tampered payload (the signature is over another list)',
      jwt: async () => {
        const [header, , signature] = (await credential()).split('.');
        const [, payload] = (await credential({ set: [] })).split('.');
        return `${header}.${payload}.${signature}`;
      },
      reason: 'signature',
    },
    ...['JWT', 'statuslist+jwt', 'dc+sd-jwt', 'vc+sd-jwt'].map((typ) => ({
      name: `typ ${typ}`,
      jwt: () => credential({ typ }),
      reason: 'typ',
    })),
    {
      name: 'a credential past validUntil',
      jwt: () => credential({ validFrom: T0 - 7 * DAY, validUntil: T0 }),
      reason: 'expired',
    },
    {
      name: 'a credential past its JWT exp',
      jwt: () => credential({ claims: { exp: T0 / 1000 - 1 } }),
      reason: 'expired',
    },
    {
      name: 'a credential before validFrom',
      jwt: () => credential({ validFrom: T0 + 1 }),
      reason: 'not-yet-valid',
    },
    {
      name: 'a credential for another list (id)',
      jwt: () => credential({ id: 'https://status.example.test/lists/b/OTHER' }),
      reason: 'subject',
    },
    {
      name: 'another purpose',
      jwt: () => credential({ statusPurpose: 'suspension' }),
      reason: 'purpose',
    },
    {
      name: 'encodedList without the multibase u',
      jwt: async () =>
        credential({ subject: { encodedList: await new Bitstring({ length: 8 }).encodeBits() } }),
      reason: 'malformed',
    },
    {
      name: 'encodedList not GZIP',
      jwt: () => credential({ subject: { encodedList: 'ubm90IGd6aXA' } }),
      reason: 'malformed',
    },
    {
      name: 'statusSize 2',
      jwt: () => credential({ subject: { statusSize: 2 } }),
      reason: 'malformed',
    },
    {
      name: 'a subject that is not a BitstringStatusList',
      jwt: () => credential({ subject: { type: 'StatusList2021' } }),
      reason: 'malformed',
    },
    {
      name: 'a credential that is not a BitstringStatusListCredential',
      jwt: () => credential({ claims: { type: ['VerifiableCredential'] } }),
      reason: 'malformed',
    },
    {
      name: 'a VC 1.1 context',
      jwt: () => credential({ claims: { '@context': ['https://www.w3.org/2018/credentials/v1'] } }),
      reason: 'malformed',
    },
    {
      name: 'validUntil not a date',
      jwt: () => credential({ claims: { validUntil: 'next week' } }),
      reason: 'malformed',
    },
    { name: 'a negative ttl', jwt: () => credential({ ttl: -1 }), reason: 'malformed' },
  ])('$name: $reason', async ({ jwt, reason }) => {
    const { client } = serving(await jwt());
    expect(await reasonOf(client.checkBitstringStatus(entry('3')))).toBe(reason);
  });

  it('accepts a credential without id, or with several purposes when the entry names one', async () => {
    const { client } = serving(
      await credential({ id: null, statusPurpose: ['revocation', 'suspension'] }),
    );
    await expect(
      client.checkBitstringStatus(entry('3', { statusPurpose: 'suspension' })),
    ).resolves.toMatchObject({ set: true, statusPurpose: 'suspension' });
    expect(
      await reasonOf(
        client.checkBitstringStatus({ statusListIndex: '3', statusListCredential: URI }),
      ),
    ).toBe('purpose');
  });
});

describe('index', () => {
  it('refuses an index beyond the list', async () => {
    const { client } = serving(await credential({ length: 16 }));
    await expect(client.checkBitstringStatus(entry('15'))).resolves.toMatchObject({ set: false });
    expect(await reasonOf(client.checkBitstringStatus(entry('16')))).toBe('index-out-of-range');
  });

  it.each(['-1', '1.5', ' 3', '0x3', '', -1, 2.5])(
    'refuses index %j before sending anything',
    async (index) => {
      const { client, fetch } = serving(await credential());
      expect(await reasonOf(client.checkBitstringStatus(entry(index)))).toBe('index-out-of-range');
      expect(fetch.sent).toEqual([]);
    },
  );

  it('refuses an entry of statusSize 2 before sending anything', async () => {
    const { client, fetch } = serving(await credential());
    expect(await reasonOf(client.checkBitstringStatus(entry('3', { statusSize: 2 })))).toBe(
      'malformed',
    );
    expect(fetch.sent).toEqual([]);
  });
});

describe('the request', () => {
  it("goes to the URI's host and path, with the VC media type and no credential", async () => {
    const { client, fetch } = serving(await credential());
    await client.checkBitstringStatus(entry('3'));
    expect(fetch.sent).toHaveLength(1);
    const [sent] = fetch.sent;
    expect(sent?.url).toBe(URI);
    expect(sent?.method).toBe('GET');
    expect(sent?.headers.get('accept')).toBe('application/vc+jwt');
    expect(sent?.headers.get('authorization')).toBeNull();
  });
});
