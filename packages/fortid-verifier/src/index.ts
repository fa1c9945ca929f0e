// @credstat/fortid-verifier: typed client for the FortID Verifier Service.
import {
  type ApiError,
  type ClientOptions,
  createApiClient,
  type DocumentedError,
  isApiErrorOf,
  type PollOptions,
  pollSession,
  type SuccessBody,
  unwrap,
  type WithStatus,
} from '@credstat/core';
import type { Client } from 'openapi-fetch';
import { api } from './generated/api.gen.js';
import type { components, operations, paths } from './generated/types.gen.js';

export * from '@credstat/core';
export type { components, operations, paths };
export { api };

export interface FortIdVerifierOptions extends ClientOptions {
  /** Sent as `X-API-KEY`. Never appears in errors or hooks. */
  apiKey: string;
}

export type FortIdVerifierClient = Client<paths>;

/** An openapi-fetch client for the Verifier Service (validation and retries on). */
export function createClient(options: FortIdVerifierOptions): FortIdVerifierClient {
  return createApiClient<paths>(api, options);
}

type GetStatus = operations['getVerificationSessionStatus'];
export type VerificationSessionStatus = SuccessBody<GetStatus>;
/** The error thrown for a documented error status: narrow with `hasStatus(410)`. */
export type VerificationSessionError = ApiError<DocumentedError<GetStatus>>;

/** True for a documented error of getVerificationSessionStatus; narrows `body` by `hasStatus`. */
export function isVerificationSessionError(error: unknown): error is VerificationSessionError {
  return isApiErrorOf(error, 'getVerificationSessionStatus');
}

/** The statuses of a verification session, and which of them end it. */
export const verificationSessionStates = {
  operationId: 'getVerificationSessionStatus',
  field: 'verificationSessionStatus',
  pending: ['IN_PROGRESS'],
  terminal: ['VERIFICATION_FAILED', 'VERIFICATION_SUCCEEDED'],
  expired: [410],
  gone: [404],
} as const;

type Terminal = (typeof verificationSessionStates.terminal)[number];
export type TerminalVerificationSessionStatus = WithStatus<
  VerificationSessionStatus,
  'verificationSessionStatus',
  Terminal
>;

/** Reads a session's status once. */
export function getVerificationSessionStatus(
  client: FortIdVerifierClient,
  verificationSessionId: string,
  init: { signal?: AbortSignal } = {},
): Promise<VerificationSessionStatus> {
  const path = '/verification-session/status/{verificationSessionId}';
  const result = client.GET(path, {
    params: { path: { verificationSessionId } },
    signal: init.signal,
  });
  return unwrap(result);
}

/** Polls until the session succeeds or fails; 410 and 404 end it with typed errors. */
export function waitForVerificationSession(
  client: FortIdVerifierClient,
  verificationSessionId: string,
  options: PollOptions<VerificationSessionStatus> = {},
): Promise<TerminalVerificationSessionStatus> {
  return pollSession(
    api,
    verificationSessionStates,
    (signal) => getVerificationSessionStatus(client, verificationSessionId, { signal }),
    options,
  );
}
