// Recorded answers of core's test spec's session, as the generator would write
// them: shared by the mock engine's and the msw adapter's tests.
import type { MockExample } from '../../src/mock.js';

export const sessionExamples = {
  pending: {
    operationId: 'getSession',
    status: 200,
    contentType: 'application/json',
    json: { status: 'PENDING' },
    fixture: 'pending.har',
  },
  done: {
    operationId: 'getSession',
    status: 200,
    contentType: 'application/json',
    json: { status: 'DONE', result: 'ok' },
    fixture: 'done.har',
  },
} satisfies Record<string, MockExample>;
