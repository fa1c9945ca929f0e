// The mock's overrides are typed by the spec: a status it does not document, or
// a body that is not that status's, does not compile.
import { handlers, respond } from '@credstat/govuk-status-list/mock';
import { createMockApi } from '@credstat/govuk-status-list/scenarios';
import { test } from 'vitest';

test('respond() takes a documented status and a body of its type', () => {
  respond('issueStatusListEntry', 200, { idx: 3, uri: 'https://crs.account.gov.uk/t/X' });
  respond('getTokenStatusList', 200, 'a.b.c');
  // @ts-expect-error idx is a number
  respond('issueStatusListEntry', 200, { idx: '3', uri: 'https://crs.account.gov.uk/t/X' });
  // @ts-expect-error a status list token is the JWT, not an object
  respond('getTokenStatusList', 200, { token: 'a.b.c' });
  // @ts-expect-error each error status has its own code
  respond('issueStatusListEntry', 409, { error: 'BAD_REQUEST' });
});

test('createMockApi and handlers take typed overrides, scenario names and list presets', () => {
  createMockApi({ scenario: 'conflict-then-ok', statusList: { revoked: [3, 7], kind: 'b' } });
  handlers({
    overrides: {
      revokeStatusListEntry: {
        status: 202,
        body: { message: 'Credential already revoked', revokedAt: 1 },
      },
    },
  });
  // @ts-expect-error an unknown scenario
  createMockApi({ scenario: 'expired' });
  handlers({
    // @ts-expect-error not a message the spec lists
    overrides: { revokeStatusListEntry: { status: 202, body: { message: 'done', revokedAt: 1 } } },
  });
});
