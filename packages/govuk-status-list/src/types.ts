// `@credstat/govuk-status-list/types`: the spec's types, no runtime code.
export type { components, operations, paths } from './generated/types.gen.js';
