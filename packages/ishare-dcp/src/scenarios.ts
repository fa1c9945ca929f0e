// `@credstat/ishare-dcp/scenarios`: the API's mock without msw. Its answers are the
// recorded fixtures, its scenarios are derived from the spec: all generated
// (src/generated/mock.gen.ts). `createMockApi().fetch` is a fetch for
// `createClient({ fetch })`; credstat-mock serves the same over HTTP.
export * from './generated/mock.gen.js';
