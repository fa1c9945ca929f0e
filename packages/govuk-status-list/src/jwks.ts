// The issuer's public JWKS, to serve at its own /.well-known/jwks.json: GOV.UK
// reads it to verify request JWTs by their `kid`. It is not an operation of
// the status list API. Each entry is rebuilt from the public members only, so a
// private key given here can never leak its `d` (or anything else) into it.
import { type CryptoKey, exportJWK, importJWK, type JWK } from 'jose';
import { checkP256Key, RequestJwtError } from './request-jwt.js';

/** One key of the issuer's JWKS, as GOV.UK reads it to verify ES256 request JWTs. */
export interface PublicJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  kid: string;
  alg: 'ES256';
  use: 'sig';
}

export interface PublicJwksEntry {
  /** A P-256 key, private or public (WebCrypto CryptoKey or JWK): only its public half is published. */
  key: CryptoKey | JWK;
  /** The key id request JWTs signed with it carry in their header. */
  kid: string;
}

/**
 * The JWKS document `{ keys }` for the given keys, in order. Refuses (a
 * {@link RequestJwtError}) a key that is not EC P-256 (`key`), an empty or
 * duplicate `kid` (`kid`), and an empty list, which GOV.UK could verify
 * nothing with (`key`).
 */
export async function publicJwks(...keys: PublicJwksEntry[]): Promise<{ keys: PublicJwk[] }> {
  if (keys.length === 0) throw new RequestJwtError('key', 'publicJwks needs at least one key');
  const kids = new Set<string>();
  for (const [i, entry] of keys.entries()) {
    const kid = entry?.kid;
    if (typeof kid !== 'string' || kid.trim() === '')
      throw new RequestJwtError('kid', `keys[${i}]: kid is required`);
    if (kids.has(kid))
      throw new RequestJwtError('kid', `keys[${i}]: kid ${JSON.stringify(kid)} is used twice`);
    kids.add(kid);
    checkP256Key(entry?.key, 'any', `keys[${i}].key`);
  }
  return { keys: await Promise.all(keys.map(({ key, kid }, i) => publicJwk(key, kid, i))) };
}

async function publicJwk(key: CryptoKey | JWK, kid: string, i: number): Promise<PublicJwk> {
  const jwk = await publicHalf(key, i);
  const { x, y } = jwk;
  try {
    // Proves x and y are a point on P-256 before GOV.UK is told to trust it.
    await importJWK({ kty: 'EC', crv: 'P-256', x, y }, 'ES256');
  } catch {
    throw new RequestJwtError('key', `keys[${i}].key is not a valid P-256 public key`);
  }
  return { kty: 'EC', crv: 'P-256', x: x as string, y: y as string, kid, alg: 'ES256', use: 'sig' };
}

async function publicHalf(key: CryptoKey | JWK, i: number): Promise<JWK> {
  if (typeof (key as JWK).kty === 'string') return key as JWK;
  const cryptoKey = key as CryptoKey;
  // WebCrypto cannot derive the public key from a non-extractable private one.
  if (cryptoKey.type === 'private' && !cryptoKey.extractable)
    throw new RequestJwtError(
      'key',
      `keys[${i}].key is a non-extractable private key: give its public key instead`,
    );
  return exportJWK(cryptoKey);
}
