// The polling figures of bench/results.json, from the runs of every size.
import { figure, median } from '../harness.mjs';

/** The goal for both linearity ratios (10k over 100; 1 is perfectly linear). */
export const LINEARITY_GOAL = 1.5;

/** @typedef {import('./run-size.mjs').SizeResult} SizeResult */

/** Heap growth per waiting session, bytes. */
export const memoryPerSession = (r) => (r.during.heapUsed - r.baseline.heapUsed) / r.sessions;
/** RSS growth per waiting session, bytes (OS pages: noisy at small sizes). */
export const rssPerSession = (r) => (r.during.rss - r.baseline.rss) / r.sessions;
/** The waiting process's CPU (user + system) per poll the server answered, µs. */
export const cpuPerPoll = (r) => r.cpuMicros / r.served;

/** What is left once the waits are over: the worst of every run. */
function leftAfter(runs) {
  const worst = (pick) => Math.max(...runs.map(pick));
  return {
    // Timers and listeners must be gone as soon as the waits end, before any close().
    timers: worst((r) => Math.max(r.afterWaits.timers, r.afterClose.timers)),
    listeners: worst((r) => Math.max(r.afterWaits.listeners, r.afterClose.listeners)),
    // Pooled keep-alive sockets are the user's until they close their pool.
    sockets: worst((r) => r.afterClose.open + r.afterClose.sockets),
    idlePooled: worst((r) => r.afterWaits.open),
  };
}

/**
 * @param {{ label: string, sessions: number }[]} sizes smallest first
 * @param {SizeResult[][]} rounds one result per size, in `sizes` order, per round
 * @param {{ pool: number }} plan
 */
export function pollingFigures(sizes, rounds, { pool }) {
  const bySize = sizes.map((_, i) => rounds.map((round) => round[i]));
  const figures = [];
  sizes.forEach(({ label, sessions }, i) => {
    const runs = bySize[i];
    const at = (pick) => median(runs.map(pick));
    const name = `polling.${label}`;
    const notQuiet = runs.filter((r) => !r.quiet).length;
    const quietNote = notQuiet
      ? `; in ${notQuiet}/${runs.length} runs some second polls began before the snapshot ended`
      : '';
    figures.push(
      figure({
        name: `${name}.memory-per-session`,
        value: at(memoryPerSession),
        unit: 'B',
        better: 'lower',
        note: `heapUsed after forced GC while all ${sessions} sessions wait, minus before, / ${sessions}; median of ${runs.length} runs${quietNote}`,
      }),
      figure({
        name: `${name}.rss-during`,
        value: at((r) => r.during.rss) / 2 ** 20,
        unit: 'MiB',
        better: 'lower',
        note: `RSS while all wait; ${Math.round(at(rssPerSession))} B per session over the baseline (OS pages: noisy, even negative, below 10k)`,
      }),
      figure({
        name: `${name}.cpu-per-poll`,
        value: at(cpuPerPoll),
        unit: 'µs',
        better: 'lower',
        note: `waiting process CPU (user+system) / polls served; ${median(runs.map((r) => r.served))} polls`,
      }),
      figure({
        name: `${name}.timers-during`,
        value: at((r) => r.during.timers),
        unit: 'timers',
        better: 'lower',
        note: `live Timeouts while all wait (${at((r) => r.during.timers / sessions)} per session: the sleep and the deadline)`,
      }),
      figure({
        name: `${name}.sockets-during`,
        value: at((r) => r.during.open),
        unit: 'sockets',
        better: 'lower',
        note: `connections the server sees open while all wait (pool of ${pool})`,
      }),
      figure({
        name: `${name}.listeners-during`,
        value: at((r) => r.during.listeners),
        unit: 'listeners',
        better: 'lower',
        note: 'abort listeners on the one signal passed to every wait (core shares one among all), plus process listeners added',
      }),
    );
  });

  const small = sizes[0];
  const large = sizes.at(-1);
  const linearity = (metric, pick, unit) => {
    const ratios = rounds.map((round) => pick(round.at(-1)) / pick(round[0]));
    return figure({
      name: `polling.linearity.${metric}`,
      value: median(bySize.at(-1).map(pick)),
      baseline: median(bySize[0].map(pick)),
      ratio: median(ratios),
      unit,
      goal: LINEARITY_GOAL,
      better: 'lower',
      note: `${metric} at ${large.sessions} sessions / at ${small.sessions}, median of ${rounds.length} per-round ratios (1 = linear)`,
    });
  };
  figures.push(
    linearity('memory-per-session', memoryPerSession, 'B'),
    linearity('cpu-per-poll', cpuPerPoll, 'µs'),
  );

  const left = leftAfter(rounds.flat());
  const afterNote = 'worst of every size and run';
  figures.push(
    figure({
      name: 'polling.after.timers',
      value: left.timers,
      unit: 'timers',
      goal: 0,
      better: 'lower',
      note: `live Timeouts once the waits end, before and after close(); ${afterNote}`,
    }),
    figure({
      name: 'polling.after.sockets',
      value: left.sockets,
      unit: 'sockets',
      goal: 0,
      better: 'lower',
      note: `open after client.close() and the pool's close(), seen by the server and by the client; ${left.idlePooled} idle keep-alive sockets stay in the pool until then; ${afterNote}`,
    }),
    figure({
      name: 'polling.after.listeners',
      value: left.listeners,
      unit: 'listeners',
      goal: 0,
      better: 'lower',
      note: `abort listeners on the shared signal plus process listeners added, once the waits end; ${afterNote}`,
    }),
  );
  return figures;
}
