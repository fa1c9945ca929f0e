// waitForVerificationSession with the package's own generated validators.

import {
  createClient,
  InvalidResponseError,
  SessionNotFoundError,
  UnknownSessionStatusError,
  verificationSessionStates,
  waitForVerificationSession,
} from '@credstat/fortid-verifier';
import { replayFetch } from '@credstat/tools/testing';
import { describe, expect, it } from 'vitest';
import { recorded } from './fixtures.js';

const ID = '497f6eca-6276-4993-bfeb-53cbbbba6f08';
const fast = { intervalMs: 1, maxIntervalMs: 1 };

describe('waitForVerificationSession', () => {
  it('returns VERIFICATION_FAILED with its description', async () => {
    const client = createClient({
      apiKey: 'k-1234',
      fetch: replayFetch(recorded('200-in-progress.har'), recorded('200-verification-failed.har')),
    });
    const result = await waitForVerificationSession(client, { verificationSessionId: ID }, fast);
    expect(result).toEqual({
      verificationSessionStatus: 'VERIFICATION_FAILED',
      description: 'Credential signature could not be verified.',
    });
  });

  it('ends on 404 with SessionNotFoundError', async () => {
    const client = createClient({
      apiKey: 'k-1234',
      fetch: replayFetch(recorded('200-in-progress.har'), recorded('404-session-not-found.har')),
    });
    await expect(
      waitForVerificationSession(client, { verificationSessionId: ID }, fast),
    ).rejects.toBeInstanceOf(SessionNotFoundError);
  });

  it('a status the spec does not know stops it (InvalidResponseError, or UnknownSessionStatusError without validation)', async () => {
    const unknown = recorded('rejected/200-unknown-status-value.har');
    const strict = createClient({ apiKey: 'k-1234', fetch: replayFetch(unknown) });
    await expect(
      waitForVerificationSession(strict, { verificationSessionId: ID }, fast),
    ).rejects.toBeInstanceOf(InvalidResponseError);
    const lax = createClient({
      apiKey: 'k-1234',
      validateResponses: false,
      fetch: replayFetch(unknown),
    });
    await expect(
      waitForVerificationSession(lax, { verificationSessionId: ID }, fast),
    ).rejects.toBeInstanceOf(UnknownSessionStatusError);
  });

  it('declares every status value of the spec as pending or terminal', async () => {
    const { api } = await import('@credstat/fortid-verifier');
    const validate = api.operations.getVerificationSessionStatus.responses['200'].validate;
    for (const status of [
      ...verificationSessionStates.pending,
      ...verificationSessionStates.terminal,
    ]) {
      validate({ verificationSessionStatus: status });
      // Known to the spec: rejected only for a missing member, never for the status value.
      expect(JSON.stringify(validate.errors ?? [])).not.toContain('has unknown value');
      expect(JSON.stringify(validate.errors ?? [])).not.toContain('must be in oneOf');
    }
  });
});
