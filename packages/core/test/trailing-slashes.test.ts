import { describe, expect, it } from 'vitest';
import { withoutTrailingSlashes } from '../src/index.js';

describe('withoutTrailingSlashes', () => {
  it.each([
    ['https://api.example/', 'https://api.example'],
    ['https://api.example/v1///', 'https://api.example/v1'],
    ['https://api.example/v1', 'https://api.example/v1'],
    ['///', ''],
    ['', ''],
    ['/a/', '/a'],
  ])('%j → %j', (url, expected) => {
    expect(withoutTrailingSlashes(url)).toBe(expected);
  });

  it('a run of 100,000 slashes before the end is kept whole (the input the old regex choked on)', () => {
    const url = `${'/'.repeat(100_000)}\u0000/`;
    expect(withoutTrailingSlashes(url)).toBe(url.slice(0, -1));
  });
});
