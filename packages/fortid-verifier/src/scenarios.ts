// `@credstat/fortid-verifier/scenarios`: the API's mock without msw. Its answers
// are the recorded fixtures, its scenarios are derived from the spec
// (src/generated/mock.gen.ts): `createMockApi().fetch` is a fetch for
// `createClient({ fetch })`, and credstat-mock serves the same over HTTP.
import { createMock, type MockApi, type MockOptions, scenarioList } from '@credstat/core/mock';
import { mock, type ScenarioName } from './generated/mock.gen.js';
import type { operations } from './generated/types.gen.js';

export type { MockApi, MockScenarioInfo } from '@credstat/core/mock';
export type { ScenarioName };
export type MockApiOptions = MockOptions<operations, ScenarioName>;

/** Every scenario, by name, with what it does. */
export const scenarios = scenarioList(mock);

/** A mock of the API: answers requests from its fixtures, per scenario, checking each against the spec. */
export function createMockApi(options?: MockApiOptions): MockApi {
  return createMock(mock, options);
}
