// @credstat/govuk-status-list: typed client for the GOV.UK One Login status
// list. Everything but createClient and the domain helpers (signed request
// JWTs, the issuer's JWKS document, status list checks) is generated from the
// spec (src/generated/), including the explicit list of what it re-exports
// from @credstat/core.
import { type ClientOptions, type CredstatClient, createApiClient } from '@credstat/core';
import { api } from './generated/api.gen.js';
import type { paths } from './generated/types.gen.js';

export interface GovukStatusListOptions extends ClientOptions {
  /**
   * The private API's base URL, which GOV.UK gives each registered issuer (it
   * is not published, so there is no default to fall back on).
   */
  baseUrl: string;
}

/**
 * An openapi-fetch client for GOV.UK's private status list API (`/issue`,
 * `/revoke`): validation on, and retries on, since both are keyed by the
 * request JWT's `jti` (a retry resends the identical JWT). It takes no
 * credential: each request is a JWT the issuer signs.
 */
export function createClient(options: GovukStatusListOptions): CredstatClient<paths> {
  return createApiClient<paths>(api, options);
}

export * from './generated/index.gen.js';
export { publicJwks } from './jwks.js';
export {
  type IssueRequestOptions,
  RequestJwtError,
  type RequestJwtProblem,
  type RequestSigner,
  type RevokeRequestOptions,
  signIssueRequest,
  signRevokeRequest,
} from './request-jwt.js';
export {
  type BitstringStatus,
  type BitstringStatusEntry,
  createStatusListClient,
  type StatusCheckOptions,
  type StatusListClient,
  type StatusListClientOptions,
  StatusListError,
  type StatusListErrorReason,
  type TokenStatus,
  type TokenStatusReference,
  type TokenStatusType,
} from './status-list-client.js';
