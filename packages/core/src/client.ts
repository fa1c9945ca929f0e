// createApiClient: an openapi-fetch client wired to core's transport and checks.
import createClient, { type Client } from 'openapi-fetch';
import type { ApiDescriptor } from './descriptor.js';
import { credstatMiddleware } from './middleware.js';
import { createRedactor } from './redact.js';
import { createTransport, DEFAULT_RETRY, type RetryEvent, type RetryOptions } from './transport.js';

export interface ClientOptions {
  /** Overrides the spec's first server URL. */
  baseUrl?: string;
  /** The fetch to send requests with. Default: `globalThis.fetch`. */
  fetch?: (request: Request) => Promise<Response>;
  /** Check every response body against the spec. Default `true`. */
  validateResponses?: boolean;
  /**
   * `true` (default): every failure, documented error statuses included, is thrown
   * as a typed error, so a call that resolves always has `data`.
   * `false`: openapi-fetch's convention: documented error statuses resolve as
   * `{ error, response }`; failures with no documented body still throw.
   */
  throwOnError?: boolean;
  /** Limit for each attempt, body included. Default 30 000 ms; 0 disables it. */
  timeoutMs?: number;
  /** Retry tuning, or `false` for a single attempt. */
  retry?: Partial<RetryOptions> | false;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /** Called before each retry wait. Never receives headers or bodies. */
  onRetry?: (event: RetryEvent) => void;
}

export interface CredentialOptions {
  apiKey?: string;
  token?: string;
}

function authHeaders(api: ApiDescriptor, credentials: CredentialOptions): Record<string, string> {
  if (!api.auth) return {};
  if (api.auth.type === 'apiKey') {
    if (!credentials.apiKey) throw new TypeError(`${api.name}: the apiKey option is required`);
    return { [api.auth.header]: credentials.apiKey };
  }
  if (!credentials.token) throw new TypeError(`${api.name}: the token option is required`);
  return { Authorization: `Bearer ${credentials.token}` };
}

export function createApiClient<Paths extends {}>(
  api: ApiDescriptor,
  options: ClientOptions & CredentialOptions = {},
): Client<Paths> {
  const redact = createRedactor([options.apiKey, options.token]);
  const retry =
    options.retry === false
      ? { ...DEFAULT_RETRY, maxRetries: 0 }
      : { ...DEFAULT_RETRY, ...options.retry };
  const baseFetch = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const client = createClient<Paths>({
    baseUrl: options.baseUrl ?? api.baseUrl,
    headers: { ...options.headers, ...authHeaders(api, options) },
    fetch: createTransport({
      api,
      fetch: baseFetch,
      timeoutMs: options.timeoutMs ?? 30_000,
      retry,
      redact,
      onRetry: options.onRetry,
    }),
  });
  client.use(
    credstatMiddleware(api, {
      validate: options.validateResponses ?? true,
      throwOnError: options.throwOnError ?? true,
      redact,
    }),
  );
  return client;
}
