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
export type FortIdVerifierClient = CredstatClient<paths>;

/** An openapi-fetch client for the FortID Verifier Service (validation and retries on). */
export function createClient(options: FortIdVerifierOptions): FortIdVerifierClient {
  return createApiClient<paths>(api, options);
}

/** The error guard under its 0.1 name (`isGetVerificationSessionStatusError`). */
export const isVerificationSessionError = isGetVerificationSessionStatusError;
export type VerificationSessionError = GetVerificationSessionStatusError;

export { api } from './generated/api.gen.js';
export * from './generated/operations.gen.js';
export * from './generated/runtime.gen.js';
export type { components, operations, paths } from './generated/types.gen.js';
