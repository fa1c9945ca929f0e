// The credential each attempt carries. A token function is asked once per
// attempt (so a retry never reuses an expired token) and once more after a
// 401; every value it returns is learned by the redactor before it is sent.
import type { AuthDescriptor } from './descriptor.js';
import type { Redactor } from './redact.js';

export interface TokenRequest {
  /** True when the previous token was refused with a 401: get a new one. */
  refresh: boolean;
  operationId: string | undefined;
  /** The caller's signal, if the call has one. */
  signal: AbortSignal | undefined;
}

/** A bearer token, or a function returning one per attempt. */
export type TokenSource = string | ((request: TokenRequest) => string | Promise<string>);

export interface CredentialOptions {
  /** For APIs that take an API key in a header (e.g. FortID's `X-API-KEY`). */
  apiKey?: string;
  /** For APIs that take a bearer token. */
  token?: TokenSource;
}

export type CredentialProblem = {
  credential: 'apiKey' | 'token';
  reason: 'missing' | 'malformed' | 'provider-failed' | 'other-origin';
};

/** One header for one attempt, or the reason there is none. */
export type AttemptCredential =
  | { header: readonly [name: string, value: string] }
  | { problem: CredentialProblem }
  | undefined;

export interface Credentials {
  /** Which credential the API takes; undefined when it takes none. */
  readonly credential: 'apiKey' | 'token' | undefined;
  /** Whether a 401 is worth one more attempt with a fresh credential. */
  readonly refreshable: boolean;
  /** `keep` receives each secret the attempt learns (a token function's token) for the call to hold. */
  forAttempt(
    request: TokenRequest,
    keep?: (secret: string) => void,
  ): AttemptCredential | Promise<AttemptCredential>;
}

// Visible ASCII with inner spaces: anything else (CR, LF, NUL…) cannot be a
// header value, and fetch would throw with the value in its message.
const HEADER_SAFE = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

function checked(
  credential: 'apiKey' | 'token',
  value: unknown,
  toHeader: (value: string) => readonly [string, string],
): AttemptCredential {
  if (typeof value !== 'string' || value === '')
    return { problem: { credential, reason: 'missing' } };
  if (!HEADER_SAFE.test(value)) return { problem: { credential, reason: 'malformed' } };
  return { header: toHeader(value) };
}

export function createCredentials(
  auth: AuthDescriptor | null,
  options: CredentialOptions,
  redact: Redactor,
): Credentials {
  if (!auth) return { credential: undefined, refreshable: false, forAttempt: () => undefined };
  if (auth.type === 'apiKey') {
    const name = auth.header.toLowerCase();
    const fixed = checked('apiKey', options.apiKey, (value) => [name, value]);
    return { credential: 'apiKey', refreshable: false, forAttempt: () => fixed };
  }
  const bearer = (value: string) => ['authorization', `Bearer ${value}`] as const;
  const { token } = options;
  if (typeof token !== 'function') {
    const fixed = checked('token', token, bearer);
    return { credential: 'token', refreshable: false, forAttempt: () => fixed };
  }
  return {
    credential: 'token',
    refreshable: true,
    async forAttempt(request, keep) {
      let value: unknown;
      try {
        value = await token(request);
      } catch {
        // The provider's own error may quote a secret: it is not kept.
        return { problem: { credential: 'token', reason: 'provider-failed' } };
      }
      if (typeof value === 'string') {
        redact.remember(value);
        keep?.(value);
      }
      return checked('token', value, bearer);
    },
  };
}
