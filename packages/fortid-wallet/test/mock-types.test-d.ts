// The mock's overrides are typed by the spec: a status it does not document, or
// a body that is not that status's, does not compile.
import { handlers, respond } from '@credstat/fortid-wallet/mock';
import { createMockApi } from '@credstat/fortid-wallet/scenarios';
import { test } from 'vitest';

test('respond() takes a documented status and a body of its type', () => {
  respond('getVerifySessionStatus', 200, { status: 'VERIFY_SUCCEEDED' });
  respond('getVerifySessionStatus', 404, { error: 'Session not found' });
  // @ts-expect-error CONSENT_REQUEST_READY carries its consentRequestObject
  respond('getVerifySessionStatus', 200, { status: 'CONSENT_REQUEST_READY' });
  // @ts-expect-error the wallet's errors are { error }, not the older { message }
  respond('getVerifySessionStatus', 404, { message: 'Session not found' });
});

test('createMockApi and handlers take typed overrides and scenario names', () => {
  createMockApi({
    scenario: 'verify-failed',
    overrides: { getVerifySessionStatus: { status: 403, body: { error: 'no' } } },
  });
  handlers({ scenario: 'consent-request-ready' });
  // @ts-expect-error an unknown scenario
  createMockApi({ scenario: 'expired' });
  // @ts-expect-error a status the spec does not document
  handlers({ overrides: { getVerifySessionStatus: { status: 410, body: { error: 'gone' } } } });
});
