// Starts bench/polling/server.mjs in a child process (startChildServer in
// bench/harness.mjs) and asks it for its counts over IPC.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChildServer } from '../harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * @typedef {{ served: number, terminal: number, rejected: number, open: number, sessions: number }} ServerStats
 * @typedef {{ url: string, stats(): Promise<ServerStats>, reset(): Promise<ServerStats>, stop(): Promise<void> }} SessionServer
 */

/**
 * @param {{ inProgressPolls?: number, maxMs?: number, startTimeoutMs?: number }} [options]
 * @returns {Promise<SessionServer>}
 */
export async function startSessionServer({ inProgressPolls = 2, maxMs, startTimeoutMs } = {}) {
  const server = await startChildServer({
    script: join(here, 'server.mjs'),
    name: 'polling server',
    env: {
      POLLING_IN_PROGRESS_POLLS: String(inProgressPolls),
      ...(maxMs ? { POLLING_SERVER_MAX_MS: String(maxMs) } : {}),
    },
    startTimeoutMs,
  });
  return {
    url: server.url,
    stats: () => server.ask('stats'),
    reset: () => server.ask('reset'),
    stop: server.stop,
  };
}
