// Polling at scale at a small size: every wait ends with its terminal status,
// and once they have ended nothing of them is left (the 0 timers, 0 sockets,
// 0 listeners of issue 21). The driver runs in its own process, as in the bench.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPollingSize, type SizeResult } from '../polling/run-size.mjs';
import { type SessionServer, startSessionServer } from '../polling/start-server.mjs';

const SESSIONS = 50;
const IN_PROGRESS_POLLS = 2;

let server: SessionServer;
let result: SizeResult;

beforeAll(async () => {
  server = await startSessionServer({ inProgressPolls: IN_PROGRESS_POLLS });
  result = await runPollingSize({
    server,
    sessions: SESSIONS,
    intervalMs: 100,
    pool: 8,
    // A driver kept alive by a leak exits (code 3) long before the hook times out.
    maxMs: 20_000,
  });
});
afterAll(() => server?.stop());

describe('waiting on many sessions at once', () => {
  it('brings every session to its terminal status, with the polls the server expects', () => {
    expect(result.reachedTerminal).toBe(SESSIONS);
    expect(result.served).toBe(SESSIONS * (IN_PROGRESS_POLLS + 1));
    expect(result.rejected).toBe(0);
  });

  it('sees the waits while they run (so the zeros after them mean something)', () => {
    expect(result.during.timers).toBeGreaterThanOrEqual(SESSIONS);
    // Every wait follows the one shared signal through a single listener (core's LinkedSignal).
    expect(result.during.listeners).toBe(1);
    expect(result.during.open).toBeGreaterThan(0);
    expect(result.during.open).toBeLessThanOrEqual(8);
  });

  it('leaves no timer and no listener once the waits end, before any close()', () => {
    expect(result.afterWaits).toMatchObject({ timers: 0, listeners: 0 });
  });

  it('leaves no socket, timer or listener once the client and its pool are closed', () => {
    expect(result.afterClose).toMatchObject({ timers: 0, listeners: 0, sockets: 0, open: 0 });
  });

  it('ends by itself: nothing keeps the driver process alive', () => {
    expect(result.exitCode).toBe(0);
  });
});
