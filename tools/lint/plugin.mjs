// credstat's Redocly plugin: the `credstat/…` rules that redocly.yaml lists
// under `plugins` and turns on under `rules` (each rule's file, under rules/,
// says exactly what it checks).
//
// Redocly imports this file as plain ESM. The rules are TypeScript that reuse
// the generator's own checks, so they are loaded through tsx, as tools/bin/*.js
// run the tools, scoped to that one require (nothing else in the process is
// compiled by it). They are loaded when a lint first needs a rule, not when the
// config is read: `build-docs`, `bundle`, `proxy` and the generator load this
// config too, and pay nothing for rules they never run.
import { createRequire } from 'node:module';

/** Every rule, by id: rules.ts must export exactly these (a test checks it). */
export const RULE_IDS = [
  'session',
  'security-declared',
  'shared-error-schema',
  'property-description',
  'retryable-safe',
  'known-extensions',
];

const require = createRequire(import.meta.url);
let rules;
const load = () => {
  rules ??= require('tsx/cjs/api').require('./rules.ts', import.meta.url).rules;
  return rules;
};

export default function credstatPlugin() {
  return {
    id: 'credstat',
    rules: {
      oas3: Object.fromEntries(RULE_IDS.map((id) => [id, (options) => load()[id](options)])),
    },
  };
}
