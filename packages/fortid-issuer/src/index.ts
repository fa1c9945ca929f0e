// @credstat/fortid-issuer: typed client for FortID Issuer Service — session status.
// Everything but createClient is generated from the spec (src/generated/),
// including the credential it takes and the explicit list of what it
// re-exports from @credstat/core.
import { type ClientOptions, type CredstatClient, createApiClient } from '@credstat/core';
import { api, type ClientCredentials } from './generated/api.gen.js';
import type { paths } from './generated/types.gen.js';

export type FortidIssuerOptions = ClientOptions & ClientCredentials;

/** An openapi-fetch client for FortID Issuer Service — session status (validation and retries on). */
export function createClient(options: FortidIssuerOptions): CredstatClient<paths> {
  return createApiClient<paths>(api, options);
}

export * from './generated/index.gen.js';
