// Starts bench/polling/server.mjs in a child process (the pattern of
// startServer in bench/harness.mjs) and talks to it over IPC.
import { fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * @typedef {{ served: number, terminal: number, rejected: number, open: number, sessions: number }} ServerStats
 * @typedef {{ url: string, stats(): Promise<ServerStats>, reset(): Promise<ServerStats>, stop(): Promise<void> }} SessionServer
 */

/**
 * @param {{ inProgressPolls?: number, maxMs?: number, startTimeoutMs?: number }} [options]
 * @returns {Promise<SessionServer>}
 */
export function startSessionServer({ inProgressPolls = 2, maxMs, startTimeoutMs = 10_000 } = {}) {
  const child = fork(join(here, 'server.mjs'), [], {
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: {
      ...process.env,
      POLLING_IN_PROGRESS_POLLS: String(inProgressPolls),
      ...(maxMs ? { POLLING_SERVER_MAX_MS: String(maxMs) } : {}),
    },
  });
  const running = () => child.exitCode === null && child.signalCode === null;
  const kill = () => {
    if (running()) child.kill();
  };
  // Not one listener per server on `process`: removed again in stop().
  process.once('exit', kill);

  let nextId = 0;
  /** @returns {Promise<ServerStats>} */
  const ask = (type) =>
    new Promise((resolve, reject) => {
      if (!running()) return reject(new Error('polling server is not running'));
      const id = ++nextId;
      const onMessage = (message) => {
        if (message?.type !== type || message.id !== id) return;
        child.off('message', onMessage);
        resolve(message);
      };
      child.on('message', onMessage);
      child.send({ type, id });
    });

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      kill();
      reject(new Error(`polling server did not report a port within ${startTimeoutMs} ms`));
    }, startTimeoutMs);
    const onEarlyExit = (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`polling server exited early (code ${code}, signal ${signal})`));
    };
    child.once('exit', onEarlyExit);
    child.once('message', (message) => {
      clearTimeout(timer);
      child.off('exit', onEarlyExit);
      if (message?.type !== 'listening') {
        kill();
        reject(new Error(`unexpected message from polling server: ${JSON.stringify(message)}`));
        return;
      }
      resolve({
        url: `http://${message.host}:${message.port}`,
        stats: () => ask('stats'),
        reset: () => ask('reset'),
        async stop() {
          process.off('exit', kill);
          if (!running()) return;
          const exited = new Promise((done) => child.once('exit', done));
          child.disconnect();
          const timeout = setTimeout(kill, 2_000);
          await exited;
          clearTimeout(timeout);
        },
      });
    });
  });
}
