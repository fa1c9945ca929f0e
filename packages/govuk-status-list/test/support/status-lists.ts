// Real, signed status lists for tests: Token Status List tokens (/t/) and
// Bitstring Status List credentials (/b/), built with the same libraries the
// client decodes with, and a fake fetch that serves them and counts requests.

import { fileURLToPath } from 'node:url';
import { Bitstring } from '@digitalbazaar/bitstring';
import { type BitsPerStatus, StatusList } from '@sd-jwt/jwt-status-list';
import {
  type CryptoKey,
  exportJWK,
  generateKeyPair,
  type JSONWebKeySet,
  type JWTPayload,
  SignJWT,
} from 'jose';
import { beforeAll, expect } from 'vitest';
import { StatusListError } from '../../src/status-list-error.js';

export interface TestSigningKey {
  /** Signs the lists. */
  key: CryptoKey;
  kid: string;
  /** The public half, as a key set a client is given. */
  jwks: JSONWebKeySet;
}

/** The spec's fixtures folder. */
export const FIXTURES_DIR = fileURLToPath(
  new URL('../../../../specs/govuk-status-list/fixtures', import.meta.url),
);

/** The suites' fixed clock: lists are built and checked at this time. */
export const T0 = Date.UTC(2025, 9, 1, 12);

/** A signing key made once, in the calling suite's beforeAll. */
export function suiteSigningKey(): TestSigningKey {
  const holder = {} as TestSigningKey;
  beforeAll(async () => {
    Object.assign(holder, await makeSigningKey());
  });
  return holder;
}

/** A fresh ES256 key pair and its public JWKS. */
export async function makeSigningKey(kid = 'status-list-test'): Promise<TestSigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  return { key: privateKey, kid, jwks: { keys: [jwk] } };
}

export interface TokenStatusListInit {
  key: CryptoKey;
  kid: string;
  /** The list's URI. */
  sub: string;
  bits: BitsPerStatus;
  /** One status per index. */
  values: number[];
  /** Seconds; omitted when undefined. */
  ttl?: number;
  /** Seconds since the epoch; default `iat` + 1 day; `null`: no `exp`. */
  exp?: number | null;
  /** Seconds since the epoch; default `now`. */
  iat?: number;
  /** ms, for the defaults; default Date.now(). */
  now?: number;
  /** Header typ; default `statuslist+jwt`. */
  typ?: string;
  /** Claims set over the built ones (e.g. a broken `status_list`). */
  claims?: JWTPayload;
}

/** A signed IETF Token Status List token. */
export async function makeTokenStatusList(init: TokenStatusListInit): Promise<string> {
  const iat = init.iat ?? Math.floor((init.now ?? Date.now()) / 1000);
  const exp = init.exp === undefined ? iat + 86_400 : init.exp;
  const lst = new StatusList(init.values, init.bits).compressStatusList();
  const payload: JWTPayload = {
    iss: 'https://status-list.test/',
    sub: init.sub,
    iat,
    ...(exp === null ? {} : { exp }),
    ...(init.ttl === undefined ? {} : { ttl: init.ttl }),
    status_list: { bits: init.bits, lst },
    ...init.claims,
  };
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'ES256', typ: init.typ ?? 'statuslist+jwt', kid: init.kid })
    .sign(init.key);
}

export interface BitstringCredentialInit {
  key: CryptoKey;
  kid: string;
  /** The credential's `id`, the list's URI; `null`: no `id`. */
  id: string | null;
  /** Bits in the list; default 131 072 (W3C's 16 KB minimum). */
  length?: number;
  /** Indexes whose bit is 1. */
  set?: number[];
  /** Default `revocation`. */
  statusPurpose?: string | string[];
  /** ms; default `now`; `null`: no `validFrom`. */
  validFrom?: number | null;
  /** ms; default `now` + 7 days; `null`: no `validUntil`. */
  validUntil?: number | null;
  /** Milliseconds; omitted when undefined. */
  ttl?: number;
  /** ms, for the defaults; default Date.now(). */
  now?: number;
  /** Header typ; default `vc+jwt`. */
  typ?: string;
  /** Members set over the built credentialSubject (e.g. a broken `encodedList`). */
  subject?: Record<string, unknown>;
  /** Members set over the built credential. */
  claims?: JWTPayload;
}

/** A signed W3C Bitstring Status List credential (VC 2.0, `vc+jwt`). */
export async function makeBitstringCredential(init: BitstringCredentialInit): Promise<string> {
  const now = init.now ?? Date.now();
  const bitstring = new Bitstring({ length: init.length ?? 131_072 });
  for (const index of init.set ?? []) bitstring.set(index, true);
  const encodedList = `u${await bitstring.encodeBits()}`;
  const validFrom = init.validFrom === undefined ? now : init.validFrom;
  const validUntil = init.validUntil === undefined ? now + 7 * 86_400_000 : init.validUntil;
  const iso = (ms: number | null) => (ms === null ? undefined : new Date(ms).toISOString());
  const payload: JWTPayload = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    ...(init.id === null ? {} : { id: init.id }),
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: 'https://status-list.test/',
    validFrom: iso(validFrom),
    validUntil: iso(validUntil),
    credentialSubject: {
      id: `${init.id ?? 'urn:example:list'}#list`,
      type: 'BitstringStatusList',
      statusPurpose: init.statusPurpose ?? 'revocation',
      encodedList,
      ...(init.ttl === undefined ? {} : { ttl: init.ttl }),
      ...init.subject,
    },
    ...init.claims,
  };
  return new SignJWT(JSON.parse(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'ES256', typ: init.typ ?? 'vc+jwt', kid: init.kid })
    .sign(init.key);
}

/** What a route answers: a body (200, with the media type its path implies), or a Response. */
export type Route = string | object | (() => Response | Promise<Response>);

export interface SentRequest {
  url: string;
  headers: Headers;
  method: string;
  signal: AbortSignal | undefined;
}

export interface StatusListFetch {
  (url: string, init?: RequestInit): Promise<Response>;
  /** Every request, in order. */
  readonly sent: SentRequest[];
  /** Requests to `url`. */
  count(url: string): number;
  /** Replace or add a route. */
  route(url: string, answer: Route): void;
}

function mediaType(url: string): string {
  const { pathname } = new URL(url);
  if (/\/t\/[^/]+$/.test(pathname)) return 'application/statuslist+jwt';
  if (/\/b\/[^/]+$/.test(pathname)) return 'application/vc+jwt';
  return 'application/json';
}

/** A fetch answering from `routes` by exact URL; any other URL is a 404. */
export function statusListFetch(routes: Record<string, Route> = {}): StatusListFetch {
  const table = new Map(Object.entries(routes));
  const sent: SentRequest[] = [];
  const fetch = async (url: string, init: RequestInit = {}): Promise<Response> => {
    sent.push({
      url,
      headers: new Headers(init.headers),
      method: init.method ?? 'GET',
      signal: init.signal ?? undefined,
    });
    init.signal?.throwIfAborted();
    const answer = table.get(url);
    if (answer === undefined)
      return Response.json(
        { error: 'NOT_FOUND', error_description: 'no such list' },
        { status: 404 },
      );
    if (typeof answer === 'function') return answer();
    const body = typeof answer === 'string' ? answer : JSON.stringify(answer);
    return new Response(body, { status: 200, headers: { 'content-type': mediaType(url) } });
  };
  return Object.assign(fetch, {
    sent,
    count: (url: string) => sent.filter((request) => request.url === url).length,
    route: (url: string, answer: Route) => {
      table.set(url, answer);
    },
  });
}

/** The StatusListError reason a check failed with (the check must fail with one). */
export async function reasonOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StatusListError);
  return (error as StatusListError).reason;
}
