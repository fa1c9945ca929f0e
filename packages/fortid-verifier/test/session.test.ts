// waitForVerificationSession on a status the spec does not know. Pending to
// terminal, 410 and 404 are run for every wait by the contract test
// (describeSessionWaits); that every status is pending or terminal is checked
// when the code is generated.

import {
  createClient,
  InvalidResponseError,
  UnknownSessionStatusError,
  waitForVerificationSession,
} from '@credstat/fortid-verifier';
import { replayFetch } from '@credstat/tools/testing';
import { describe, expect, it } from 'vitest';
import { recorded } from './fixtures.js';

const ID = '497f6eca-6276-4993-bfeb-53cbbbba6f08';
const fast = { intervalMs: 1, maxIntervalMs: 1 };

describe('waitForVerificationSession', () => {
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
});
