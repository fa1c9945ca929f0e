import { createLocalJWKSet, exportJWK, generateKeyPair, type JWK, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { type PublicJwksEntry, publicJwks } from '../src/jwks.js';
import { RequestJwtError, type RequestJwtProblem, signIssueRequest } from '../src/request-jwt.js';

const kid = 'issuer-key-1';
const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
const privateJwk = await exportJWK(privateKey);
const publicJwk = await exportJWK(publicKey);
const { x, y } = publicJwk;
const p384 = await generateKeyPair('ES384', { extractable: true });
const p384Jwk = await exportJWK(p384.privateKey);
const rsa = await generateKeyPair('RS256', { extractable: true });
const hidden = await generateKeyPair('ES256'); // private half not extractable

const expected = { kty: 'EC', crv: 'P-256', x, y, kid, alg: 'ES256', use: 'sig' };

describe('publicJwks', () => {
  it.each<[string, PublicJwksEntry['key']]>([
    ['a private CryptoKey', privateKey],
    ['a public CryptoKey', publicKey],
    ['a private JWK', privateJwk],
    ['a public JWK', publicJwk],
    ['a private JWK with extra members', { ...privateJwk, key_ops: ['sign'], ext: true }],
  ])('publishes only the public members of %s', async (_, key) => {
    const jwks = await publicJwks({ key, kid });
    expect(jwks).toStrictEqual({ keys: [expected] });
    expect(JSON.stringify(jwks)).not.toContain(privateJwk.d);
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  it('keeps several keys in order, for rotation', async () => {
    const next = await generateKeyPair('ES256', { extractable: true });
    const { keys } = await publicJwks({ key: privateKey, kid }, { key: next.publicKey, kid: 'k2' });
    expect(keys.map((k) => k.kid)).toStrictEqual([kid, 'k2']);
    expect(keys[1]?.x).toBe((await exportJWK(next.publicKey)).x);
  });

  it('verifies a request JWT signed with the private key', async () => {
    const jwt = await signIssueRequest({
      privateKey,
      kid,
      iss: 'clientId-abcdef',
      statusExpiry: Math.floor(Date.now() / 1000) + 86_400,
    });
    // Published from the private JWK: the public half must still verify.
    const jwks = createLocalJWKSet(await publicJwks({ key: privateJwk, kid }));
    const { payload, protectedHeader } = await jwtVerify(jwt, jwks, { algorithms: ['ES256'] });
    expect(protectedHeader.kid).toBe(kid);
    expect(payload.iss).toBe('clientId-abcdef');
  });

  it.each<[string, PublicJwksEntry[], RequestJwtProblem, string]>([
    ['a P-384 key', [{ key: p384.publicKey, kid }], 'key', 'P-384'],
    ['a P-384 private JWK', [{ key: p384Jwk, kid }], 'key', 'P-384'],
    ['an RSA key', [{ key: rsa.publicKey, kid }], 'key', 'P-256'],
    [
      'a JWK without x and y',
      [{ key: { kty: 'EC', crv: 'P-256' }, kid }],
      'key',
      'without x and y',
    ],
    ['a point off the curve', [{ key: { ...publicJwk, y: x } as JWK, kid }], 'key', 'not a valid'],
    ['a non-extractable private key', [{ key: hidden.privateKey, kid }], 'key', 'non-extractable'],
    ['no keys', [], 'key', 'at least one key'],
    ['an empty kid', [{ key: publicKey, kid: '' }], 'kid', 'kid is required'],
    [
      'a duplicate kid',
      [
        { key: publicKey, kid },
        { key: privateKey, kid },
      ],
      'kid',
      'used twice',
    ],
  ])('refuses %s', async (_, keys, problem, fragment) => {
    const error = await publicJwks(...keys).then(
      () => expect.fail('published a bad JWKS'),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RequestJwtError);
    expect(error).toMatchObject({ problem, message: expect.stringContaining(fragment) });
    for (const secret of [privateJwk.d, p384Jwk.d])
      expect((error as Error).message).not.toContain(secret);
  });

  it('accepts the public half of a non-extractable key pair', async () => {
    const { keys } = await publicJwks({ key: hidden.publicKey, kid });
    expect(keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', kid, alg: 'ES256', use: 'sig' });
  });
});
