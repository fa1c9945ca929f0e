import { vi } from 'vitest';

/** Runs a call to completion under fake timers: its value, or what it threw. */
export async function settle<T>(promise: Promise<T>): Promise<T | unknown> {
  const outcome = promise.then(
    (value) => value,
    (error: unknown) => error,
  );
  await vi.runAllTimersAsync();
  return outcome;
}
