// IETF Token Status List (/t/): a signed JWT whose `status_list` packs one
// status of `bits` bits per index, DEFLATE-compressed. Verification, decoding
// and reading an index are separate steps, so a cached list is read again
// without being verified again (its expiry is checked on every read).
import { type BitsPerStatus, StatusList } from '@sd-jwt/jwt-status-list';
import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import type { Cacheable } from './status-list-cache.js';
import { StatusListError } from './status-list-error.js';
import { verifyStatusListJwt } from './status-list-jwt.js';

/** The draft's status types; RESERVED: a value not registered yet (never an error). */
export type TokenStatusType =
  | 'VALID'
  | 'INVALID'
  | 'SUSPENDED'
  | 'APPLICATION_SPECIFIC'
  | 'RESERVED';

export interface TokenStatus {
  status: TokenStatusType;
  /** The raw value at `idx` (0–255). */
  value: number;
  idx: number;
  uri: string;
}

/** A verified, decoded Token Status List. */
export interface TokenStatusList extends Cacheable {
  uri: string;
  list: StatusList;
  /** `exp`, in ms. */
  expiresAt: number;
}

/**
 * `statuslist+jwt` is what the IETF draft and GOV.UK's spec prose require;
 * GOV.UK's own published example token carries `JWT`. Both are taken, so a
 * real GOV.UK list is not refused; any other type (e.g. a `dc+sd-jwt`
 * credential signed by the same key) is.
 */
const TOKEN_TYP = ['statuslist+jwt', 'jwt'] as const;
const BITS: readonly number[] = [1, 2, 4, 8];

/** The draft's §7 values: 0 VALID, 1 INVALID, 2 SUSPENDED, 3 and 0x0C–0x0F application-specific. */
export function tokenStatusType(value: number): TokenStatusType {
  if (value === 0x00) return 'VALID';
  if (value === 0x01) return 'INVALID';
  if (value === 0x02) return 'SUSPENDED';
  if (value === 0x03 || (value >= 0x0c && value <= 0x0f)) return 'APPLICATION_SPECIFIC';
  return 'RESERVED';
}

/** Verifies a Status List Token fetched from `uri` and decodes its list. */
export async function verifyTokenStatusList(
  jwt: string,
  options: { uri: string; keys: JWTVerifyGetKey; now: number },
): Promise<TokenStatusList> {
  const payload = await verifyStatusListJwt(jwt, {
    ...options,
    typ: TOKEN_TYP,
    // The draft requires sub and iat; exp is what bounds caching and use.
    requiredClaims: ['exp', 'iat', 'sub'],
    subject: true,
  });
  return decodeTokenStatusList(payload, options.uri, options.now);
}

/**
 * Decodes the claims of a Status List Token: jose has checked the signature,
 * `sub`, `iat` and `exp`. Exported for reading a token whose key is not at
 * hand (GOV.UK's published example); never use it on an unverified token.
 */
export function decodeTokenStatusList(
  payload: JWTPayload,
  uri: string,
  now: number,
): TokenStatusList {
  const malformed = (detail: string, cause?: unknown): never => {
    throw new StatusListError('malformed', uri, detail, { cause });
  };
  const {
    exp,
    ttl,
    status_list: statusList,
  } = payload as JWTPayload & {
    ttl?: unknown;
    status_list?: { bits?: unknown; lst?: unknown };
  };
  if (typeof exp !== 'number') return malformed('exp is missing');
  if (ttl !== undefined && !(typeof ttl === 'number' && ttl > 0 && Number.isFinite(ttl)))
    return malformed('ttl is not a positive number of seconds');
  if (typeof statusList !== 'object' || statusList === null)
    return malformed('status_list is missing');
  const { bits, lst } = statusList;
  if (typeof bits !== 'number' || !BITS.includes(bits))
    return malformed(`status_list.bits ${JSON.stringify(bits)} is not 1, 2, 4 or 8`);
  if (typeof lst !== 'string') return malformed('status_list.lst is not a string');
  let list: StatusList;
  try {
    list = StatusList.decompressStatusList(lst, bits as BitsPerStatus);
  } catch (cause) {
    return malformed('status_list.lst does not decode (base64url of ZLIB)', cause);
  }
  const expiresAt = exp * 1000;
  // ttl is how long this copy may be reused, never past exp; no ttl: not cached.
  const cacheUntil = ttl === undefined ? undefined : Math.min(now + ttl * 1000, expiresAt);
  return { uri, list, expiresAt, cacheUntil };
}

/** The status at `idx` of a decoded list, if the list is still valid at `now`. */
export function tokenStatusAt(list: TokenStatusList, idx: number, now: number): TokenStatus {
  if (now >= list.expiresAt)
    throw new StatusListError('expired', list.uri, 'the status list token has expired');
  const size = list.list.statusList.length;
  if (idx >= size)
    throw new StatusListError(
      'index-out-of-range',
      list.uri,
      `index ${idx} is beyond the list (${size} entries)`,
    );
  const value = list.list.getStatus(idx);
  return { status: tokenStatusType(value), value, idx, uri: list.uri };
}
