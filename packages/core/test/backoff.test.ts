import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from '../src/backoff.js';
import { seededRandom } from './support/scripted-fetch.js';

const options = { baseDelayMs: 500, maxDelayMs: 20_000, maxRetryAfterMs: 60_000 };

describe('backoffDelay: capped exponential, full jitter', () => {
  it.each([
    [0, 0.5, 250],
    [1, 0.5, 500],
    [2, 0.5, 1_000],
    [3, 0.999, 3_996],
    [10, 0.999, 19_980], // 500·2^10 is capped at 20 s
    [40, 0.5, 10_000],
    [0, 0, 0],
  ])('retry %i with random %f waits %i ms', (retry, random, expected) => {
    expect(backoffDelay(retry, { ...options, random: () => random })).toBe(expected);
  });

  it('is reproducible with a seeded source and stays under each ceiling', () => {
    const run = () => {
      const random = seededRandom(42);
      return [0, 1, 2, 3, 4, 5, 6, 7].map((retry) => backoffDelay(retry, { ...options, random }));
    };
    expect(run()).toEqual([300, 448, 1_704, 2_678, 1_398, 8_425, 5_464, 12_494]);
    expect(run()).toEqual(run());
    // Each under its ceiling: 500, 1 000, 2 000, 4 000, 8 000, 16 000, then the 20 s cap.
    const ceilings = [500, 1_000, 2_000, 4_000, 8_000, 16_000, 20_000, 20_000];
    expect(run().every((delay, retry) => delay < (ceilings[retry] ?? 0))).toBe(true);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-22T10:00:00Z');
  it.each([
    ['absent', null, undefined],
    ['seconds', '3', 3_000],
    ['zero seconds', '0', 0],
    ['seconds with spaces', ' 12 ', 12_000],
    ['huge seconds', '86400', 86_400_000],
    ['an HTTP date', 'Sun, 22 Nov 2026 10:00:30 GMT', 30_000],
    ['a past date', 'Sun, 22 Nov 2026 09:59:00 GMT', undefined],
    ['garbage', 'soon', undefined],
    ['a negative number', '-5', undefined],
    ['a fraction', '1.5', undefined],
    ['empty', '', undefined],
  ])('%s', (_label, header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});
