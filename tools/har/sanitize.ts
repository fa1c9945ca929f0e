// Makes recorded traffic safe to commit: credentials become REDACTED, and
// anything that still looks like one is reported by findSecrets().
import { REDACTED } from '@credstat/core';
import type { OpenApiDocument } from '../generator/openapi.ts';
import type { Har, HarHeader } from './har.ts';

/** Always redacted, whatever the spec says: the floor. */
const SECRET_HEADERS = [
  'authorization',
  'x-api-key',
  'cookie',
  'set-cookie',
  'proxy-authorization',
];
const SECRET_QUERY = /^(access_token|token|api[_-]?key|key|code|client_secret|password)$/i;

/** Where a spec says its credentials travel, beyond the fixed lists. */
export interface SpecCredentials {
  /** Header names of its `apiKey` schemes `in: header` (e.g. `X-Custom-Key`). */
  headers: string[];
  /** Parameter names of its `apiKey` schemes `in: query`. */
  query: string[];
}

/** The credentials a spec declares in `components.securitySchemes`. */
export function specCredentials(document: OpenApiDocument): SpecCredentials {
  const schemes = Object.values(document.components?.securitySchemes ?? {});
  const named = (where: string) =>
    schemes.flatMap((s) => (s.type === 'apiKey' && s.in === where && s.name ? [s.name] : []));
  return { headers: named('header'), query: named('query') };
}

function redactHeaders(headers: HarHeader[], secret: Set<string>): HarHeader[] {
  return headers.map(({ name, value }) => {
    if (!secret.has(name.toLowerCase())) return { name, value };
    const scheme = /^(Bearer|Basic|DPoP)\s/i.exec(value)?.[1];
    return { name, value: scheme ? `${scheme} ${REDACTED}` : REDACTED };
  });
}

/**
 * The recorded URL on the spec's server. A path that already starts with the
 * server's base path (e.g. `/v2` of `https://api.example/v2`) keeps it once, so
 * sanitizing a fixture twice changes nothing.
 */
function onServer(serverUrl: string, url: URL): string {
  const server = serverUrl.replace(/\/$/, '');
  const base = new URL(server).pathname.replace(/\/$/, '');
  const path =
    base && (url.pathname === base || url.pathname.startsWith(`${base}/`))
      ? url.pathname.slice(base.length)
      : url.pathname;
  return server + path + url.search;
}

/**
 * Removes credentials from every entry (the fixed lists, plus what the spec
 * declares), and points URLs at `serverUrl` if given.
 */
export function sanitizeHar(
  har: Har,
  serverUrl?: string,
  credentials: SpecCredentials = { headers: [], query: [] },
): Har {
  const headers = new Set([...SECRET_HEADERS, ...credentials.headers.map((h) => h.toLowerCase())]);
  const query = new Set(credentials.query.map((name) => name.toLowerCase()));
  const secretQuery = (name: string) => SECRET_QUERY.test(name) || query.has(name.toLowerCase());
  const entries = har.log.entries.map((entry) => {
    const url = new URL(entry.request.url);
    for (const [key] of url.searchParams) if (secretQuery(key)) url.searchParams.set(key, REDACTED);
    const href = serverUrl ? onServer(serverUrl, url) : url.toString();
    return {
      ...entry,
      request: {
        ...entry.request,
        url: href,
        headers: redactHeaders(entry.request.headers, headers),
        queryString: entry.request.queryString.map(({ name, value }) => ({
          name,
          value: secretQuery(name) ? REDACTED : value,
        })),
        cookies: [],
      },
      response: {
        ...entry.response,
        headers: redactHeaders(entry.response.headers, headers),
        cookies: [],
      },
    };
  });
  return { log: { ...har.log, entries } };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A compact JWS (a signed JWT): header, payload, signature. */
export const JWT_PATTERN = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/;

/** Patterns of live credentials: signed JWTs, bearer tokens, long key-like header values. */
function secretPatterns(credentialHeaders: readonly string[]): [string, RegExp][] {
  const names = ['x-api-key', 'authorization', 'cookie', ...credentialHeaders].map(escapeRegExp);
  const header = `"(${names.join('|')})"`;
  const value = `"value"\\s*:\\s*"(?!REDACTED"|Bearer REDACTED")[^"]+"`;
  return [
    ['signed JWT', JWT_PATTERN],
    // Any case: `BEARER x` authenticates as well as `Bearer x`.
    ['bearer token', /\bbearer\s+(?!REDACTED\b)[A-Za-z0-9._~+/-]{8,}=*/i],
    [
      'API key header',
      // Name then value, as formatHar writes; or value then name, as a hand edit may.
      new RegExp(`${header}\\s*,\\s*${value}|${value}\\s*,\\s*"name"\\s*:\\s*${header}`, 'i'),
    ],
    ['private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ];
}

/**
 * Describes every likely secret in a file's text; empty when clean.
 * `credentialHeaders`: the spec's own credential headers (specCredentials), checked too.
 */
export function findSecrets(
  text: string,
  knownSecrets: readonly string[] = [],
  credentialHeaders: readonly string[] = [],
): string[] {
  const found: string[] = [];
  for (const [label, pattern] of secretPatterns(credentialHeaders))
    if (pattern.test(text)) found.push(label);
  for (const secret of knownSecrets)
    if (text.includes(secret)) found.push(`known secret ${secret.slice(0, 4)}…`);
  return found;
}
