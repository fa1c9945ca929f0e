// The mock's overrides are typed by the spec: a status it does not document, or
// a body that is not that status's, does not compile.
import { handlers, respond } from '@credstat/fortid-issuer/mock';
import { createMockApi } from '@credstat/fortid-issuer/scenarios';
import { test } from 'vitest';

test('respond() takes a documented status and a body of its type', () => {
  respond('getIssuanceSessionStatus', 200, { issuanceSessionStatus: 'ISSUANCE_SUCCEEDED' });
  // A documented empty body is none.
  respond('getIssuanceSessionStatus', 401, undefined);
  // @ts-expect-error ISSUANCE_FAILED requires its description
  respond('getIssuanceSessionStatus', 200, { issuanceSessionStatus: 'ISSUANCE_FAILED' });
  // @ts-expect-error the 401 has no body
  respond('getIssuanceSessionStatus', 401, { message: 'no key' });
});

test('createMockApi and handlers take typed overrides and scenario names', () => {
  createMockApi({
    scenario: 'issuance-failed',
    overrides: { getIssuanceSessionStatus: { status: 403 } },
  });
  handlers({ scenario: 'unauthorized' });
  // @ts-expect-error an unknown scenario
  handlers({ scenario: 'issued' });
  // @ts-expect-error the 410 body is { message }
  createMockApi({ overrides: { getIssuanceSessionStatus: { status: 410, body: 'expired' } } });
});
