// What the types promise: terminal narrowing, per-status error bodies,
// typed validator results.
import type {
  TerminalVerificationSessionStatus,
  VerificationSessionError,
  VerificationSessionStatus,
} from '@credstat/fortid-verifier';
import {
  createClient,
  isVerificationSessionError,
  waitForVerificationSession,
} from '@credstat/fortid-verifier';
import type { operations } from '@credstat/fortid-verifier/types';
import { validateResponse } from '@credstat/fortid-verifier/validators';
import { describe, expectTypeOf, it } from 'vitest';

describe('types', () => {
  it('waitForVerificationSession resolves to terminal statuses only', () => {
    const client = createClient({ apiKey: 'k' });
    expectTypeOf(
      waitForVerificationSession(client, { verificationSessionId: 'id' }),
    ).resolves.toEqualTypeOf<TerminalVerificationSessionStatus>();
    expectTypeOf<TerminalVerificationSessionStatus['verificationSessionStatus']>().toEqualTypeOf<
      'VERIFICATION_FAILED' | 'VERIFICATION_SUCCEEDED'
    >();
    expectTypeOf<
      Extract<
        TerminalVerificationSessionStatus,
        { verificationSessionStatus: 'VERIFICATION_SUCCEEDED' }
      >
    >().toHaveProperty('presentedClaims');
  });

  it('a documented error narrows its body by status', () => {
    const error = {} as unknown;
    if (isVerificationSessionError(error)) {
      expectTypeOf(error.status).toEqualTypeOf<400 | 404 | 410 | 500>();
      if (error.hasStatus(410)) expectTypeOf(error.body).toEqualTypeOf<{ message: string }>();
      // @ts-expect-error 401 is not a documented status of this operation
      error.hasStatus(401);
    }
    expectTypeOf<VerificationSessionError['kind']>().toEqualTypeOf<'api'>();
  });

  it('validateResponse types value by (operationId, status)', () => {
    const result = validateResponse('getVerificationSessionStatus', 200, {});
    if (result.ok) expectTypeOf(result.value).toEqualTypeOf<VerificationSessionStatus>();
    else expectTypeOf(result.issues).toEqualTypeOf<{ path: string; message: string }[]>();
    const gone = validateResponse('getVerificationSessionStatus', 410, {});
    if (gone.ok) expectTypeOf(gone.value).toEqualTypeOf<{ message: string }>();
    // @ts-expect-error not an operation of this API
    validateResponse('getIssuanceSessionStatus', 200, {});
    expectTypeOf<operations['getVerificationSessionStatus']['parameters']['path']>().toEqualTypeOf<{
      verificationSessionId: string;
    }>();
  });
});
