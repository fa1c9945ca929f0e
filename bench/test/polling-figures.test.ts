// The polling figures from hand-made runs: linearity is the median of
// per-round ratios, and anything left after the waits fails its goal of 0.
import { describe, expect, it } from 'vitest';
import { pollingFigures } from '../polling/figures.mjs';
import type { SizeResult } from '../polling/run-size.mjs';

const SIZES = [
  { label: '100', sessions: 100 },
  { label: '10k', sessions: 10_000 },
];
const none = { timers: 0, sockets: 0, listeners: 0, open: 0 };

/** A run of `sessions` sessions that grew the heap by `perSession` B each and spent `cpuPerPoll` µs per poll. */
function run(sessions: number, perSession: number, cpuPerPoll: number, left = {}): SizeResult {
  const served = sessions * 3;
  return {
    sessions,
    served,
    cpuMicros: cpuPerPoll * served,
    quiet: true,
    baseline: { heapUsed: 1_000_000, rss: 50_000_000 },
    during: {
      heapUsed: 1_000_000 + perSession * sessions,
      rss: 60_000_000,
      timers: 2 * sessions,
      listeners: sessions,
      open: 64,
    },
    afterWaits: { ...none, open: 64 },
    afterClose: { ...none, ...left },
  } as unknown as SizeResult;
}

const byName = (figures: ReturnType<typeof pollingFigures>) =>
  Object.fromEntries(figures.map((f) => [f.name, f]));

describe('polling figures', () => {
  it('names every figure by size, and gives the goals of the issue', () => {
    const figures = byName(
      pollingFigures(SIZES, [[run(100, 4000, 200), run(10_000, 4000, 100)]], { pool: 64 }),
    );
    expect(Object.keys(figures)).toEqual(
      expect.arrayContaining([
        'polling.100.memory-per-session',
        'polling.10k.cpu-per-poll',
        'polling.10k.timers-during',
        'polling.10k.sockets-during',
        'polling.10k.listeners-during',
        'polling.linearity.memory-per-session',
        'polling.linearity.cpu-per-poll',
        'polling.after.timers',
        'polling.after.sockets',
        'polling.after.listeners',
      ]),
    );
    expect(figures['polling.10k.memory-per-session']?.value).toBe(4000);
    expect(figures['polling.10k.timers-during']?.value).toBe(20_000);
    expect(figures['polling.linearity.cpu-per-poll']).toMatchObject({ goal: 1.5, better: 'lower' });
    expect(figures['polling.after.sockets']).toMatchObject({ value: 0, goal: 0, met: true });
  });

  it('takes linearity as the median of the per-round ratios, 10k over 100', () => {
    const rounds = [
      [run(100, 1000, 100), run(10_000, 1000, 100)], // ×1
      [run(100, 1000, 100), run(10_000, 2000, 300)], // ×2 memory, ×3 CPU
      [run(100, 1000, 100), run(10_000, 4000, 500)], // ×4 memory, ×5 CPU
    ];
    const figures = byName(pollingFigures(SIZES, rounds, { pool: 64 }));
    expect(figures['polling.linearity.memory-per-session']).toMatchObject({ ratio: 2, met: false });
    expect(figures['polling.linearity.cpu-per-poll']).toMatchObject({ ratio: 3, met: false });
  });

  it('fails the goal of 0 when one run of one size left something', () => {
    const rounds = [[run(100, 1000, 100), run(10_000, 1000, 100, { open: 3, timers: 1 })]];
    const figures = byName(pollingFigures(SIZES, rounds, { pool: 64 }));
    expect(figures['polling.after.sockets']).toMatchObject({ value: 3, met: false });
    expect(figures['polling.after.timers']).toMatchObject({ value: 1, met: false });
    expect(figures['polling.after.listeners']).toMatchObject({ value: 0, met: true });
  });
});
