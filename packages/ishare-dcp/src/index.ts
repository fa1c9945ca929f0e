// @credstat/ishare-dcp: typed client for iSHARE DCP — credential request status.
// Everything but createClient and the two domain helpers (the holder's
// Self-Issued ID Token, and reading a request by id or Location) is generated
// from the spec (src/generated/), including the credential it takes and the
// explicit list of what it re-exports from @credstat/core.
import { type ClientOptions, type CredstatClient, createApiClient } from '@credstat/core';
import { api, type ClientCredentials } from './generated/api.gen.js';
import type { paths } from './generated/types.gen.js';

export type IshareDcpOptions = ClientOptions & ClientCredentials;

/** An openapi-fetch client for iSHARE DCP — credential request status (validation and retries on). */
export function createClient(options: IshareDcpOptions): CredstatClient<paths> {
  return createApiClient<paths>(api, options);
}

export * from './generated/index.gen.js';
export {
  type CredentialRequestTarget,
  getCredentialRequest,
  locateCredentialRequest,
} from './request-location.js';
export {
  SelfIssuedIdTokenError,
  type SelfIssuedIdTokenOptions,
  type SelfIssuedIdTokenProblem,
  selfIssuedIdToken,
  signSelfIssuedIdToken,
} from './self-issued-token.js';
