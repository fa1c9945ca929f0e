// Timers tied to AbortSignals that always clean up after themselves: a
// long-lived caller signal must not collect one listener per request.

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface AttemptSignal {
  signal: AbortSignal;
  /** True once the attempt's own deadline fired (as opposed to the caller aborting). */
  timedOut: () => boolean;
  /** Clears the timer and detaches from the caller's signal. */
  dispose: () => void;
}

/** A signal that aborts when the caller's does, or after `timeoutMs`. */
export function attemptSignal(timeoutMs: number, caller?: AbortSignal): AttemptSignal {
  const controller = new AbortController();
  let expired = false;
  const onAbort = () => controller.abort(caller?.reason);
  const timer =
    timeoutMs > 0 && Number.isFinite(timeoutMs)
      ? setTimeout(() => {
          expired = true;
          controller.abort(new Error(`attempt timed out after ${timeoutMs} ms`));
        }, timeoutMs)
      : undefined;
  if (caller?.aborted) controller.abort(caller.reason);
  else caller?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => expired,
    dispose: () => {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onAbort);
    },
  };
}
