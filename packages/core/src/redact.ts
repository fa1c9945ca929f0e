// Keeps credentials out of everything an SDK error or hook can render.

export const REDACTED = 'REDACTED';

// A URL's whole run of characters, query and fragment included, matched once
// from its start (nothing follows that could make the engine backtrack): the
// query is cut in code. A pattern that stopped before `?`/`#` and then required
// one backtracked over the rest of the text from every `http://` in it, which
// on a hostile 512 kB error body took 23 s (found by the reliability suite's
// ReDoS check; reliability/test/redos.test.ts holds every regex here to it).
const URL_RUN = /\bhttps?:\/\/[^\s"'<>]*/g;
const QUERY_OR_FRAGMENT = /[?#]/;

const withoutQuery = (url: string) => {
  const cut = url.search(QUERY_OR_FRAGMENT);
  return cut === -1 ? url : url.slice(0, cut);
};

/** Token functions may return a new token per attempt: keep the recent ones. */
const RECENT_SECRETS = 32;

export interface Redactor {
  (text: string): string;
  /** Adds a secret learned after creation (e.g. a token a token function returned). */
  remember(secret: string): void;
  /**
   * Keeps `secret` until the returned release is called, however many others
   * are learned meanwhile: a call holds its own signed body and tokens until
   * its outcome (and any error) is built.
   */
  hold(secret: unknown): () => void;
}

/**
 * Replaces each known secret in `text`, and drops the query and fragment of any
 * URL in it (tokens travel there too). Secrets under 4 characters are ignored.
 * The secrets given at creation (the configured credential) are kept for the
 * client's life; a call holds the ones it learns (a token function's tokens,
 * its signed request body) until it has settled, whatever runs beside it; and
 * the last RECENT_SECRETS learned stay after that. A busy client neither grows
 * without bound nor lets a secret out of a call still running.
 */
export function createRedactor(secrets: readonly unknown[] = []): Redactor {
  const usable = (secret: unknown): secret is string =>
    typeof secret === 'string' && secret.length >= 4;
  const fixed = [...new Set(secrets.filter(usable))];
  const recent: string[] = [];
  const remember = (secret: unknown) => {
    if (!usable(secret) || fixed.includes(secret) || recent.includes(secret)) return;
    recent.push(secret);
    if (recent.length > RECENT_SECRETS) recent.splice(0, recent.length - RECENT_SECRETS);
  };
  const held = new Map<string, number>();
  const hold = (secret: unknown) => {
    if (!usable(secret) || fixed.includes(secret)) return () => {};
    held.set(secret, (held.get(secret) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const count = (held.get(secret) ?? 1) - 1;
      if (count > 0) held.set(secret, count);
      else held.delete(secret);
    };
  };
  const redact = (text: string) =>
    [...fixed, ...held.keys(), ...recent].reduce(
      (out, secret) => out.split(secret).join(REDACTED),
      text.replace(URL_RUN, withoutQuery),
    );
  return Object.assign(redact, { remember, hold });
}

/** The URL without query or fragment (query strings often carry tokens) or userinfo. */
export function safeUrl(url: string): string {
  const query = url.indexOf('?');
  const fragment = url.indexOf('#');
  const cut = query === -1 ? fragment : fragment === -1 ? query : Math.min(query, fragment);
  const head = cut === -1 ? url : url.slice(0, cut);
  // Parsing is only needed to drop `user:password@`; this runs once per call.
  if (!head.includes('@')) return head;
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return head.replace(/\/\/[^/]*@/, '//');
  }
}

/** A short, redacted preview of a body for error messages. */
export function bodyPreview(text: string, redact: (text: string) => string, max = 200): string {
  const oneLine = redact(text).replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}

/** A copy of a parsed body with every string, member names included, redacted (for bodies kept on errors). */
export function redactDeep(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact));
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // defineProperty: a `__proto__` key stays a plain member. Member names are
      // the server's too: one may echo a credential as well as a value can.
      Object.defineProperty(copy, redact(key), {
        value: redactDeep(item, redact),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return copy;
  }
  return value;
}
