// The fetch every client in the suite sends with: it forwards only to the
// local server's origin. A request for anywhere else is never sent; it is
// recorded (with whether it carried a credential) and fails as a network
// error would, so a test can count it and nothing leaves the machine.
import type { FetchLike } from '@credstat/core';

export interface Elsewhere {
  url: string;
  credentialHeaders: string[];
}

export interface GuardedFetch {
  fetch: FetchLike;
  /** Requests the clients tried to send anywhere but the local origin. */
  elsewhere: Elsewhere[];
  /** Requests forwarded to the local origin. */
  forwarded: number;
}

const CREDENTIAL_HEADERS = ['authorization', 'x-api-key'];

export function guardedFetch(origin: string): GuardedFetch {
  const guard: GuardedFetch = {
    elsewhere: [],
    forwarded: 0,
    fetch: (input, init) => {
      let onOrigin = false;
      try {
        onOrigin = new URL(input).origin === origin;
      } catch {
        onOrigin = false;
      }
      if (!onOrigin) {
        const headers = new Headers(init.headers);
        guard.elsewhere.push({
          url: input,
          credentialHeaders: CREDENTIAL_HEADERS.filter((name) => headers.has(name)),
        });
        return Promise.reject(new TypeError('fetch failed: not the local origin'));
      }
      guard.forwarded += 1;
      return globalThis.fetch(input, init);
    },
  };
  return guard;
}
