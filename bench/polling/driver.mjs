// The waiting process of polling at scale: one client waits on N sessions at
// once with waitForVerificationSession, as a verifier backend would, and
// reports what the waits cost. Run by runPollingSize (run-size.mjs) with
// --expose-gc, one fresh process per size; it talks to its parent over IPC:
//   → { type: 'warm' }                warm-up done; the parent resets the server
//   ← { type: 'go' }                  start the N waits
//   → { type: 'sockets' }             how many of our sockets the server sees open
//   ← { type: 'sockets', open }
//   → { type: 'result', … }           then the process ends by itself
// The config is argv[2], JSON: { url, sessions, intervalMs, deadlineMs, pool,
// warmup, maxMs }.
import { performance } from 'node:perf_hooks';
import { undiciTransport } from '@credstat/core/undici';
import { createClient, waitForVerificationSession } from '@credstat/fortid-verifier';
import { Agent } from 'undici';
import { liveResources, processListenerCount } from './resources.mjs';
import { sessionId, terminalOf } from './sessions.mjs';

const config = JSON.parse(process.argv[2] ?? '{}');
const { url, sessions, intervalMs, deadlineMs, pool, maxMs = 120_000 } = config;
// Enough concurrent warm-up waits to open every socket of the pool, so the
// pool's own memory is in the baseline and not charged to the sessions.
const { warmup = 2 * pool } = config;

if (typeof globalThis.gc !== 'function' || !process.send) {
  console.error(
    'bench/polling/driver.mjs needs --expose-gc and an IPC channel (use runPollingSize)',
  );
  process.exit(2);
}
// Never outlive a broken run; unref'd, so it is neither counted nor keeps us alive.
setTimeout(() => {
  console.error(`polling driver: still running after ${maxMs} ms, exiting`);
  process.exit(3);
}, maxMs).unref();

const gc = () => {
  globalThis.gc();
  globalThis.gc();
};
const memory = () => {
  gc();
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsed, rss };
};

// What a user waiting on thousands of sessions does: one client, one shared
// connection pool (an undici Agent with a bounded number of sockets per
// origin), one shutdown signal passed to every wait.
const agent = new Agent({ connections: pool });
const client = createClient({
  apiKey: 'bench-polling-key',
  baseUrl: url,
  transport: undiciTransport({ dispatcher: agent }),
});
// One signal for every wait, as a server passes its shutdown signal: core
// holds one listener on it for all of them (no max-listeners warning).
const shutdown = new AbortController();

/** Sends `message` to the parent and resolves with its answer. */
function ask(message) {
  const answer = new Promise((resolve) => process.once('message', resolve));
  process.send(message);
  return answer;
}
/** One turn of the event loop: callbacks of the last responses run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** Starts `count` waits; resolves when each one has ended, with how. */
function waitOn(count, run, options) {
  return Promise.all(
    Array.from({ length: count }, (_, i) => {
      const verificationSessionId = sessionId(i, run);
      return waitForVerificationSession(
        client,
        { verificationSessionId },
        { signal: shutdown.signal, deadlineMs, ...options(i) },
      ).then(
        (body) => body.verificationSessionStatus === terminalOf(verificationSessionId),
        () => false,
      );
    }),
  );
}

// Warm-up: the code paths compiled and lazy state built before the baseline.
await waitOn(warmup, 0, () => ({ intervalMs: 1 }));
await ask({ type: 'warm' });

const processListenersBefore = processListenerCount();
const of = { signal: shutdown.signal, processListenersBefore };
const baseline = { ...memory(), ...liveResources(of) };

// "All waiting" is the moment every session has read IN_PROGRESS once: each
// one then sleeps until its second poll, `intervalMs` after its first.
let waiting = 0;
let firstAt = Number.POSITIVE_INFINITY;
let allWaiting;
const everyoneWaits = new Promise((resolve) => {
  allWaiting = resolve;
});
const onProgress = (body) => {
  if (body.verificationSessionStatus !== 'IN_PROGRESS') return;
  if (waiting++ === 0) firstAt = performance.now();
  if (waiting === sessions) allWaiting();
};

const cpuStart = process.cpuUsage();
const startedAt = performance.now();
const outcomes = waitOn(sessions, 1, () => ({ intervalMs, onProgress }));

await everyoneWaits;
const firstRoundMs = performance.now() - startedAt;
await settle(); // the last response's socket goes back to the pool
// The snapshot's forced GCs are not the waits' CPU: taken out below.
const snapshotCpu = process.cpuUsage();
const during = { ...memory(), ...liveResources(of) };
const snapshot = process.cpuUsage(snapshotCpu);
// Quiet: no session's second poll began before the snapshot ended.
const quiet = performance.now() < firstAt + intervalMs;
during.open = (await ask({ type: 'sockets', graceMs: 0 })).open;

const ended = await outcomes;
const cpu = process.cpuUsage(cpuStart);
const waitMs = performance.now() - startedAt;

await settle();
const afterWaits = { ...liveResources(of), open: (await ask({ type: 'sockets' })).open };
// What a user does when done: close the client, and the pool, which is theirs.
await client.close();
await agent.close();
await settle();
const afterClose = { ...liveResources(of), open: (await ask({ type: 'sockets' })).open };

process.send({
  type: 'result',
  sessions,
  pool,
  intervalMs,
  reachedTerminal: ended.filter(Boolean).length,
  firstRoundMs,
  waitMs,
  quiet,
  cpuMicros: cpu.user + cpu.system - snapshot.user - snapshot.system,
  baseline,
  during,
  afterWaits,
  afterClose,
});
process.disconnect();
