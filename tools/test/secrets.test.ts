import { createHash, randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHar, type HarEntry, type ListedJwt, listFixtures } from '../har/har.ts';
import { entryJwts, withoutListedJwts } from '../har/jwts.ts';
import { findSecrets } from '../har/sanitize.ts';
import { listApis } from '../lib/repo.ts';

// sha256 of the sample API keys printed in the vendors' curl examples: the keys
// themselves must not be in the repo, not even here.
const VENDOR_KEY_HASHES = new Set([
  '80905053b528f94ffebb45eaa20b65155e1339cb13efd51dd2fb90236efbddfd', // FortID verifier page
  '09b73b81fac6f91f79b604de9e0bcc8c6197887bbbec1938d68aba1c445017e9', // FortID issuer page
]);

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function vendorKeys(text: string, hashes = VENDOR_KEY_HASHES): string[] {
  const tokens = text.match(/[A-Za-z0-9]{24,64}/g) ?? [];
  return tokens.filter((token) => hashes.has(sha256(token)));
}

const fixtures = listApis().flatMap((api) =>
  listFixtures(api.fixturesDir).map((fixture) => ({ ...fixture, fixturesDir: api.fixturesDir })),
);
const fixtureFiles = fixtures.map((fixture) => fixture.path);

describe('secret scan', () => {
  it('finds fixtures to scan', () => {
    expect(fixtureFiles.length).toBeGreaterThan(0);
  });

  it('recognises a known key by its hash', () => {
    const key = 'q7WmZ2rT9xLb4NcV8yHd3KfJ6pGs1Ae5';
    const hashes = new Set([sha256(key)]);
    expect(vendorKeys(`{"name":"X-API-KEY","value":"${key}"}`, hashes)).toEqual([key]);
    expect(vendorKeys(`{"name":"X-API-KEY","value":"${key.slice(1)}x"}`, hashes)).toEqual([]);
  });

  it.each(fixtures.map((fixture) => [fixture.path, fixture] as const))(
    '%s holds no credential',
    async (file, fixture) => {
      const text = readFileSync(file, 'utf8');
      // Listed JWTs (throwaway test keys, published examples) are checked, then set aside.
      const scanned = await withoutListedJwts(text, fixture.har.log.entries, fixture.fixturesDir);
      expect(findSecrets(scanned)).toEqual([]);
      expect(vendorKeys(text)).toEqual([]);
    },
  );

  const jwt = [
    'eyJhbGciOiJFUzI1NiJ9',
    'eyJpc3MiOiJjbGllbnQifQ',
    'c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU',
  ].join('.');
  it.each([
    ['signed JWT', `"text": "${jwt}"`],
    ['bearer token', '"value": "Bearer abcdefghijklmnop"'],
    ['API key header', '{ "name": "X-API-KEY", "value": "live-key-123" }'],
    ['API key header', '{ "name": "Authorization", "value": "Basic dXNlcjpwYXNz" }'],
    ['private key', '-----BEGIN EC PRIVATE KEY-----'],
  ])('detects a %s', (label, text) => {
    expect(findSecrets(text)).toContain(label);
  });

  it.each([
    '{ "name": "X-API-KEY", "value": "REDACTED" }',
    '{ "name": "Authorization", "value": "Bearer REDACTED" }',
    '"text": "{\\"message\\":\\"Session ID is not a valid UUID.\\"}"',
  ])('accepts redacted or harmless text: %s', (text) => {
    expect(findSecrets(text)).toEqual([]);
  });
});

describe('signed JWTs in fixtures', () => {
  const dir = mkdtempSync(join(tmpdir(), 'credstat-jwts-'));
  mkdirSync(join(dir, 'keys'));
  let testKeyJwt = '';
  let otherKeyJwt = '';
  beforeAll(async () => {
    const test = await generateKeyPair('ES256', { extractable: true });
    const other = await generateKeyPair('ES256', { extractable: true });
    const publicJwk = JSON.stringify(await exportJWK(test.publicKey));
    writeFileSync(join(dir, 'keys/test.public.jwk.json'), publicJwk);
    // The same public key outside keys/: a listing may not point there.
    writeFileSync(join(dir, 'elsewhere.public.jwk.json'), publicJwk);
    const privateJwk = JSON.stringify(await exportJWK(test.privateKey));
    writeFileSync(join(dir, 'keys/private.jwk.json'), privateJwk);
    const sign = (key: CryptoKey) =>
      new SignJWT({ iss: 'client', jti: 'f2c1b7a0-0d6e-4b1e-9c55-3f7f8e1d2a10' })
        .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
        .sign(key);
    testKeyJwt = await sign(test.privateKey);
    otherKeyJwt = await sign(other.privateKey);
  });

  const entry = (body: string, listing?: ListedJwt[]) =>
    ({
      request: { postData: { mimeType: 'application/jwt', text: body } },
      ...(listing ? { _credstatJwts: listing } : {}),
    }) as unknown as HarEntry;
  const scan = async (body: string, listing?: ListedJwt[]) => {
    const one = entry(body, listing);
    return findSecrets(await withoutListedJwts(JSON.stringify(one), [one], dir));
  };
  const byTestKey = [{ signedBy: 'keys/test.public.jwk.json' }];

  it('passes a JWT that verifies with the committed test key its entry lists', async () => {
    expect(await scan(testKeyJwt, byTestKey)).toEqual([]);
  });

  it.each([
    ['listed by nobody', () => testKeyJwt, undefined],
    ['signed by another key', () => otherKeyJwt, byTestKey],
    ['with a tampered signature', () => `${testKeyJwt.slice(0, -4)}AAAA`, byTestKey],
    [
      'listed by a key file that does not exist',
      () => testKeyJwt,
      [{ signedBy: 'keys/nope.json' }],
    ],
    [
      'listed by a key outside keys/',
      () => testKeyJwt,
      [{ signedBy: 'elsewhere.public.jwk.json' }],
    ],
    [
      'listed by a key reached through ..',
      () => testKeyJwt,
      [{ signedBy: 'keys/../elsewhere.public.jwk.json' }],
    ],
    ['listed by an absolute path', () => testKeyJwt, [{ signedBy: '/tmp/any.public.jwk.json' }]],
    [
      'not the published example it claims to be',
      () => otherKeyJwt,
      [{ publishedExample: 'vendor page', jwt: testKeyJwt }],
    ],
  ])('still finds a JWT %s', async (_label, jwt, listing) => {
    expect(await scan(jwt(), listing)).toContain('signed JWT');
  });

  it('passes a published example listed exactly, with its provenance', async () => {
    const listing = [
      { publishedExample: 'GOV.UK CRS public spec, example token', jwt: otherKeyJwt },
    ];
    expect(await scan(otherKeyJwt, listing)).toEqual([]);
  });

  it('refuses a committed key file that holds the private half', async () => {
    await expect(scan(testKeyJwt, [{ signedBy: 'keys/private.jwk.json' }])).rejects.toThrow(
      'holds a private key',
    );
  });
});

// Every API's fixtures, not only synthetic text: a credential planted in a copy
// of one of its recordings is caught, and a JWT passes only when its entry
// lists it (verified against a key in that API's own keys/, or matched exactly
// as a published example).
describe.each(listApis().map((api) => [api.name, api] as const))(
  'secret scan of %s fixtures',
  (_name, api) => {
    const [fixture] = listFixtures(api.fixturesDir).filter((f) => !f.rejected);
    const scratch = mkdtempSync(join(tmpdir(), `credstat-scan-${api.name}-`));
    const fixturesDir = join(scratch, 'fixtures');
    mkdirSync(join(fixturesDir, 'keys'), { recursive: true });
    // The API's committed test keys come along: its own listings must still verify.
    if (existsSync(join(api.fixturesDir, 'keys')))
      cpSync(join(api.fixturesDir, 'keys'), join(fixturesDir, 'keys'), { recursive: true });
    afterAll(() => rmSync(scratch, { recursive: true, force: true }));
    const credentialHeaders = ['X-API-KEY'];
    let freshJwt = '';
    let elsewhereJwt = '';
    beforeAll(async () => {
      const planted = await generateKeyPair('ES256', { extractable: true });
      const other = await generateKeyPair('ES256', { extractable: true });
      writeFileSync(
        join(fixturesDir, 'keys/planted.public.jwk.json'),
        JSON.stringify(await exportJWK(planted.publicKey)),
      );
      const sign = (key: CryptoKey) =>
        new SignJWT({ iss: api.name, jti: crypto.randomUUID() })
          .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
          .setIssuedAt()
          .sign(key);
      freshJwt = await sign(planted.privateKey);
      elsewhereJwt = await sign(other.privateKey);
    });

    /** The fixture's first entry with `change` applied, as committed text, then scanned. */
    const scanCopy = async (change: (entry: HarEntry) => void) => {
      if (!fixture) throw new Error(`${api.name} has no fixture`);
      const har = structuredClone(fixture.har);
      change(har.log.entries[0] as HarEntry);
      const text = formatHar(har);
      writeFileSync(join(fixturesDir, 'copy.har'), text);
      const scanned = await withoutListedJwts(text, har.log.entries, fixturesDir);
      return findSecrets(scanned, [], credentialHeaders);
    };
    const randomKey = () => randomBytes(18).toString('base64url');

    it('has a fixture to plant in, and the copy as it is scans clean', async () => {
      expect(fixture).toBeDefined();
      expect(await scanCopy(() => undefined)).toEqual([]);
    });

    it('catches an API key planted in a request header', async () => {
      const found = await scanCopy((entry) => {
        entry.request.headers.push({ name: 'X-API-KEY', value: randomKey() });
      });
      expect(found).toContain('API key header');
    });

    it('catches an API key in a header written value first (a hand-edited HAR)', async () => {
      const found = await scanCopy((entry) => {
        entry.request.headers.push({ value: randomKey(), name: 'x-api-key' } as never);
      });
      expect(found).toContain('API key header');
    });

    it('catches a bearer token whatever the case of its scheme', async () => {
      const found = await scanCopy((entry) => {
        entry.response.content.text = JSON.stringify({ message: `BEARER ${randomKey()}` });
      });
      expect(found).toContain('bearer token');
    });

    it('catches a bearer token planted in the Authorization header', async () => {
      const found = await scanCopy((entry) => {
        entry.request.headers.push({ name: 'Authorization', value: `Bearer ${randomKey()}` });
      });
      expect(found).toContain('bearer token');
    });

    it('catches a bearer token a response body quotes', async () => {
      const found = await scanCopy((entry) => {
        entry.response.content.text = JSON.stringify({ message: `use Bearer ${randomKey()}` });
      });
      expect(found).toContain('bearer token');
    });

    const plantJwt = (jwt: string, listing?: ListedJwt[]) => (entry: HarEntry) => {
      entry.response.content.text = JSON.stringify({ token: jwt });
      entry._credstatJwts = listing;
    };

    it('catches a signed JWT (a fresh key, signed with jose) that no entry lists', async () => {
      expect(await scanCopy(plantJwt(freshJwt))).toContain('signed JWT');
    });

    it('accepts that JWT once its entry lists the key in its own keys/ that signed it', async () => {
      const listing = [{ signedBy: 'keys/planted.public.jwk.json' }];
      expect(await scanCopy(plantJwt(freshJwt, listing))).toEqual([]);
    });

    it('still catches a JWT signed by another key than the one listed', async () => {
      const listing = [{ signedBy: 'keys/planted.public.jwk.json' }];
      expect(await scanCopy(plantJwt(elsewhereJwt, listing))).toContain('signed JWT');
    });

    it('accepts a JWT listed as a published example only when it is exactly that JWT', async () => {
      const example = [{ publishedExample: `${api.name} docs, example token`, jwt: freshJwt }];
      expect(await scanCopy(plantJwt(freshJwt, example))).toEqual([]);
      expect(await scanCopy(plantJwt(elsewhereJwt, example))).toContain('signed JWT');
    });

    it("accepts the JWTs of its committed fixtures only through their entries' listings", async () => {
      for (const file of listFixtures(api.fixturesDir)) {
        for (const [index, entry] of file.har.log.entries.entries()) {
          const { listed, unlisted } = await entryJwts(entry, api.fixturesDir);
          expect(unlisted, `${file.path} entry ${index}`).toEqual([]);
          if (listed.length === 0) continue;
          // Without its listing, the same entry is a finding.
          const { _credstatJwts: _listing, ...bare } = entry;
          const scanned = await withoutListedJwts(JSON.stringify(bare), [bare], api.fixturesDir);
          expect(findSecrets(scanned), `${file.path} entry ${index}`).toContain('signed JWT');
        }
      }
    });
  },
);
