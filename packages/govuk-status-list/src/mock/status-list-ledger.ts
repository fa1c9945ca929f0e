// What GOV.UK's service keeps and the mock imitates: which index each request
// (iss + jti) reserved, who holds it, and which entries are revoked.

export interface LedgerOptions {
  /** Entries of the list. */
  size: number;
  /** Indexes that start revoked (held by no issuer). */
  revoked: readonly number[];
  /** Clock in ms. */
  now: () => number;
}

export type Reservation =
  | { outcome: 'reserved'; idx: number }
  | { outcome: 'changed' }
  | { outcome: 'full' };

export type Revocation =
  | { outcome: 'revoked'; revokedAt: number; already: boolean }
  | { outcome: 'unknown' }
  | { outcome: 'other-client' };

export class StatusListLedger {
  /** `iss jti` → the payload first sent and the index it got. */
  readonly #requests = new Map<string, { payload: string; idx: number }>();
  /** Index → the issuer (`iss`) it was reserved for. */
  readonly #holders = new Map<number, string>();
  /** Index → when it was revoked (Unix seconds). */
  readonly #revoked = new Map<number, number>();
  #next = 0;

  constructor(readonly options: LedgerOptions) {
    this.reset();
  }

  reset(): void {
    this.#requests.clear();
    this.#holders.clear();
    this.#revoked.clear();
    this.#next = 0;
    const at = Math.floor(this.options.now() / 1000);
    for (const idx of this.options.revoked) this.#revoked.set(idx, at);
  }

  /** The same request (iss + jti, same payload) gets the same index; a changed payload none. */
  reserve(iss: string, jti: string, payload: string): Reservation {
    const key = `${iss} ${jti}`;
    const seen = this.#requests.get(key);
    if (seen)
      return seen.payload === payload
        ? { outcome: 'reserved', idx: seen.idx }
        : { outcome: 'changed' };
    // Preset entries are someone else's: skip them.
    while (this.#revoked.has(this.#next)) this.#next += 1;
    if (this.#next >= this.options.size) return { outcome: 'full' };
    const idx = this.#next;
    this.#next += 1;
    this.#requests.set(key, { payload, idx });
    this.#holders.set(idx, iss);
    return { outcome: 'reserved', idx };
  }

  revoke(iss: string, idx: number): Revocation {
    const first = this.#revoked.get(idx);
    const holder = this.#holders.get(idx);
    if (holder === undefined && first === undefined) return { outcome: 'unknown' };
    if (holder !== undefined && holder !== iss) return { outcome: 'other-client' };
    if (first !== undefined) return { outcome: 'revoked', revokedAt: first, already: true };
    const revokedAt = Math.floor(this.options.now() / 1000);
    this.#revoked.set(idx, revokedAt);
    return { outcome: 'revoked', revokedAt, already: false };
  }

  /** The revoked indexes, ascending. */
  revokedIndexes(): number[] {
    return [...this.#revoked.keys()].sort((a, b) => a - b);
  }
}
