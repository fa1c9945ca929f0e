// Timers tied to AbortSignals that always clean up after themselves: a
// long-lived caller signal must not collect one listener per request.

type MaybeSignal = AbortSignal | undefined;

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

export interface LinkedSignal {
  signal: AbortSignal;
  /** True once this signal's own deadline fired (as opposed to a parent aborting). */
  timedOut: () => boolean;
  /** Clears the timer and detaches from the parents. */
  dispose: () => void;
}

/** A signal that aborts when any parent does, or after `timeoutMs` (0: never). */
export function linkedSignal(timeoutMs: number, ...parents: MaybeSignal[]): LinkedSignal {
  const controller = new AbortController();
  let expired = false;
  const attached: AbortSignal[] = [];
  const onAbort = (event: Event) => controller.abort((event.target as AbortSignal).reason);
  const timer =
    timeoutMs > 0 && Number.isFinite(timeoutMs)
      ? setTimeout(() => {
          expired = true;
          controller.abort(new Error(`timed out after ${timeoutMs} ms`));
        }, timeoutMs)
      : undefined;
  for (const parent of parents) {
    if (!parent) continue;
    if (parent.aborted) {
      controller.abort(parent.reason);
      break;
    }
    parent.addEventListener('abort', onAbort, { once: true });
    attached.push(parent);
  }
  return {
    signal: controller.signal,
    timedOut: () => expired,
    dispose: () => {
      clearTimeout(timer);
      for (const parent of attached) parent.removeEventListener('abort', onAbort);
    },
  };
}
