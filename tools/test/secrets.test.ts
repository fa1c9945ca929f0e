import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listFixtures } from '../har/har.ts';
import { findSecrets } from '../har/sanitize.ts';
import { listApis } from '../lib/repo.ts';

// sha256 of the sample API keys printed in the vendors' curl examples: the keys
// themselves must not be in the repo, not even here.
const VENDOR_KEY_HASHES = new Set([
  '80905053b528f94ffebb45eaa20b65155e1339cb13efd51dd2fb90236efbddfd', // FortID verifier page
  '09b73b81fac6f91f79b604de9e0bcc8c6197887bbbec1938d68aba1c445017e9', // FortID issuer page
]);

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function vendorKeys(text: string, hashes = VENDOR_KEY_HASHES): string[] {
  const tokens = text.match(/[A-Za-z0-9]{24,64}/g) ?? [];
  return tokens.filter((token) => hashes.has(sha256(token)));
}

const fixtureFiles = listApis().flatMap((api) => listFixtures(api.fixturesDir).map((f) => f.path));

describe('secret scan', () => {
  it('finds fixtures to scan', () => {
    expect(fixtureFiles.length).toBeGreaterThan(0);
  });

  it('recognises a known key by its hash', () => {
    const key = 'q7WmZ2rT9xLb4NcV8yHd3KfJ6pGs1Ae5';
    const hashes = new Set([sha256(key)]);
    expect(vendorKeys(`{"name":"X-API-KEY","value":"${key}"}`, hashes)).toEqual([key]);
    expect(vendorKeys(`{"name":"X-API-KEY","value":"${key.slice(1)}x"}`, hashes)).toEqual([]);
  });

  it.each(fixtureFiles)('%s holds no credential', (file) => {
    const text = readFileSync(file, 'utf8');
    expect(findSecrets(text)).toEqual([]);
    expect(vendorKeys(text)).toEqual([]);
  });

  const jwt = [
    'eyJhbGciOiJFUzI1NiJ9',
    'eyJpc3MiOiJjbGllbnQifQ',
    'c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU',
  ].join('.');
  it.each([
    ['signed JWT', `"text": "${jwt}"`],
    ['bearer token', '"value": "Bearer abcdefghijklmnop"'],
    ['API key header', '{ "name": "X-API-KEY", "value": "live-key-123" }'],
    ['API key header', '{ "name": "Authorization", "value": "Basic dXNlcjpwYXNz" }'],
    ['private key', '-----BEGIN EC PRIVATE KEY-----'],
  ])('detects a %s', (label, text) => {
    expect(findSecrets(text)).toContain(label);
  });

  it.each([
    '{ "name": "X-API-KEY", "value": "REDACTED" }',
    '{ "name": "Authorization", "value": "Bearer REDACTED" }',
    '"text": "{\\"message\\":\\"Session ID is not a valid UUID.\\"}"',
  ])('accepts redacted or harmless text: %s', (text) => {
    expect(findSecrets(text)).toEqual([]);
  });
});
