import { api, createClient, waits } from '@credstat/govuk-status-list';
import { handlers, respond } from '@credstat/govuk-status-list/mock';
import * as scenarios from '@credstat/govuk-status-list/scenarios';
import { validateResponse } from '@credstat/govuk-status-list/validators';
import { describeMockContract } from '@credstat/tools/testing';

describeMockContract({
  api,
  createClient,
  validateResponse,
  waits,
  scenarios,
  handlers,
  respond,
  // The recorded /revoke names index 3, which the mock's list then holds as revoked.
  mockOptions: { statusList: { revoked: [3] } },
  // Entries and lists are GOV.UK's state (test/mock-status-list.test.ts checks them).
  stateful: [
    'issueStatusListEntry',
    'revokeStatusListEntry',
    'getTokenStatusList',
    'getBitstringStatusList',
  ],
});
