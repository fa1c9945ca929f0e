// W3C Bitstring Status List (/b/): a VC 2.0 BitstringStatusListCredential,
// secured as a JWT (`vc+jwt`), whose `encodedList` holds one bit per index.
// As for tokens: verify and decode once, read (and check validity) each time.
import { Bitstring } from '@digitalbazaar/bitstring';
import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import { gunzipBase64url } from './gzip-base64url.js';
import type { Cacheable } from './status-list-cache.js';
import { StatusListError } from './status-list-error.js';
import { verifyStatusListJwt } from './status-list-jwt.js';

export interface BitstringStatus {
  /** The bit at `idx` (for `revocation`: revoked). */
  set: boolean;
  statusPurpose: string;
  idx: number;
  uri: string;
}

/** The decoded bits (a Bitstring; typed here so no public type names the untyped library). */
export interface DecodedBits {
  readonly length: number;
  get(position: number): boolean;
}

/** A verified, decoded Bitstring Status List credential. */
export interface BitstringStatusList extends Cacheable {
  uri: string;
  bitstring: DecodedBits;
  /** `credentialSubject.statusPurpose`, as a list. */
  statusPurposes: string[];
  /** ms; `validFrom`, if any. */
  validFrom: number | undefined;
  /** ms; the earlier of `validUntil` and the JWT's `exp`, if any. */
  validUntil: number | undefined;
}

/** What a read needs of a credential's BitstringStatusListEntry. */
export interface BitstringEntryCheck {
  idx: number;
  statusPurpose?: string | undefined;
}

const VC_TYP = ['vc+jwt'] as const;
const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

type Claims = Record<string, unknown>;

const isObject = (value: unknown): value is Claims =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const hasType = (value: unknown, type: string): boolean =>
  value === type || (Array.isArray(value) && value.includes(type));

/** Verifies a Bitstring Status List credential fetched from `uri` and decodes its list. */
export async function verifyBitstringStatusList(
  jwt: string,
  options: { uri: string; keys: JWTVerifyGetKey; now: number },
): Promise<BitstringStatusList> {
  const payload = await verifyStatusListJwt(jwt, { ...options, typ: VC_TYP });
  const list = await decodeBitstringStatusList(payload, options.uri, options.now);
  assertBitstringValid(list, options.now);
  return list;
}

/**
 * Decodes the claims of a Bitstring Status List credential (jose has checked
 * the signature). Never use it on an unverified credential.
 */
export async function decodeBitstringStatusList(
  payload: JWTPayload,
  uri: string,
  now: number,
): Promise<BitstringStatusList> {
  const malformed = (detail: string, cause?: unknown): never => {
    throw new StatusListError('malformed', uri, detail, { cause });
  };
  const vc: Claims = payload;
  const context = vc['@context'];
  if (!Array.isArray(context) || context[0] !== VC_CONTEXT)
    return malformed(`@context does not start with ${VC_CONTEXT} (VC 2.0)`);
  if (!hasType(vc.type, 'BitstringStatusListCredential'))
    return malformed('type does not include BitstringStatusListCredential');
  if (vc.id !== undefined && vc.id !== uri)
    throw new StatusListError('subject', uri, `the credential is list ${JSON.stringify(vc.id)}`);
  const subject = vc.credentialSubject;
  if (!isObject(subject)) return malformed('credentialSubject is not an object');
  if (!hasType(subject.type, 'BitstringStatusList'))
    return malformed('credentialSubject.type is not BitstringStatusList');
  const purposes = [subject.statusPurpose].flat();
  if (purposes.length === 0 || !purposes.every((p) => typeof p === 'string' && p !== ''))
    return malformed('credentialSubject.statusPurpose is not a string');
  if (subject.statusSize !== undefined && subject.statusSize !== 1)
    return malformed(`statusSize ${JSON.stringify(subject.statusSize)}: only 1-bit lists are read`);
  const { ttl } = subject;
  if (ttl !== undefined && !(typeof ttl === 'number' && ttl > 0 && Number.isFinite(ttl)))
    return malformed('ttl is not a positive number of milliseconds');
  const validFrom = instant(vc.validFrom, 'validFrom', malformed);
  const validUntil = earliest(
    instant(vc.validUntil, 'validUntil', malformed),
    typeof payload.exp === 'number' ? payload.exp * 1000 : undefined,
  );
  const bitstring = await decodedList(subject.encodedList, malformed);
  // ttl (ms) is how long this copy may be reused, never past validUntil; no ttl: not cached.
  const cacheUntil = ttl === undefined ? undefined : earliest(now + ttl, validUntil);
  return {
    uri,
    bitstring,
    statusPurposes: purposes as string[],
    validFrom,
    validUntil,
    cacheUntil,
  };
}

/** Multibase base64url (`u…`) of GZIP. */
async function decodedList(
  encodedList: unknown,
  malformed: (detail: string, cause?: unknown) => never,
): Promise<DecodedBits> {
  if (typeof encodedList !== 'string' || !encodedList.startsWith('u'))
    return malformed('encodedList is not multibase base64url (u…)');
  try {
    // The library reads `buffer.buffer` whole: these bytes own theirs.
    return new Bitstring({ buffer: await gunzipBase64url(encodedList.slice(1)) });
  } catch (cause) {
    return malformed('encodedList does not decode (base64url of GZIP)', cause);
  }
}

function instant(
  value: unknown,
  name: string,
  malformed: (detail: string) => never,
): number | undefined {
  if (value === undefined) return undefined;
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? malformed(`${name} is not a date-time`) : ms;
}

function earliest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  return b === undefined ? a : Math.min(a, b);
}

/** validFrom ≤ now < validUntil, checked on every use: the clock moves. */
export function assertBitstringValid(list: BitstringStatusList, now: number): void {
  if (list.validFrom !== undefined && now < list.validFrom)
    throw new StatusListError('not-yet-valid', list.uri, 'the credential is not valid yet');
  if (list.validUntil !== undefined && now >= list.validUntil)
    throw new StatusListError('expired', list.uri, 'the credential has expired');
}

/** The bit at `entry.idx` of a decoded list, if the list is valid at `now` and has the entry's purpose. */
export function bitstringStatusAt(
  list: BitstringStatusList,
  entry: BitstringEntryCheck,
  now: number,
): BitstringStatus {
  assertBitstringValid(list, now);
  const { uri, statusPurposes } = list;
  const statusPurpose = entry.statusPurpose ?? statusPurposes[0];
  if (entry.statusPurpose !== undefined && !statusPurposes.includes(entry.statusPurpose))
    throw new StatusListError(
      'purpose',
      uri,
      `the entry's statusPurpose ${JSON.stringify(entry.statusPurpose)} is not the list's (${statusPurposes.join(', ')})`,
    );
  if (
    statusPurpose === undefined ||
    (entry.statusPurpose === undefined && statusPurposes.length > 1)
  )
    throw new StatusListError(
      'purpose',
      uri,
      `the list has several purposes (${statusPurposes.join(', ')}): the entry must name one`,
    );
  const { length } = list.bitstring;
  if (entry.idx >= length)
    throw new StatusListError(
      'index-out-of-range',
      uri,
      `index ${entry.idx} is beyond the list (${length} entries)`,
    );
  return { set: list.bitstring.get(entry.idx), statusPurpose, idx: entry.idx, uri };
}
