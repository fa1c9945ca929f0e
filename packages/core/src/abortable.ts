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

// Every LinkedSignal of one parent shares one listener on it: a caller's
// long-lived signal (a server's shutdown signal passed to thousands of waits)
// holds one listener, not one per wait, and never trips Node's warning about
// more than 10 listeners on one EventTarget.
const followers = new WeakMap<AbortSignal, Set<LinkedSignal>>();

function relayAbort(event: Event): void {
  const parent = event.target as AbortSignal;
  const linked = followers.get(parent);
  followers.delete(parent);
  for (const signal of linked ?? []) signal.parentAborted();
}

function follow(parent: AbortSignal, signal: LinkedSignal): void {
  let linked = followers.get(parent);
  if (linked === undefined) {
    linked = new Set();
    followers.set(parent, linked);
    parent.addEventListener('abort', relayAbort, { once: true });
  }
  linked.add(signal);
}

function unfollow(parent: AbortSignal, signal: LinkedSignal): void {
  const linked = followers.get(parent);
  if (linked === undefined || !linked.delete(signal) || linked.size > 0) return;
  followers.delete(parent);
  parent.removeEventListener('abort', relayAbort);
}

/**
 * A signal that aborts when its parent does, when `abort()` is called (e.g. the
 * client closing), or after `timeoutMs` (0: never). One per attempt, so it is
 * a class: no closures to allocate on the hot path.
 */
export class LinkedSignal {
  readonly #controller = new AbortController();
  readonly #parent: AbortSignal | undefined;
  readonly #timer: ReturnType<typeof setTimeout> | undefined;
  #expired = false;

  constructor(timeoutMs: number, parent?: AbortSignal) {
    if (timeoutMs > 0 && Number.isFinite(timeoutMs)) {
      this.#timer = setTimeout(() => {
        this.#expired = true;
        this.#controller.abort(new Error(`timed out after ${timeoutMs} ms`));
      }, timeoutMs);
    }
    if (parent?.aborted) this.#controller.abort(parent.reason);
    else if (parent) {
      this.#parent = parent;
      follow(parent, this);
    }
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** True once this signal's own deadline fired (as opposed to its parent aborting). */
  timedOut(): boolean {
    return this.#expired;
  }

  abort(reason?: unknown): void {
    this.#controller.abort(reason);
  }

  /** The parent aborted. */
  parentAborted(): void {
    this.#controller.abort(this.#parent?.reason);
  }

  /** Clears the timer and detaches from the parent. */
  dispose(): void {
    clearTimeout(this.#timer);
    if (this.#parent) unfollow(this.#parent, this);
  }
}
