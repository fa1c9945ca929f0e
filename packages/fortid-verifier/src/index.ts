// @credstat/fortid-verifier: typed client for the FortID Verifier Service.
// Everything but createClient is generated from the spec (src/generated/),
// including the credential it takes and the explicit list of what it
// re-exports from @credstat/core.
import { type ClientOptions, type CredstatClient, createApiClient } from '@credstat/core';
import { api, type ClientCredentials } from './generated/api.gen.js';
import {
  type GetVerificationSessionStatusError,
  isGetVerificationSessionStatusError,
} from './generated/operations.gen.js';
import type { paths } from './generated/types.gen.js';

export type FortIdVerifierOptions = ClientOptions & ClientCredentials;
/** The client type under its 0.1 name. */
export type FortIdVerifierClient = CredstatClient<paths>;

/** An openapi-fetch client for the FortID Verifier Service (validation and retries on). */
export function createClient(options: FortIdVerifierOptions): CredstatClient<paths> {
  return createApiClient<paths>(api, options);
}

/** The error guard under its 0.1 name (`isGetVerificationSessionStatusError`). */
export const isVerificationSessionError = isGetVerificationSessionStatusError;
export type VerificationSessionError = GetVerificationSessionStatusError;

export * from './generated/index.gen.js';
