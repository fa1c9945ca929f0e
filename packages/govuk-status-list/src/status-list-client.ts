// A verifier's status checks against GOV.UK's public status lists: fetch the
// list a credential names, verify it against the service's keys, read the
// index. Lists are public and the URIs come from credentials, so nothing but
// core's own headers is ever sent, to whatever host a URI names.
import { type ClientOptions, createApiClient } from '@credstat/core';
import type { JSONWebKeySet } from 'jose';
import {
  type BitstringStatus,
  type BitstringStatusList,
  bitstringStatusAt,
  verifyBitstringStatusList,
} from './bitstring-status-list.js';
import { api } from './generated/api.gen.js';
import { getBitstringStatusList, getTokenStatusList } from './generated/operations.gen.js';
import type { paths } from './generated/types.gen.js';
import { StatusListCache } from './status-list-cache.js';
import { StatusListError } from './status-list-error.js';
import { statusListKeys } from './status-list-jwt.js';
import { entryIndex, locateStatusList, statusListUri } from './status-list-reference.js';
import {
  type TokenStatus,
  type TokenStatusList,
  tokenStatusAt,
  verifyTokenStatusList,
} from './token-status-list.js';

export type { BitstringStatus } from './bitstring-status-list.js';
export { StatusListError, type StatusListErrorReason } from './status-list-error.js';
export type { TokenStatus, TokenStatusType } from './token-status-list.js';

/**
 * Core's options, less `headers`: a status list URI names any host a
 * credential chooses, so extra headers (perhaps a secret) are not on offer.
 */
export interface StatusListClientOptions extends Omit<ClientOptions, 'baseUrl' | 'headers'> {
  /**
   * The status list service's public keys: its JWKS URL (fetched with `fetch`
   * when given, else the global fetch), or a JSON Web Key Set.
   */
  jwks: string | URL | JSONWebKeySet;
  /** Public base URL for checks by identifier. Default: the spec's public server, https://crs.account.gov.uk. */
  baseUrl?: string;
  /** Clock in ms (tests). Default Date.now. */
  now?: () => number;
}

/** A credential's `status.status_list` as it stands, or an index and identifier on the public base URL. */
export type TokenStatusReference =
  | { idx: number; uri: string }
  | { idx: number; statusListIdentifier: string };

/** A credential's BitstringStatusListEntry as it stands. */
export interface BitstringStatusEntry {
  /** A base-10 string in W3C's model; a number is taken too. */
  statusListIndex: string | number;
  statusListCredential: string;
  statusPurpose?: string;
  /** Bits per entry; only 1 (the default, GOV.UK's) is read. */
  statusSize?: number;
}

export interface StatusCheckOptions {
  /** Fetch the list again (and cache that copy) even if a cached one may still be used. */
  fresh?: boolean;
  /** Ends this check's wait; a fetch shared with other checks goes on for them. */
  signal?: AbortSignal;
}

export interface StatusListClient {
  /** IETF Token Status List (/t/): a credential's `status.status_list` ({ idx, uri }) as it stands, or an index and identifier on the public base URL. */
  checkTokenStatus(ref: TokenStatusReference, options?: StatusCheckOptions): Promise<TokenStatus>;
  /** W3C Bitstring Status List (/b/): a credential's BitstringStatusListEntry as it stands ({ statusListIndex (string or number), statusListCredential, statusPurpose }). */
  checkBitstringStatus(
    entry: BitstringStatusEntry,
    options?: StatusCheckOptions,
  ): Promise<BitstringStatus>;
  /** Forget every cached list. */
  clearCache(): void;
  close(): Promise<void>;
}

export function createStatusListClient(options: StatusListClientOptions): StatusListClient {
  const {
    jwks,
    now = Date.now,
    baseUrl = api.operations.getTokenStatusList.baseUrl,
    ...clientOptions
  } = options;
  // Dropped at run time too, for callers the type does not reach.
  delete (clientOptions as ClientOptions).headers;
  const client = createApiClient<paths>(api, { ...clientOptions, baseUrl });
  const keys = statusListKeys(jwks, options.fetch);
  const tokens = new StatusListCache<TokenStatusList>(now);
  const bitstrings = new StatusListCache<BitstringStatusList>(now);
  /** The list's JWT, read by its generated operation on the host its URI names. */
  const fetchList =
    (
      read: typeof getTokenStatusList | typeof getBitstringStatusList,
      location: ReturnType<typeof locateStatusList>,
    ) =>
    (signal: AbortSignal) =>
      read(
        client,
        { statusListIdentifier: location.statusListIdentifier },
        { signal, baseUrl: location.baseUrl },
      );

  return {
    async checkTokenStatus(ref, check) {
      const uri =
        'uri' in ref ? ref.uri : statusListUri(baseUrl, 't', String(ref.statusListIdentifier));
      const location = locateStatusList(uri, 't');
      const idx = entryIndex(ref.idx, uri);
      const fetched = fetchList(getTokenStatusList, location);
      const list = await tokens.get(
        uri,
        async (signal) => verifyTokenStatusList(await fetched(signal), { uri, keys, now: now() }),
        check,
      );
      return tokenStatusAt(list, idx, now());
    },

    async checkBitstringStatus(entry, check) {
      const uri = entry.statusListCredential;
      const location = locateStatusList(uri, 'b');
      const idx = entryIndex(entry.statusListIndex, uri, true);
      if (entry.statusSize !== undefined && entry.statusSize !== 1)
        throw new StatusListError(
          'malformed',
          uri,
          `statusSize ${JSON.stringify(entry.statusSize)}: only 1-bit entries are read`,
        );
      const fetched = fetchList(getBitstringStatusList, location);
      const list = await bitstrings.get(
        uri,
        async (signal) =>
          verifyBitstringStatusList(await fetched(signal), { uri, keys, now: now() }),
        check,
      );
      return bitstringStatusAt(list, { idx, statusPurpose: entry.statusPurpose }, now());
    },

    clearCache() {
      tokens.clear();
      bitstrings.clear();
    },

    async close() {
      tokens.clear();
      bitstrings.clear();
      await client.close();
    },
  };
}
