// Canary secrets and how to find them: the value itself, and the forms a leak
// may take (URL-encoded, JSON-escaped, base64 at any alignment, a piece of it).
import { randomBytes } from 'node:crypto';

/** A random, header-safe secret that appears nowhere by chance. */
export function canary(label: string): string {
  return `${randomBytes(9).toString('base64url')}-${label}-${randomBytes(12).toString('hex')}`;
}

/** Every piece of `secret` of `size` characters (a leak of part of it). */
function windows(secret: string, size: number): string[] {
  if (secret.length <= size) return [secret];
  return Array.from({ length: secret.length - size + 1 }, (_, i) => secret.slice(i, i + size));
}

/** base64 of the secret wherever it sits in a longer encoded text (3 alignments). */
function base64Forms(secret: string): string[] {
  const forms: string[] = [];
  for (const encoding of ['base64', 'base64url'] as const) {
    for (const pad of [0, 1, 2]) {
      const encoded = Buffer.from('x'.repeat(pad) + secret).toString(encoding);
      // Drop the characters the padding or the end share with their neighbours.
      forms.push(encoded.slice(pad === 0 ? 0 : 4, -4));
    }
  }
  return forms;
}

/**
 * What to search for: a plain secret in full, encoded, and as any 10-character
 * piece (≥ 8, so a truncated or partial leak is found too). A JWT's header
 * is shared by every JWT, so only its signature is searched for in pieces.
 */
export function needles(secret: string): string[] {
  const jwt = /^[\w-]+\.[\w-]+\.[\w-]+$/.test(secret) ? secret.split('.') : undefined;
  // A JWT's header and claims may repeat in any other JWT (same alg, iss, uri):
  // its signature is what makes it this token.
  const parts = jwt ? [jwt[2] as string] : [secret];
  return [
    ...new Set([
      secret,
      encodeURIComponent(secret),
      JSON.stringify(secret).slice(1, -1),
      ...base64Forms(secret),
      ...parts.flatMap((part) => windows(part, jwt ? 16 : 10)),
    ]),
  ].filter((needle) => needle.length >= 8);
}

export interface Sighting {
  place: string;
  needle: string;
  /** The text around it, to see how it got there. */
  around: string;
}

/** Where any needle of any secret occurs in the collected texts. */
export class CanarySearch {
  readonly #needles = new Map<string, string[]>();
  places = 0;
  readonly sightings: Sighting[] = [];

  /** The kinds of secret planted (API key, token, request JWT…). */
  readonly kinds = new Set<string>();

  plant(secret: string, kind: string): void {
    this.kinds.add(kind);
    if (!this.#needles.has(secret)) this.#needles.set(secret, needles(secret));
  }

  get planted(): number {
    return this.#needles.size;
  }

  search(place: string, text: string): void {
    this.places += 1;
    for (const list of this.#needles.values()) {
      const needle = list.find((candidate) => text.includes(candidate));
      if (needle === undefined) continue;
      const at = text.indexOf(needle);
      const around = text.slice(Math.max(0, at - 100), at + needle.length + 40);
      this.sightings.push({ place, needle, around });
    }
  }
}
