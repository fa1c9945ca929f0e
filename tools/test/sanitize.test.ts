import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OpenApiDocument } from '../generator/openapi.ts';
import type { Har, HarEntry } from '../har/har.ts';
import { findSecrets, sanitizeHar, specCredentials } from '../har/sanitize.ts';

function entry(url: string, headers: [string, string][]): HarEntry {
  return {
    startedDateTime: '2026-11-01T00:00:00.000Z',
    time: 1,
    request: {
      method: 'GET',
      url,
      httpVersion: 'HTTP/1.1',
      headers: headers.map(([name, value]) => ({ name, value })),
      queryString: [...new URL(url).searchParams].map(([name, value]) => ({ name, value })),
      cookies: [{ name: 'session', value: 'abc' }],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: 200,
      statusText: 'OK',
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Set-Cookie', value: 'session=abcdef' }],
      cookies: [],
      content: { size: 2, mimeType: 'application/json', text: '{}' },
      redirectURL: '',
      headersSize: -1,
      bodySize: 2,
    },
    cache: {},
    timings: { send: 0, wait: 1, receive: 0 },
  };
}

const har = (entries: HarEntry[]): Har => ({
  log: { version: '1.2', creator: { name: 't', version: '1' }, entries },
});

describe('sanitizeHar', () => {
  const recorded = har([
    entry('http://127.0.0.1:4040/requests/1?token=live-token-123&page=2', [
      ['Authorization', 'Bearer live-token-123'],
      ['X-API-KEY', 'live-key-456'],
      ['Accept', 'application/json'],
    ]),
  ]);
  const clean = sanitizeHar(recorded, 'https://api.example.com/v1');
  const [first] = clean.log.entries;

  it('redacts credentials and keeps the scheme', () => {
    expect(first?.request.headers).toEqual([
      { name: 'Authorization', value: 'Bearer REDACTED' },
      { name: 'X-API-KEY', value: 'REDACTED' },
      { name: 'Accept', value: 'application/json' },
    ]);
    expect(first?.response.headers).toEqual([{ name: 'Set-Cookie', value: 'REDACTED' }]);
    expect(first?.request.cookies).toEqual([]);
  });

  it('redacts secret query parameters and points the URL at the spec server', () => {
    expect(first?.request.url).toBe('https://api.example.com/v1/requests/1?token=REDACTED&page=2');
    expect(first?.request.queryString).toEqual([
      { name: 'token', value: 'REDACTED' },
      { name: 'page', value: '2' },
    ]);
  });

  it('leaves nothing the scanner would flag', () => {
    const before = JSON.stringify(recorded, null, 2);
    const after = JSON.stringify(clean, null, 2);
    expect(findSecrets(before, ['live-token-123', 'live-key-456']).length).toBeGreaterThan(0);
    expect(findSecrets(after, ['live-token-123', 'live-key-456'])).toEqual([]);
  });
});

// An API whose key travels in a header no fixed list knows.
const customKeySpec: OpenApiDocument = {
  openapi: '3.1.0',
  servers: [{ url: 'https://custom.example.test/v1' }],
  security: [{ customKey: [] }],
  components: {
    securitySchemes: {
      customKey: { type: 'apiKey', in: 'header', name: 'X-Custom-Key' },
      queryKey: { type: 'apiKey', in: 'query', name: 'sig' },
      bearer: { type: 'http', scheme: 'bearer' },
    },
  },
};

describe('credentials the spec declares', () => {
  const recorded = har([
    entry('http://127.0.0.1:4040/v1/things?sig=live-sig-789&page=2', [
      ['X-Custom-Key', 'live-custom-123'],
      ['Authorization', 'Bearer live-token-456'],
      ['Accept', 'application/json'],
    ]),
  ]);
  const credentials = specCredentials(customKeySpec);

  it('reads apiKey schemes: header and query names, not bearer', () => {
    expect(credentials).toEqual({ headers: ['X-Custom-Key'], query: ['sig'] });
    expect(specCredentials({ openapi: '3.1.0' })).toEqual({ headers: [], query: [] });
  });

  it('redacts them on top of the fixed list', () => {
    const [first] = sanitizeHar(recorded, customKeySpec.servers?.[0]?.url, credentials).log.entries;
    expect(first?.request.headers).toEqual([
      { name: 'X-Custom-Key', value: 'REDACTED' },
      { name: 'Authorization', value: 'Bearer REDACTED' },
      { name: 'Accept', value: 'application/json' },
    ]);
    expect(first?.request.url).toBe('https://custom.example.test/v1/things?sig=REDACTED&page=2');
    expect(first?.request.queryString).toEqual([
      { name: 'sig', value: 'REDACTED' },
      { name: 'page', value: '2' },
    ]);
  });

  it('keeps the fixed list as a floor: without the spec, only the custom header stays', () => {
    const [first] = sanitizeHar(recorded).log.entries;
    expect(first?.request.headers).toEqual([
      { name: 'X-Custom-Key', value: 'live-custom-123' },
      { name: 'Authorization', value: 'Bearer REDACTED' },
      { name: 'Accept', value: 'application/json' },
    ]);
  });

  it('flags a spec-declared header left in clear when told its name', () => {
    const text = JSON.stringify(sanitizeHar(recorded), null, 2);
    expect(findSecrets(text)).toEqual([]);
    expect(findSecrets(text, [], credentials.headers)).toEqual(['API key header']);
    const clean = JSON.stringify(sanitizeHar(recorded, undefined, credentials), null, 2);
    expect(findSecrets(clean, [], credentials.headers)).toEqual([]);
  });

  it('points URLs at a server with a base path once, so sanitizing twice changes nothing', () => {
    const server = customKeySpec.servers?.[0]?.url;
    const once = sanitizeHar(recorded, server, credentials);
    expect(sanitizeHar(once, server, credentials)).toEqual(once);
    const [proxied] = sanitizeHar(har([entry('http://127.0.0.1:4040/things/1', [])]), server).log
      .entries;
    expect(proxied?.request.url).toBe('https://custom.example.test/v1/things/1');
  });
});

describe('credstat-sanitize', () => {
  it("redacts the spec's own credential header in a hand-written fixture", () => {
    const root = mkdtempSync(join(tmpdir(), 'credstat-sanitize-'));
    try {
      mkdirSync(join(root, 'specs/custom/fixtures'), { recursive: true });
      writeFileSync(
        join(root, 'redocly.yaml'),
        'apis:\n  custom:\n    root: specs/custom/openapi.json\n',
      );
      writeFileSync(join(root, 'specs/custom/openapi.json'), JSON.stringify(customKeySpec));
      const file = join(root, 'specs/custom/fixtures/200.har');
      writeFileSync(
        file,
        JSON.stringify(
          har([
            entry('https://custom.example.test/v1/things', [['X-Custom-Key', 'live-custom-123']]),
          ]),
        ),
      );
      const result = spawnSync(
        process.execPath,
        [join(import.meta.dirname, '../bin/sanitize.js'), 'custom', file],
        { encoding: 'utf8', env: { ...process.env, CREDSTAT_ROOT: root } },
      );
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const text = readFileSync(file, 'utf8');
      expect(text).not.toContain('live-custom-123');
      expect(text).toContain('"name": "X-Custom-Key",\n              "value": "REDACTED"');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
