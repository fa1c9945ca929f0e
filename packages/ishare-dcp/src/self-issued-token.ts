// The holder's Self-Issued ID Token (DCP v1.0): a JWT the holder signs with
// its own key to call an issuer. Verifiers must refuse a `jti` they have seen,
// so every call signs a new token and nothing is cached.
import type { TokenSource } from '@credstat/core';
import { type CryptoKey, importJWK, type JWK, SignJWT } from 'jose';

export interface SelfIssuedIdTokenOptions {
  /** The holder's private signing key: a WebCrypto key or a private JWK. */
  privateKey: CryptoKey | JWK;
  /** JWS algorithm. Default: the JWK's `alg`, else `ES256`. */
  alg?: string;
  /** The holder's DID: the token's `iss` and `sub`. */
  holderDid: string;
  /** The issuer's DID: the token's `aud`. */
  issuerDid: string;
  /** The DID URL of the signing key in the holder's DID document (`did:…#key-1`): the header's `kid`. */
  kid: string;
  /** Seconds until `exp`. Default 300; at most 3 600. */
  expiresInSeconds?: number;
  /** Clock, in milliseconds (tests). Default `Date.now`. */
  now?: () => number;
}

export type SelfIssuedIdTokenProblem = 'holder-did' | 'issuer-did' | 'kid' | 'lifetime' | 'key';

/** Bad input to the token helper: nothing was signed, nothing was sent. */
export class SelfIssuedIdTokenError extends Error {
  override readonly name = 'SelfIssuedIdTokenError';
  constructor(
    readonly problem: SelfIssuedIdTokenProblem,
    detail: string,
  ) {
    super(`Self-Issued ID Token: ${detail}`);
  }
}

const DID = /^did:[a-z0-9]+:[A-Za-z0-9._:%-]+$/;

function checked(
  options: SelfIssuedIdTokenOptions,
): Required<Omit<SelfIssuedIdTokenOptions, 'alg'>> & { alg: string } {
  const { holderDid, issuerDid, kid, expiresInSeconds = 300 } = options;
  if (!DID.test(holderDid ?? ''))
    throw new SelfIssuedIdTokenError('holder-did', 'holderDid must be a DID (did:<method>:<id>)');
  if (!DID.test(issuerDid ?? ''))
    throw new SelfIssuedIdTokenError('issuer-did', 'issuerDid must be a DID (did:<method>:<id>)');
  if (
    typeof kid !== 'string' ||
    !kid.startsWith(`${holderDid}#`) ||
    kid.length <= holderDid.length + 1
  )
    throw new SelfIssuedIdTokenError(
      'kid',
      "kid must be a DID URL of the holder's key (<holderDid>#<fragment>)",
    );
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > 3600)
    throw new SelfIssuedIdTokenError(
      'lifetime',
      'expiresInSeconds must be a whole number from 1 to 3600',
    );
  const alg = options.alg ?? signingAlg(options.privateKey);
  return { ...options, expiresInSeconds, now: options.now ?? Date.now, alg };
}

function isJwk(key: CryptoKey | JWK): key is JWK {
  return typeof (key as JWK).kty === 'string';
}

const CURVE_ALGS: Record<string, string> = { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' };

/** The JWS algorithm a private key signs with; any other key is refused here, not at signing. */
function signingAlg(key: unknown): string {
  const refuse = (why: string): never => {
    throw new SelfIssuedIdTokenError('key', `privateKey ${why}`);
  };
  if (!key || typeof key !== 'object') return refuse('is required: a private CryptoKey or JWK');
  if (isJwk(key as JWK)) {
    const jwk = key as JWK;
    if (jwk.kty === 'oct' || typeof jwk.d !== 'string')
      return refuse("must be the holder's private key (a JWK with `d`)");
    if (jwk.alg) return jwk.alg;
    if (jwk.kty === 'EC') return CURVE_ALGS[jwk.crv ?? ''] ?? refuse(`has an unsupported curve`);
    if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'EdDSA';
    if (jwk.kty === 'RSA') return 'RS256';
    return refuse('is a key type that cannot sign a JWT');
  }
  const crypto = key as CryptoKey;
  if (crypto.type !== 'private') return refuse("must be the holder's private key");
  const algorithm = crypto.algorithm as { name: string; namedCurve?: string };
  if (algorithm.name === 'ECDSA')
    return CURVE_ALGS[algorithm.namedCurve ?? ''] ?? refuse('has an unsupported curve');
  if (algorithm.name === 'Ed25519') return 'EdDSA';
  if (algorithm.name === 'RSASSA-PKCS1-v1_5') return 'RS256';
  if (algorithm.name === 'RSA-PSS') return 'PS256';
  return refuse(`is a ${algorithm.name} key, which cannot sign a JWT`);
}

/** Signs one Self-Issued ID Token now, with a fresh `jti`. */
export async function signSelfIssuedIdToken(options: SelfIssuedIdTokenOptions): Promise<string> {
  return selfIssuedIdToken(options)();
}

/**
 * A token function for `createClient({ token })`: it checks the options once,
 * then signs a new token (new `jti`, `iat`, `exp`) for every attempt and poll.
 */
export function selfIssuedIdToken(options: SelfIssuedIdTokenOptions): () => Promise<string> {
  const settings = checked(options);
  let key: Promise<CryptoKey | Uint8Array> | undefined;
  const signingKey = () => {
    const { privateKey, alg } = settings;
    key ??= isJwk(privateKey) ? importJWK(privateKey, alg) : Promise.resolve(privateKey);
    return key;
  };
  const sign: TokenSource = async () => {
    const iat = Math.floor(settings.now() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: settings.alg, typ: 'JWT', kid: settings.kid })
      .setIssuer(settings.holderDid)
      .setSubject(settings.holderDid)
      .setAudience(settings.issuerDid)
      .setJti(crypto.randomUUID())
      .setIssuedAt(iat)
      .setExpirationTime(iat + settings.expiresInSeconds)
      .sign(await signingKey());
  };
  return sign as () => Promise<string>;
}
