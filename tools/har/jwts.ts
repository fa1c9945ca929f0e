// Signed JWTs a fixture may hold. A JWT in a fixture passes the secret scan
// only when its entry lists it: signed by a committed throwaway test key (the
// signature is checked, so a real token cannot hide behind the listing), or a
// vendor's published example, matched exactly. Anything else stays a finding.
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { compactVerify, importJWK, type JWK } from 'jose';
import type { HarEntry, ListedJwt } from './har.ts';
import { JWT_PATTERN } from './sanitize.ts';

const ALL_JWTS = new RegExp(JWT_PATTERN.source, 'g');

/** Every JWT-shaped string in a text. */
export function jwtsIn(text: string): string[] {
  return text.match(ALL_JWTS) ?? [];
}

async function verifiesWith(jwt: string, keyFile: string): Promise<boolean> {
  let jwk: JWK;
  try {
    jwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
  } catch {
    return false;
  }
  // A committed key must be the public half only.
  if ('d' in jwk) throw new Error(`${keyFile} holds a private key: commit only the public half`);
  try {
    await compactVerify(jwt, await importJWK(jwk, jwk.alg ?? 'ES256'));
    return true;
  } catch {
    return false;
  }
}

/** Test keys live in the API's own `fixtures/keys/`: a key anywhere else proves nothing. */
export function testKeyPath(fixturesDir: string, signedBy: string): string | undefined {
  const keysDir = resolve(fixturesDir, 'keys');
  const path = resolve(fixturesDir, signedBy);
  const inside = relative(keysDir, path);
  return inside &&
    !inside.startsWith(`..`) &&
    !inside.includes(`${sep}..`) &&
    !inside.startsWith(sep)
    ? path
    : undefined;
}

async function isListed(jwt: string, listed: readonly ListedJwt[], fixturesDir: string) {
  for (const entry of listed) {
    if ('publishedExample' in entry) {
      if (entry.jwt === jwt && entry.publishedExample.trim().length > 0) return true;
      continue;
    }
    const keyFile = testKeyPath(fixturesDir, entry.signedBy);
    if (keyFile && (await verifiesWith(jwt, keyFile))) return true;
  }
  return false;
}

/** The JWTs in an entry, split by whether its `_credstatJwts` accounts for them. */
export async function entryJwts(
  entry: HarEntry,
  fixturesDir: string,
): Promise<{ listed: string[]; unlisted: string[] }> {
  const listing = entry._credstatJwts ?? [];
  const { _credstatJwts: _listing, ...rest } = entry;
  const found = { listed: [] as string[], unlisted: [] as string[] };
  for (const jwt of new Set(jwtsIn(JSON.stringify(rest))))
    found[(await isListed(jwt, listing, fixturesDir)) ? 'listed' : 'unlisted'].push(jwt);
  return found;
}

/**
 * A fixture's text with every listed JWT taken out, for the secret scan: what
 * is left must hold nothing secret-looking. A JWT that any entry holds without
 * listing it, or that appears outside the entries, stays in.
 */
export async function withoutListedJwts(
  text: string,
  entries: readonly HarEntry[],
  fixturesDir: string,
): Promise<string> {
  const listed = new Set<string>();
  const unlisted = new Set<string>();
  for (const entry of entries) {
    const found = await entryJwts(entry, fixturesDir);
    for (const jwt of found.listed) listed.add(jwt);
    for (const jwt of found.unlisted) unlisted.add(jwt);
  }
  return text.replace(ALL_JWTS, (jwt) =>
    listed.has(jwt) && !unlisted.has(jwt) ? '<listed JWT>' : jwt,
  );
}
