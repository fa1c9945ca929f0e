// `@credstat/govuk-status-list/scenarios`: the API's mock without msw. Its
// answers are the recorded fixtures, its scenarios are derived from the spec
// (src/generated/mock.gen.ts): `createMockApi().fetch` is a fetch for
// `createClient({ fetch })`, and credstat-mock serves the same over HTTP.
// Successes keep GOV.UK's state (src/mock/): reserved and revoked entries, and
// signed status lists a status list client can verify.
import { createMock, type MockApi, type MockOptions } from '@credstat/core/mock';
import { mock, type ScenarioName } from './generated/mock.gen.js';
import type { operations } from './generated/types.gen.js';
import { type StatusListMockOptions, statusListMock } from './mock/status-list-mock.js';

export type { MockApi, MockScenarioInfo, ScenarioName } from './generated/mock.gen.js';
export { mock, scenarios } from './generated/mock.gen.js';
export type { StatusListMockOptions } from './mock/status-list-mock.js';
export interface MockApiOptions extends MockOptions<operations, ScenarioName> {
  /** The list the mock keeps: preset revoked indexes, its type and identifier. */
  statusList?: StatusListMockOptions;
}

/** A mock of the API: answers requests from its fixtures, per scenario, checking each against the spec. */
export function createMockApi(options: MockApiOptions = {}): MockApi {
  const { statusList, ...rest } = options;
  return createMock(mock, rest, statusListMock(statusList));
}
