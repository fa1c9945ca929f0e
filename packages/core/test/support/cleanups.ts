// Everything a test opens is closed after it, pass or fail, newest first.
import { afterEach } from 'vitest';
import { startServer } from './server.js';

export const cleanups: (() => Promise<unknown> | unknown)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A throwaway server on 127.0.0.1, closed after the test. */
export async function server() {
  const started = await startServer();
  cleanups.push(started.close);
  return started;
}
