import { describe, expect, it } from 'vitest';
import type { Har, HarEntry } from '../fixtures/har.ts';
import { findSecrets, sanitizeHar } from '../fixtures/sanitize.ts';

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
