// `@credstat/fortid-wallet/mock`: the mock (./scenarios) as MSW request
// handlers. msw is an optional peer dependency: only this entry needs it.
import { mswMock } from '@credstat/core/msw';
import type { operations } from './generated/types.gen.js';
import { createMockApi } from './scenarios.js';

export * from './scenarios.js';

/** `handlers(options)`, `handlersFor(mockApi)` and the typed `respond(operationId, status, body)`. */
export const { handlers, handlersFor, respond } = mswMock<operations>()(createMockApi);
