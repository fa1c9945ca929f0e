// Polling at scale: one process waits on 100, 1,000 and 10,000 concurrent
// FortID verification sessions (waitForVerificationSession over a shared undici
// pool) against a loopback server that moves each one through IN_PROGRESS to a
// terminal status. Memory per waiting session, CPU per poll, live timers,
// sockets and listeners during and after the waits. See bench/polling/.
import { pollingFigures } from '../polling/figures.mjs';
import { runPollingSize } from '../polling/run-size.mjs';
import { startSessionServer } from '../polling/start-server.mjs';

export const about =
  'memory, CPU per poll and leftovers of waiting on 100 / 1k / 10k sessions at once';

// The sizes, with a poll interval long enough that every session has read its
// first IN_PROGRESS before any second poll starts (the memory snapshot is taken
// then); 10k sessions need about 1 s for their first round on 2 cores.
const SIZES = [
  { label: '100', sessions: 100, intervalMs: 1_000, quickIntervalMs: 300 },
  { label: '1k', sessions: 1_000, intervalMs: 1_000, quickIntervalMs: 500 },
  { label: '10k', sessions: 10_000, intervalMs: 2_000, quickIntervalMs: 1_000 },
];
// Rounds: every size once per round, fresh process each; medians over rounds.
const ROUNDS = 4;
// Sockets per origin in the shared pool (an undici Agent's `connections`).
const POOL = 64;
// Reads of IN_PROGRESS before the terminal status, per session.
const IN_PROGRESS_POLLS = 2;

/** @param {{ log: (line: string) => void, quick: boolean }} context */
export async function run({ log, quick }) {
  const rounds = quick ? 1 : ROUNDS;
  const server = await startSessionServer({ inProgressPolls: IN_PROGRESS_POLLS });
  /** @type {import('../polling/run-size.mjs').SizeResult[][]} */
  const results = [];
  try {
    for (let round = 0; round < rounds; round++) {
      // Sizes in a rotated order each round, so drift hits every size alike.
      const order = SIZES.map((_, i) => (i + round) % SIZES.length);
      const row = [];
      for (const i of order) {
        const { label, sessions, intervalMs, quickIntervalMs } = SIZES[i];
        const result = await runPollingSize({
          server,
          sessions,
          pool: POOL,
          intervalMs: quick ? quickIntervalMs : intervalMs,
        });
        if (result.reachedTerminal !== sessions || result.rejected > 0) {
          throw new Error(
            `polling ${label}: ${result.reachedTerminal}/${sessions} sessions reached their terminal status, ${result.rejected} requests rejected`,
          );
        }
        log(
          `  polling ${label} round ${round + 1}/${rounds}: ${Math.round(result.waitMs)} ms, ${result.served} polls`,
        );
        row[i] = result;
      }
      results.push(row);
    }
  } finally {
    await server.stop();
  }
  return pollingFigures(SIZES, results, { pool: POOL });
}
