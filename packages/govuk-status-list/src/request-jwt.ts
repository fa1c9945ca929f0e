// The request JWT that GOV.UK's private status list API takes as its
// `application/jwt` body (`/issue`, `/revoke`). GOV.UK authenticates the
// request by this signature alone, checked against the issuer's
// /.well-known/jwks.json, and refuses a malformed one with a bare 400/401:
// so every rule it documents is checked here, before anything is signed.
import { type CryptoKey, importJWK, type JWK, SignJWT } from 'jose';

export interface RequestSigner {
  /** The issuer's P-256 private key (WebCrypto CryptoKey or private JWK). */
  privateKey: CryptoKey | JWK;
  /** Key id of that key in the issuer's /.well-known/jwks.json. Required. */
  kid: string;
  /** The issuer's client id, registered with GOV.UK: the `iss` claim. */
  iss: string;
  /** Lowercase UUID; generated (crypto.randomUUID) unless given. Reuse it only to resend the same request. */
  jti?: string;
  /** Issued-at; default now. */
  iat?: Date | number /* seconds */;
  /** Clock in ms (tests). Default Date.now. */
  now?: () => number;
}

export interface IssueRequestOptions extends RequestSigner {
  /**
   * When the credential expires (a Date, or Unix time in seconds): after
   * `iat`, and at most one calendar year after it (see {@link signIssueRequest}).
   */
  statusExpiry: Date | number /* seconds */;
}

export interface RevokeRequestOptions extends RequestSigner {
  /** The entry's index, exactly as `/issue` returned it. */
  idx: number;
  /** The status list's URI, exactly as `/issue` returned it. */
  uri: string;
}

export type RequestJwtProblem =
  | 'key'
  | 'kid'
  | 'iss'
  | 'jti'
  | 'iat'
  | 'status-expiry'
  | 'idx'
  | 'uri';

/** Bad input to a request JWT helper: nothing was signed, nothing was sent. */
export class RequestJwtError extends Error {
  override readonly name = 'RequestJwtError';
  constructor(
    readonly problem: RequestJwtProblem,
    detail: string,
  ) {
    // Never the key or the JWT: messages end up in logs.
    super(`GOV.UK request JWT: ${detail}`);
  }
}

// GOV.UK wants a lowercase UUID (RFC 9562 layout) and refuses upper case.
const LOWERCASE_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** GOV.UK: "no more than 1 year": 365 days never exceeds any reading of it. */
const ONE_YEAR_SECONDS = 365 * 86_400;

/**
 * Signs the body of `POST /issue`: header `{ alg: 'ES256', typ: 'JWT', kid }`,
 * claims exactly `iss`, `iat`, `jti`, `statusExpiry` (integers in seconds).
 *
 * `statusExpiry` must be in the future (after `iat` and after now) and at most
 * 365 days after both: GOV.UK's spec says one year from `iat`, its service
 * says one year from now, and 365 days is within either, leap years included.
 */
export async function signIssueRequest(options: IssueRequestOptions): Promise<string> {
  const signer = checkedSigner(options);
  const statusExpiry = seconds(options.statusExpiry, 'status-expiry', 'statusExpiry');
  const now = Math.floor(signer.now / 1000);
  if (statusExpiry <= Math.max(signer.iat, now))
    throw new RequestJwtError(
      'status-expiry',
      `statusExpiry (${statusExpiry}) must be in the future: after iat (${signer.iat}) and now (${now})`,
    );
  const latest = Math.min(signer.iat, now) + ONE_YEAR_SECONDS;
  if (statusExpiry > latest)
    throw new RequestJwtError(
      'status-expiry',
      `statusExpiry (${statusExpiry}) is more than one year (365 days) after iat and now: at most ${latest}`,
    );
  return sign(signer, { statusExpiry });
}

/**
 * Signs the body of `POST /revoke`: header `{ alg: 'ES256', typ: 'JWT', kid }`,
 * claims exactly `iss`, `iat`, `jti`, `idx`, `uri`. `idx` and `uri` are sent
 * as given: GOV.UK matches them exactly against what `/issue` returned.
 */
export async function signRevokeRequest(options: RevokeRequestOptions): Promise<string> {
  const signer = checkedSigner(options);
  const { idx, uri } = options;
  if (typeof idx !== 'number' || !Number.isSafeInteger(idx) || idx < 0)
    throw new RequestJwtError('idx', 'idx must be a non-negative integer');
  if (!isHttpUrl(uri))
    throw new RequestJwtError('uri', 'uri must be an absolute http(s) URL, as /issue returned it');
  return sign(signer, { idx, uri });
}

interface CheckedSigner {
  privateKey: CryptoKey | JWK;
  kid: string;
  iss: string;
  jti: string;
  iat: number;
  /** The clock's reading, in ms. */
  now: number;
}

function checkedSigner(options: RequestSigner): CheckedSigner {
  const { privateKey, kid, iss, jti = crypto.randomUUID(), now = Date.now } = options;
  if (typeof kid !== 'string' || kid.trim() === '')
    throw new RequestJwtError('kid', "kid is required: the key id in the issuer's JWKS");
  if (typeof iss !== 'string' || iss.trim() === '')
    throw new RequestJwtError('iss', 'iss is required: the client id GOV.UK registered');
  checkP256Key(privateKey, 'private', 'privateKey');
  if (typeof jti !== 'string' || !LOWERCASE_UUID.test(jti))
    throw new RequestJwtError('jti', 'jti must be a lowercase UUID');
  const at = now();
  const iat = seconds(options.iat ?? new Date(at), 'iat', 'iat');
  return { privateKey, kid, iss, jti, iat, now: at };
}

async function sign(signer: CheckedSigner, claims: Record<string, unknown>): Promise<string> {
  const { privateKey, kid, iss, iat, jti } = signer;
  // Only these claims, built here: no option can add one (nor a `jit`).
  return new SignJWT({ iss, iat, jti, ...claims })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid })
    .sign(await signingKey(privateKey));
}

async function signingKey(key: CryptoKey | JWK): Promise<CryptoKey> {
  if (!isJwk(key)) return key;
  try {
    return (await importJWK(key, 'ES256')) as CryptoKey;
  } catch {
    // jose's message may describe the key; say only that it is unusable.
    throw new RequestJwtError('key', 'privateKey is not a valid EC P-256 private JWK');
  }
}

/** A Date, or whole non-negative Unix seconds, as Unix seconds. */
function seconds(value: Date | number, problem: RequestJwtProblem, what: string): number {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isFinite(ms) && ms >= 0) return Math.floor(ms / 1000);
  } else if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) {
    return value;
  }
  throw new RequestJwtError(problem, `${what} must be a valid Date or whole Unix seconds (≥ 0)`);
}

function isHttpUrl(uri: unknown): uri is string {
  // The string is sent as is, so it must already be the URL, not parse to one.
  if (typeof uri !== 'string' || !/^https?:\/\/[^\s/?#]/i.test(uri) || /\s/.test(uri)) return false;
  try {
    new URL(uri);
    return true;
  } catch {
    return false;
  }
}

function isJwk(key: unknown): key is JWK {
  return typeof key === 'object' && key !== null && typeof (key as JWK).kty === 'string';
}

function isCryptoKey(key: unknown): key is CryptoKey {
  return (
    typeof key === 'object' &&
    key !== null &&
    typeof (key as CryptoKey).type === 'string' &&
    typeof (key as CryptoKey).algorithm === 'object'
  );
}

/**
 * @internal Shared with jwks.ts. Throws (problem `key`) unless `key` is an
 * ECDSA P-256 key usable with ES256: `private` also requires the private half.
 * Messages name the curve or type found, never key material.
 */
export function checkP256Key(
  key: unknown,
  need: 'private' | 'any',
  what: string,
): asserts key is CryptoKey | JWK {
  if (isJwk(key)) {
    if (key.kty !== 'EC' || key.crv !== 'P-256')
      throw new RequestJwtError(
        'key',
        `${what} must be an EC P-256 key for ES256 (got kty ${key.kty}${key.crv ? `, crv ${key.crv}` : ''})`,
      );
    if (key.alg !== undefined && key.alg !== 'ES256')
      throw new RequestJwtError('key', `${what} is a JWK for ${key.alg}, not ES256`);
    if (typeof key.x !== 'string' || typeof key.y !== 'string')
      throw new RequestJwtError('key', `${what} is a P-256 JWK without x and y`);
    if (need === 'private' && typeof key.d !== 'string')
      throw new RequestJwtError('key', `${what} is a public JWK: the private key signs`);
    return;
  }
  if (isCryptoKey(key)) {
    const { name, namedCurve } = key.algorithm as EcKeyAlgorithm;
    if (name !== 'ECDSA' || namedCurve !== 'P-256')
      throw new RequestJwtError(
        'key',
        `${what} must be an ECDSA P-256 key for ES256 (got ${name}${namedCurve ? ` ${namedCurve}` : ''})`,
      );
    if (need === 'private' && key.type !== 'private')
      throw new RequestJwtError('key', `${what} is a ${key.type} key: the private key signs`);
    if (need === 'private' && !key.usages.includes('sign'))
      throw new RequestJwtError(
        'key',
        `${what} is a CryptoKey that may not sign (no 'sign' usage)`,
      );
    return;
  }
  throw new RequestJwtError('key', `${what} must be a CryptoKey or a JWK`);
}
