// @digitalbazaar/bitstring ships no types: the part of its API this package uses.
declare module '@digitalbazaar/bitstring' {
  export class Bitstring {
    /** Either `length` (bits, all 0) or `buffer` (its bytes; length = bytes × 8). */
    constructor(
      options: { length: number } | { buffer: Uint8Array; leftToRightIndexing?: boolean },
    );
    readonly length: number;
    readonly bits: Uint8Array;
    /** Index 0 is the most significant bit of the first byte (the default). */
    get(position: number): boolean;
    set(position: number, on: boolean): void;
    /** base64url (no multibase prefix) of the GZIP-compressed bits. */
    encodeBits(): Promise<string>;
    /** The GZIP-decompressed bytes of a base64url string. */
    static decodeBits(options: { encoded: string }): Promise<Uint8Array>;
  }
}
