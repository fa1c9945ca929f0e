import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  SignJWT,
} from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { publicJwks } from '../src/jwks.js';
import {
  type IssueRequestOptions,
  RequestJwtError,
  type RequestJwtProblem,
  type RevokeRequestOptions,
  signIssueRequest,
  signRevokeRequest,
} from '../src/request-jwt.js';

const LOWERCASE_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const kid = '3cbe0fc6-f189-431a-9d0a-ace0992ddc10';
const iss = 'clientId-abcdef';
const iat = 1758038912; // 2025-09-16T16:08:32Z, the sources' example
const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
const privateJwk = await exportJWK(privateKey);
const p384 = await generateKeyPair('ES384', { extractable: true });
const p384Jwk = await exportJWK(p384.privateKey);
const rsa = await generateKeyPair('RS256', { extractable: true });
const ed25519 = await generateKeyPair('Ed25519', { extractable: true });
const ecdh = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
  'deriveBits',
]);
const jwks = createLocalJWKSet(await publicJwks({ key: publicKey, kid }));

// The clock reads iat: these requests are signed "at" the sources' example time.
const now = () => iat * 1000;
const issue: IssueRequestOptions = { privateKey, kid, iss, iat, now, statusExpiry: 1789574909 };
const revoke: RevokeRequestOptions = {
  privateKey,
  kid,
  iss,
  iat,
  idx: 3,
  uri: 'https://crs.account.gov.uk/b/A671FED3E9AD',
};

async function verify(jwt: string) {
  return jwtVerify(jwt, jwks, { algorithms: ['ES256'], typ: 'JWT' });
}

const at = (iso: string) => Date.parse(iso) / 1000;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('signIssueRequest', () => {
  it('signs the header and exactly the documented claims', async () => {
    const jti = 'bcea4e51-6eca-4547-8d18-4b971b72c146';
    const { protectedHeader, payload } = await verify(await signIssueRequest({ ...issue, jti }));
    expect(protectedHeader).toStrictEqual({ alg: 'ES256', typ: 'JWT', kid });
    expect(payload).toStrictEqual({ iss, iat, jti, statusExpiry: 1789574909 });
  });

  it('signs with a private JWK as well as a CryptoKey', async () => {
    const { payload } = await verify(await signIssueRequest({ ...issue, privateKey: privateJwk }));
    expect(payload.iss).toBe(iss);
  });

  it('generates a fresh lowercase UUID jti for each call', async () => {
    const first = decodeJwt(await signIssueRequest(issue)).jti;
    const second = decodeJwt(await signIssueRequest(issue)).jti;
    expect(first).toMatch(LOWERCASE_UUID);
    expect(second).toMatch(LOWERCASE_UUID);
    expect(second).not.toBe(first);
  });

  it('keeps a given jti, to resend the same request', async () => {
    const jti = 'db290616-1f3c-4ff9-939f-2749abdbacec';
    expect(decodeJwt(await signIssueRequest({ ...issue, jti })).jti).toBe(jti);
  });

  it('takes iat from the clock, in whole seconds', async () => {
    const { iat: _, ...noIat } = issue;
    const jwt = await signIssueRequest({ ...noIat, now: () => iat * 1000 + 999 });
    expect(decodeJwt(jwt).iat).toBe(iat);
  });

  it('takes iat and statusExpiry as Dates', async () => {
    const jwt = await signIssueRequest({
      ...issue,
      iat: new Date(iat * 1000 + 500),
      statusExpiry: new Date(1789574909 * 1000),
      now: () => iat * 1000 + 500,
    });
    expect(decodeJwt(jwt)).toMatchObject({ iat, statusExpiry: 1789574909 });
  });

  it('never produces a jit claim', async () => {
    const stray = { ...issue, jit: 'bcea4e51-6eca-4547-8d18-4b971b72c146' } as IssueRequestOptions;
    const jwt = await signIssueRequest(stray);
    const payload = decodeJwt(jwt);
    expect(Object.keys(payload).sort()).toStrictEqual(['iat', 'iss', 'jti', 'statusExpiry']);
    expect(payload).not.toHaveProperty('jit');
    expect(payload.jti).toMatch(LOWERCASE_UUID);
  });

  // At most 365 days after iat and now: within any reading of "one year".
  it.each([
    ['an ordinary date', '2025-09-16T16:08:32Z'],
    ['a leap day', '2024-02-29T12:00:00Z'],
    ['the eve of a leap year', '2023-12-31T23:59:59Z'],
  ])('statusExpiry from %s: 365 days accepted, one second more refused', async (_, from) => {
    const options = { ...issue, iat: at(from), now: () => at(from) * 1000 };
    const limit = at(from) + 365 * 86_400;
    const jwt = await signIssueRequest({ ...options, statusExpiry: limit });
    expect((await verify(jwt)).payload.statusExpiry).toBe(limit);
    await expect(signIssueRequest({ ...options, statusExpiry: limit + 1 })).rejects.toMatchObject({
      problem: 'status-expiry',
      message: expect.stringContaining('at most'),
    });
  });

  it.each([
    // An iat far ahead does not stretch the limit: a year from now still holds.
    ['an iat five years ahead', 5 * 365 * 86_400, 5 * 365 * 86_400 + 300 * 86_400, 'at most'],
    // An old iat does not let an expiry already past through.
    ['an iat three years ago', -3 * 365 * 86_400, -2 * 365 * 86_400, 'in the future'],
  ])('statusExpiry with %s is refused', async (_, iatOffset, expiryOffset, message) => {
    const options = { ...issue, iat: iat + iatOffset };
    await expect(
      signIssueRequest({ ...options, statusExpiry: iat + expiryOffset }),
    ).rejects.toMatchObject({
      problem: 'status-expiry',
      message: expect.stringContaining(message),
    });
  });
});

describe('signRevokeRequest', () => {
  it('signs the header and exactly the documented claims', async () => {
    const jti = 'db290616-1f3c-4ff9-939f-2749abdbacec';
    const { protectedHeader, payload } = await verify(await signRevokeRequest({ ...revoke, jti }));
    expect(protectedHeader).toStrictEqual({ alg: 'ES256', typ: 'JWT', kid });
    expect(payload).toStrictEqual({
      iss,
      iat,
      jti,
      idx: 3,
      uri: 'https://crs.account.gov.uk/b/A671FED3E9AD',
    });
  });

  it('accepts index 0 and an http URL, sent as given', async () => {
    const uri = 'http://localhost:8080/t/ABC?x=1';
    const { payload } = await verify(await signRevokeRequest({ ...revoke, idx: 0, uri }));
    expect(payload).toMatchObject({ idx: 0, uri });
    expect(decodeProtectedHeader(await signRevokeRequest(revoke))).toStrictEqual({
      alg: 'ES256',
      typ: 'JWT',
      kid,
    });
  });
});

type Sign = (options: never) => Promise<string>;
const bad = <T>(value: unknown) => value as T;

describe('bad input is refused before anything is signed', () => {
  it.each<[string, Sign, object, RequestJwtProblem, string]>([
    ['missing kid', signIssueRequest, { kid: undefined }, 'kid', 'kid is required'],
    ['empty kid', signIssueRequest, { kid: '' }, 'kid', 'kid is required'],
    ['blank kid', signRevokeRequest, { kid: '  ' }, 'kid', 'kid is required'],
    ['missing iss', signIssueRequest, { iss: undefined }, 'iss', 'iss is required'],
    ['empty iss', signRevokeRequest, { iss: '' }, 'iss', 'iss is required'],
    ['no key', signIssueRequest, { privateKey: undefined }, 'key', 'CryptoKey or a JWK'],
    ['a P-384 key', signIssueRequest, { privateKey: p384.privateKey }, 'key', 'got ECDSA P-384'],
    ['a P-384 JWK', signRevokeRequest, { privateKey: p384Jwk }, 'key', 'crv P-384'],
    ['an RSA key', signIssueRequest, { privateKey: rsa.privateKey }, 'key', 'RSASSA-PKCS1-v1_5'],
    ['an Ed25519 key', signIssueRequest, { privateKey: ed25519.privateKey }, 'key', 'Ed25519'],
    ['an ECDH P-256 key', signIssueRequest, { privateKey: ecdh.privateKey }, 'key', 'ECDSA'],
    ['a public key', signIssueRequest, { privateKey: publicKey }, 'key', 'public key'],
    [
      'a public JWK',
      signRevokeRequest,
      { privateKey: { ...privateJwk, d: undefined } },
      'key',
      'public JWK',
    ],
    [
      'a P-256 JWK for another alg',
      signIssueRequest,
      { privateKey: { ...privateJwk, alg: 'ECDH-ES' } },
      'key',
      'ECDH-ES',
    ],
    [
      'a private JWK with a broken d',
      signIssueRequest,
      { privateKey: { ...privateJwk, d: 'AAAA' } },
      'key',
      'not a valid',
    ],
    [
      'an uppercase jti',
      signIssueRequest,
      { jti: 'BCEA4E51-6ECA-4547-8D18-4B971B72C146' },
      'jti',
      'lowercase UUID',
    ],
    ['a jti that is no UUID', signRevokeRequest, { jti: 'request-1' }, 'jti', 'lowercase UUID'],
    ['an empty jti', signIssueRequest, { jti: '' }, 'jti', 'lowercase UUID'],
    ['a fractional iat', signIssueRequest, { iat: iat + 0.5 }, 'iat', 'whole Unix seconds'],
    ['a negative iat', signRevokeRequest, { iat: -1 }, 'iat', 'whole Unix seconds'],
    ['an invalid Date iat', signIssueRequest, { iat: new Date('nope') }, 'iat', 'valid Date'],
    [
      'a clock that is broken',
      signIssueRequest,
      { iat: undefined, now: () => Number.NaN },
      'iat',
      'valid Date',
    ],
    [
      'statusExpiry = iat',
      signIssueRequest,
      { statusExpiry: iat },
      'status-expiry',
      'in the future',
    ],
    [
      'statusExpiry before iat',
      signIssueRequest,
      { statusExpiry: iat - 60 },
      'status-expiry',
      'in the future',
    ],
    [
      'statusExpiry two years on',
      signIssueRequest,
      { statusExpiry: iat + 2 * 366 * 86400 },
      'status-expiry',
      'more than one year',
    ],
    [
      'a fractional statusExpiry',
      signIssueRequest,
      { statusExpiry: iat + 0.5 },
      'status-expiry',
      'whole Unix seconds',
    ],
    [
      'statusExpiry in milliseconds',
      signIssueRequest,
      { statusExpiry: (iat + 60) * 1000 },
      'status-expiry',
      'more than one year',
    ],
    [
      'no statusExpiry',
      signIssueRequest,
      { statusExpiry: undefined },
      'status-expiry',
      'statusExpiry must be',
    ],
    ['a negative idx', signRevokeRequest, { idx: -1 }, 'idx', 'non-negative integer'],
    ['a fractional idx', signRevokeRequest, { idx: 1.5 }, 'idx', 'non-negative integer'],
    ['a NaN idx', signRevokeRequest, { idx: Number.NaN }, 'idx', 'non-negative integer'],
    ['an idx as a string', signRevokeRequest, { idx: '3' }, 'idx', 'non-negative integer'],
    [
      'a relative uri',
      signRevokeRequest,
      { uri: '/b/A671FED3E9AD' },
      'uri',
      'absolute http(s) URL',
    ],
    [
      'a uri without scheme',
      signRevokeRequest,
      { uri: 'crs.account.gov.uk/b/A671FED3E9AD' },
      'uri',
      'absolute http(s) URL',
    ],
    [
      'an ftp uri',
      signRevokeRequest,
      { uri: 'ftp://crs.account.gov.uk/b/A' },
      'uri',
      'absolute http(s) URL',
    ],
    [
      'an https: uri without //',
      signRevokeRequest,
      { uri: 'https:crs.account.gov.uk/b/A' },
      'uri',
      'absolute http(s) URL',
    ],
    [
      'a uri with spaces',
      signRevokeRequest,
      { uri: ' https://crs.account.gov.uk/b/A ' },
      'uri',
      'absolute http(s) URL',
    ],
    [
      'a uri with a bad port',
      signRevokeRequest,
      { uri: 'https://crs.account.gov.uk:99999/b/A' },
      'uri',
      'absolute http(s) URL',
    ],
    ['no uri', signRevokeRequest, { uri: undefined }, 'uri', 'absolute http(s) URL'],
  ])('%s', async (_, sign, change, problem, fragment) => {
    const signing = vi.spyOn(SignJWT.prototype, 'sign');
    const base = sign === signIssueRequest ? issue : revoke;
    // A private JWK signs, so any message that leaked key material would show its `d`.
    const options = bad<never>({ ...base, privateKey: privateJwk, ...change });
    const error = await sign(options).then(
      () => expect.fail('signed bad input'),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RequestJwtError);
    expect(error).toMatchObject({ name: 'RequestJwtError', problem });
    const { message } = error as RequestJwtError;
    expect(message).toContain(fragment);
    for (const secret of [privateJwk.d, p384Jwk.d]) expect(message).not.toContain(secret);
    expect(message).not.toMatch(/eyJ/); // no JWT, nor any part of one
    expect(signing).not.toHaveBeenCalled();
  });
});
