// The JWS side of both list formats: the service's keys, and one verification
// that maps jose's errors onto StatusListError reasons.
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  customFetch,
  decodeProtectedHeader,
  type FetchImplementation,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';
import { StatusListError, type StatusListErrorReason } from './status-list-error.js';

/**
 * GOV.UK signs both formats with ES256 (its spec and every example). Only that
 * is accepted: a verifier that also took ES384/ES512/EdDSA would gain nothing
 * from this service and would accept keys it was never meant to trust.
 */
export const STATUS_LIST_ALGORITHMS = ['ES256'] as const;

/** The service's keys: fetched from a JWKS URL (with `fetch`, when given), or a key set as it is. */
export function statusListKeys(
  jwks: string | URL | JSONWebKeySet,
  fetch?: FetchImplementation,
): JWTVerifyGetKey {
  if (typeof jwks === 'string' || jwks instanceof URL) {
    return createRemoteJWKSet(new URL(jwks), fetch ? { [customFetch]: fetch } : undefined);
  }
  return createLocalJWKSet(jwks);
}

export interface VerifyStatusListJwtOptions {
  uri: string;
  keys: JWTVerifyGetKey;
  /** Header `typ` values accepted, lower case, without `application/`. */
  typ: readonly string[];
  /** Claims jose must find. */
  requiredClaims?: string[];
  /** Require `sub` to equal `uri`. */
  subject?: boolean;
  /** Milliseconds. */
  now: number;
}

/** The header's `typ` as RFC 7515 §4.1.9 compares it: case-insensitive, `application/` optional. */
function normalizedTyp(typ: unknown): string | undefined {
  return typeof typ === 'string' ? typ.toLowerCase().replace(/^application\//, '') : undefined;
}

/**
 * The verified claims of a status list JWT. `typ` is read first, so a JWT of
 * another kind (a credential signed with the same key) is named as such; it is
 * trusted only once jwtVerify has checked the signature over that same header.
 */
export async function verifyStatusListJwt(
  jwt: string,
  options: VerifyStatusListJwtOptions,
): Promise<JWTPayload> {
  const { uri } = options;
  let typ: unknown;
  try {
    typ = decodeProtectedHeader(jwt).typ;
  } catch (cause) {
    throw new StatusListError('malformed', uri, 'not a compact JWS', { cause });
  }
  const normalized = normalizedTyp(typ);
  if (normalized === undefined || !options.typ.includes(normalized))
    throw new StatusListError(
      'typ',
      uri,
      `header typ ${JSON.stringify(typ)} is not ${options.typ.join(' or ')}`,
    );
  try {
    const { payload } = await jwtVerify(jwt, options.keys, {
      algorithms: [...STATUS_LIST_ALGORITHMS],
      currentDate: new Date(options.now),
      requiredClaims: options.requiredClaims,
      subject: options.subject ? uri : undefined,
    });
    return payload;
  } catch (error) {
    const reason = joseReason(error);
    if (!reason) throw error;
    throw new StatusListError(reason, uri, (error as Error).message, { cause: error });
  }
}

/**
 * The reason for a jose error about the list. Keys that cannot be fetched or
 * read (JWKS timeout, non-200, invalid JWKS) and network errors are not the
 * list's fault: undefined, and the caller sees jose's own error.
 */
function joseReason(error: unknown): StatusListErrorReason | undefined {
  const { code, claim } = error as { code?: unknown; claim?: unknown };
  switch (code) {
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return 'signature';
    case 'ERR_JWT_EXPIRED':
      return 'expired';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (claim === 'sub') return 'subject';
      if (claim === 'nbf') return 'not-yet-valid';
      return 'malformed';
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return 'malformed';
    default:
      return undefined;
  }
}
