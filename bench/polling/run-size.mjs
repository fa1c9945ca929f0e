// One size of polling at scale: a fresh driver process (so heaps of different
// sizes never mix) waits on `sessions` sessions of the session server.
import { fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * @typedef {ReturnType<typeof import('./resources.mjs').liveResources>} Live
 * @typedef {{ heapUsed: number, rss: number }} Memory
 * @typedef {{
 *   sessions: number, pool: number, intervalMs: number, reachedTerminal: number,
 *   firstRoundMs: number, waitMs: number, quiet: boolean, cpuMicros: number,
 *   baseline: Memory & Live, during: Memory & Live & { open: number },
 *   afterWaits: Live & { open: number }, afterClose: Live & { open: number },
 *   served: number, rejected: number, exitCode: number | null,
 * }} SizeResult
 */

/**
 * Connections the server sees open. A socket the client just closed takes a
 * moment to reach the server, so a count above 0 is read again for up to
 * `graceMs`; a socket that stays open is still counted.
 */
async function openConnections(server, graceMs = 500) {
  const deadline = Date.now() + graceMs;
  for (;;) {
    const { open } = await server.stats();
    if (open === 0 || Date.now() >= deadline) return open;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * @param {{
 *   server: import('./start-server.mjs').SessionServer,
 *   sessions: number,
 *   intervalMs: number,
 *   pool?: number,
 *   deadlineMs?: number,
 *   maxMs?: number,
 * }} options
 * @returns {Promise<SizeResult>}
 */
export async function runPollingSize({
  server,
  sessions,
  intervalMs,
  pool = 64,
  deadlineMs = 60_000,
  maxMs = 120_000,
}) {
  const config = { url: server.url, sessions, intervalMs, deadlineMs, pool, maxMs };
  const child = fork(join(here, 'driver.mjs'), [JSON.stringify(config)], {
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // The driver stops itself after maxMs; this is the backstop if it hangs.
  const killer = setTimeout(() => child.kill('SIGKILL'), maxMs + 5_000);
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    /** @type {any} */
    let result;
    child.on('message', async (message) => {
      if (message?.type === 'warm') {
        await server.reset();
        child.send({ type: 'go' });
      } else if (message?.type === 'sockets') {
        child.send({ type: 'sockets', open: await openConnections(server, message.graceMs) });
      } else if (message?.type === 'result') {
        result = message;
      }
    });
    const exitCode = await exited;
    if (!result)
      throw new Error(`polling driver (${sessions} sessions) exited ${exitCode} with no result`);
    const { served, rejected } = await server.stats();
    const { type: _, ...figures } = result;
    return { ...figures, served, rejected, exitCode };
  } finally {
    clearTimeout(killer);
  }
}
