// `@credstat/core/mock`: the engine behind every API package's `./scenarios`
// and `./mock`. Framework-neutral (no msw) and free of Node built-ins: it
// answers WHATWG Requests, in Node, browsers and workers alike.

export {
  type AnswerInit,
  answer,
  MOCK_HEADER,
  problem,
} from './mock/answers.js';
export {
  type MockBadRequest,
  type MockDefinition,
  type MockExample,
  type MockScenario,
  type MockScenarioInfo,
  scenarioList,
} from './mock/definition.js';
export {
  type AnyMockOptions,
  createMock,
  type MockApi,
  type MockExtension,
  type MockExtraRoute,
  type MockOptions,
  type MockResponder,
  type MockResponderContext,
  POLLS_HEADER,
  SCENARIO_HEADER,
} from './mock/engine.js';
export type {
  DocumentedStatus,
  MockOverride,
  MockOverrides,
  MockResponseOf,
} from './mock/overrides.js';
export type { MockRoute } from './mock/routes.js';
export type { ResponseBody } from './types.js';
