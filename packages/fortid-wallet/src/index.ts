// @credstat/fortid-wallet: typed client for FortID Wallet Service — verify session status.
// Everything but createClient and the DCQL checks (src/api.ts) is generated
// from the spec (src/generated/).
import {
  type ClientOptions,
  type CredstatClient,
  createApiClient,
  type TokenSource,
} from '@credstat/core';
import { api } from './api.js';
import type { paths } from './generated/types.gen.js';

export interface FortidWalletOptions extends ClientOptions {
  /**
   * Sent as `Authorization: Bearer …`: a string, or a function asked once per
   * attempt (and again after a 401). Never appears in errors or hooks.
   */
  token: TokenSource;
}

export type FortidWalletClient = CredstatClient<paths>;

/** An openapi-fetch client for FortID Wallet Service — verify session status (validation and retries on). */
export function createClient(options: FortidWalletOptions): FortidWalletClient {
  return createApiClient<paths>(api, options);
}

export { api } from './api.js';
export * from './generated/operations.gen.js';
export * from './generated/runtime.gen.js';
export type { components, operations, paths } from './generated/types.gen.js';
