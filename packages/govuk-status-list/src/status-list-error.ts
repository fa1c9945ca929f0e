// Why a status list could not answer a check. Only the list itself fails this
// way; a failed fetch (404, timeout, network) keeps core's own typed error.

export type StatusListErrorReason =
  /** The URI does not name a status list this client reads (…/t/{id}, …/b/{id}, http(s)). Nothing was sent. */
  | 'uri'
  /** The signature does not verify against the service's keys (or no key or algorithm fits). */
  | 'signature'
  /** The JWT header's `typ` is not a status list's. */
  | 'typ'
  /** The list is past its `exp` (/t/) or `validUntil` (/b/). */
  | 'expired'
  /** The list is not valid yet (`nbf`, `validFrom`). */
  | 'not-yet-valid'
  /** The list says it is another list: `sub` (/t/) or `id` (/b/) is not the URI asked for. */
  | 'subject'
  /** A required claim is missing or ill-formed, the list does not decode, or it (or the entry) has a `statusSize` other than 1. */
  | 'malformed'
  /** The index is not a non-negative integer, or lies beyond the list. */
  | 'index-out-of-range'
  /** The entry's `statusPurpose` is not the list's. */
  | 'purpose';

export class StatusListError extends Error {
  override readonly name = 'StatusListError';
  constructor(
    readonly reason: StatusListErrorReason,
    /** The status list URI the check was about. */
    readonly uri: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`Status list ${uri}: ${detail}`, options);
  }
}
