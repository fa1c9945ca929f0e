// Keeps credentials out of everything an SDK error or hook can render.

export const REDACTED = 'REDACTED';

/** Replaces each known secret in `text`. Secrets shorter than 4 chars are ignored (too noisy). */
export function createRedactor(secrets: readonly (string | undefined)[]): (text: string) => string {
  const list = secrets.filter(
    (secret): secret is string => typeof secret === 'string' && secret.length >= 4,
  );
  return (text) => list.reduce((out, secret) => out.split(secret).join(REDACTED), text);
}

/** The URL without query or fragment: query strings often carry tokens. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return url.split(/[?#]/, 1)[0] ?? '';
  }
}

/** A short, redacted preview of a body for error messages. */
export function bodyPreview(text: string, redact: (text: string) => string, max = 200): string {
  const oneLine = redact(text).replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}
