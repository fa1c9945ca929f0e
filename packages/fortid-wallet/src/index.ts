// @credstat/fortid-wallet: typed client for FortID Wallet Service — verify session status.
// Everything but createClient, the DCQL checks (src/api.ts) and the ./dcql
// helper is generated from the spec (src/generated/), including the credential
// it takes and the explicit list of what it re-exports from @credstat/core.
import { type ClientOptions, type CredstatClient, createApiClient } from '@credstat/core';
import { api } from './api.js';
import type { ClientCredentials } from './generated/api.gen.js';
import type { paths } from './generated/types.gen.js';

export type FortidWalletOptions = ClientOptions & ClientCredentials;

/** An openapi-fetch client for FortID Wallet Service — verify session status (validation and retries on). */
export function createClient(options: FortidWalletOptions): CredstatClient<paths> {
  return createApiClient<paths>(api, options);
}

// The checked descriptor shadows the generated one re-exported below.
export { api } from './api.js';
export * from './generated/index.gen.js';
