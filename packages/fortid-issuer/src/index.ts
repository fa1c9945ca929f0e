// @credstat/fortid-issuer: typed client for FortID Issuer Service — session status.
// Everything but createClient is generated from the spec (src/generated/).
import { type ClientOptions, type CredstatClient, createApiClient } from '@credstat/core';
import { api } from './generated/api.gen.js';
import type { paths } from './generated/types.gen.js';

export interface FortidIssuerOptions extends ClientOptions {
  /** Sent as `X-API-KEY`. Never appears in errors or hooks. */
  apiKey: string;
}

export type FortidIssuerClient = CredstatClient<paths>;

/** An openapi-fetch client for FortID Issuer Service — session status (validation and retries on). */
export function createClient(options: FortidIssuerOptions): FortidIssuerClient {
  return createApiClient<paths>(api, options);
}

export {
  AbortError,
  ApiError,
  type ClientOptions,
  CredentialError,
  CredstatError,
  type CredstatErrorKind,
  DEFAULT_RETRY,
  InvalidParameterError,
  InvalidResponseError,
  isCredstatError,
  NetworkError,
  PollDeadlineError,
  type PollOptions,
  RedirectError,
  type RetryEvent,
  type RetryOptions,
  SessionExpiredError,
  SessionNotFoundError,
  TimeoutError,
  type TokenSource,
  type Transport,
  UnexpectedStatusError,
  UnknownSessionStatusError,
  unwrap,
} from '@credstat/core';
export { api } from './generated/api.gen.js';
export * from './generated/operations.gen.js';
export type { components, operations, paths } from './generated/types.gen.js';
