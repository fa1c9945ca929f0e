import { describe, expect, it } from 'vitest';
import { bodyPreview, createRedactor, safeUrl } from '../src/redact.js';

describe('createRedactor', () => {
  const redact = createRedactor(['key-123456', undefined, 'abc']);
  it.each([
    ['a known secret', 'header was key-123456!', 'header was REDACTED!'],
    ['every occurrence', 'key-123456 key-123456', 'REDACTED REDACTED'],
    ['a URL query', 'GET https://h.test/a/b?token=t1&x=2 failed', 'GET https://h.test/a/b failed'],
    ['a URL fragment', 'see http://h.test/p#access_token=t', 'see http://h.test/p'],
    ['short secrets are left alone', 'abc def', 'abc def'],
    ['text without secrets', 'plain', 'plain'],
  ])('%s', (_label, input, expected) => {
    expect(redact(input)).toBe(expected);
  });
});

describe('safeUrl', () => {
  it.each([
    ['https://h.test/a?token=1#f', 'https://h.test/a'],
    ['http://127.0.0.1:8080/x/y', 'http://127.0.0.1:8080/x/y'],
    ['/relative/path?q=1', '/relative/path'],
  ])('%s → %s', (input, expected) => {
    expect(safeUrl(input)).toBe(expected);
  });
});

describe('bodyPreview', () => {
  it('folds whitespace, redacts and truncates', () => {
    const redact = createRedactor(['secret-9999']);
    expect(bodyPreview('<p>\n  secret-9999  </p>', redact)).toBe('<p> REDACTED </p>');
    expect(bodyPreview('x'.repeat(300), redact, 10)).toBe(`${'x'.repeat(10)}…`);
  });
});
