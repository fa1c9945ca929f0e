// What a credential says about its status: a list's URI, split into what the
// generated operation takes (the base URL in front of `/t/` or `/b/`, and the
// identifier after it), and an index. Both come from the credential, so
// anything else is refused before a request is sent.

import { withoutTrailingSlashes } from '@credstat/core';
import { StatusListError } from './status-list-error.js';

/** `t`: IETF Token Status List; `b`: W3C Bitstring Status List. */
export type StatusListKind = 't' | 'b';

export interface StatusListLocation {
  /** `https://host/prefix` of `https://host/prefix/t/ID`. */
  baseUrl: string;
  /** `ID`, percent-decoding undone (the operation encodes it again). */
  statusListIdentifier: string;
}

export function locateStatusList(uri: string, kind: StatusListKind): StatusListLocation {
  const refuse = (detail: string): never => {
    throw new StatusListError('uri', String(uri), detail);
  };
  if (typeof uri !== 'string' || !URL.canParse(uri)) return refuse('not an absolute URL');
  const url = new URL(uri);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return refuse('not an http(s) URL');
  // Userinfo would be sent along; a query or fragment is not part of the list's path.
  if (url.username || url.password) return refuse('carries a user name or password');
  if (url.search || url.hash) return refuse('has a query or fragment');
  const match = new RegExp(`^(.*)/${kind}/([^/]+)$`).exec(url.pathname);
  if (!match) return refuse(`does not end in /${kind}/{statusListIdentifier}`);
  let statusListIdentifier: string;
  try {
    statusListIdentifier = decodeURIComponent(match[2] as string);
  } catch {
    return refuse('has a malformed percent-encoding');
  }
  if (statusListIdentifier === '.' || statusListIdentifier === '..')
    return refuse('names no status list');
  return { baseUrl: `${url.origin}${match[1]}`, statusListIdentifier };
}

/** The URI of list `statusListIdentifier` under `baseUrl`. */
export function statusListUri(
  baseUrl: string,
  kind: StatusListKind,
  statusListIdentifier: string,
): string {
  return `${withoutTrailingSlashes(baseUrl)}/${kind}/${encodeURIComponent(statusListIdentifier)}`;
}

/**
 * The index as a number: a non-negative integer, or (`fromString`) its base-10
 * string, as W3C's `statusListIndex` is. Anything else can never be in a list.
 */
export function entryIndex(value: unknown, uri: string, fromString = false): number {
  const index =
    fromString && typeof value === 'string' && /^[0-9]+$/.test(value) ? Number(value) : value;
  if (typeof index !== 'number' || !Number.isSafeInteger(index) || index < 0)
    throw new StatusListError(
      'index-out-of-range',
      uri,
      `index ${JSON.stringify(value)} is not a non-negative integer`,
    );
  return index;
}
