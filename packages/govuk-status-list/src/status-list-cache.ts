// Verified, decoded lists by URI. A list's own `ttl` says how long it may be
// reused, never past its expiry; concurrent checks share one fetch, and a
// failed fetch is forgotten at once so the next check tries again.

/** What the cache needs of a list. */
export interface Cacheable {
  /** Until when (ms) the list may be reused; undefined: not at all. */
  readonly cacheUntil: number | undefined;
}

interface Entry<T> {
  readonly key: string;
  readonly promise: Promise<T>;
  /** Set once the fetch has succeeded. */
  value?: T;
  /** Aborts the fetch; called when every check waiting on it has given up. */
  readonly abort: () => void;
  waiting: number;
}

export class StatusListCache<T extends Cacheable> {
  readonly #entries = new Map<string, Entry<T>>();
  constructor(private readonly now: () => number) {}

  /**
   * The list under `key`: the cached one while it may be reused (unless
   * `fresh`), the fetch in flight if there is one, else a new `load`. The
   * caller's `signal` ends its own wait; the shared fetch is aborted only when
   * no check is waiting on it any more.
   */
  get(
    key: string,
    load: (signal: AbortSignal) => Promise<T>,
    options: { fresh?: boolean; signal?: AbortSignal } = {},
  ): Promise<T> {
    // Before anything starts: a fetch nobody waits for would never be aborted.
    options.signal?.throwIfAborted();
    let entry = options.fresh ? undefined : this.#entries.get(key);
    if (entry?.value && !this.#reusable(entry.value)) entry = undefined;
    entry ??= this.#load(key, load);
    return this.#wait(entry, options.signal);
  }

  clear(): void {
    this.#entries.clear();
  }

  #reusable(value: T): boolean {
    return value.cacheUntil !== undefined && this.now() < value.cacheUntil;
  }

  #load(key: string, load: (signal: AbortSignal) => Promise<T>): Entry<T> {
    const controller = new AbortController();
    const entry: Entry<T> = {
      key,
      promise: load(controller.signal),
      abort: () => {
        this.#drop(entry);
        controller.abort();
      },
      waiting: 0,
    };
    entry.promise.then(
      (value) => {
        entry.value = value;
        if (!this.#reusable(value)) this.#drop(entry);
      },
      () => this.#drop(entry),
    );
    this.#entries.set(key, entry);
    return entry;
  }

  /** Forgets `entry` unless a newer one (`fresh`) has taken its place. */
  #drop(entry: Entry<T>): void {
    if (this.#entries.get(entry.key) === entry) this.#entries.delete(entry.key);
  }

  #wait(entry: Entry<T>, signal: AbortSignal | undefined): Promise<T> {
    if (entry.value) return Promise.resolve(entry.value);
    if (!signal) {
      entry.waiting += 1;
      return entry.promise;
    }
    entry.waiting += 1;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        entry.waiting -= 1;
        if (entry.waiting === 0) entry.abort();
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      entry.promise.then(resolve, reject).finally(() => {
        signal.removeEventListener('abort', onAbort);
      });
    });
  }
}
