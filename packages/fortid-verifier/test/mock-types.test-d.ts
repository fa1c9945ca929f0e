// The mock's overrides are typed by the spec: a status it does not document, or
// a body that is not that status's, does not compile.
import { handlers, respond } from '@credstat/fortid-verifier/mock';
import { createMockApi } from '@credstat/fortid-verifier/scenarios';
import { test } from 'vitest';

test('respond() takes a documented status and a body of its type', () => {
  respond('getVerificationSessionStatus', 200, { verificationSessionStatus: 'IN_PROGRESS' });
  respond('getVerificationSessionStatus', 410, { message: 'expired' });
  // @ts-expect-error not a status value the spec lists
  respond('getVerificationSessionStatus', 200, { verificationSessionStatus: 'DONE' });
  // @ts-expect-error the 410 body is { message }
  respond('getVerificationSessionStatus', 410, { error: 'expired' });
  // @ts-expect-error a status the spec does not document
  respond('getVerificationSessionStatus', 418, { message: 'teapot' });
  // @ts-expect-error no such operation
  respond('getSessionStatus', 200, {});
});

test('createMockApi and handlers take typed overrides and scenario names', () => {
  const body = { message: 'gone' };
  createMockApi({
    scenario: 'expired',
    overrides: { getVerificationSessionStatus: { status: 404, body } },
  });
  handlers({ scenario: 'verification-failed', polls: 1 });
  // @ts-expect-error an unknown scenario
  createMockApi({ scenario: 'expird' });
  // @ts-expect-error the 404 body is { message }
  handlers({ overrides: { getVerificationSessionStatus: { status: 404, body: { msg: 'gone' } } } });
});
