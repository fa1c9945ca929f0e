// credstat/known-extensions: every `x-credstat-*` key, wherever it appears in
// the spec, is an extension the generator reads, on the node it reads it from,
// with the shape it expects (all three from EXTENSIONS in
// tools/generator/extensions.ts, which the generator uses):
//
// - `x-credstat-session` on an Operation: { name, field, expired?, gone?,
//   waits: { <wait>: { pending, terminal } } }, strings and lists of strings,
//   HTTP statuses in `expired`/`gone`, no other members (what it means against
//   the response schema is credstat/session's to check);
// - `x-credstat-idempotent` on an Operation: the reason repeating it is safe,
//   a string of at least 8 characters;
// - `x-credstat-retryable` on a Response (or next to the `$ref` of one): `true`.
//
// Anything else with the prefix (a typo such as `x-credstat-retriable`), or a
// known one where the generator does not look (e.g. `x-credstat-retryable` on
// an operation), would be silently ignored by the generator, so it is
// reported, at the key, in the file where it is written. Keys are checked on
// every node that can carry extensions (including schemas), not inside
// examples, which are data.
import type { Location, Oas3Rule, UserContext } from '@redocly/openapi-core';
import { EXTENSION_PREFIX, EXTENSIONS } from '../../generator/extensions.ts';
import { isObject } from '../support.ts';

const KNOWN = Object.keys(EXTENSIONS).join(', ');
const a = (type: string) => `${/^[AEIOU]/.test(type) ? 'an' : 'a'} ${type}`;

export const knownExtensions: Oas3Rule = () => {
  const check = (
    keys: Record<string, unknown>,
    host: string,
    at: Location,
    report: UserContext['report'],
  ) => {
    for (const [key, value] of Object.entries(keys)) {
      if (!key.startsWith(EXTENSION_PREFIX)) continue;
      const spec = EXTENSIONS[key];
      if (!spec) {
        report({
          message: `${key} is not an extension credstat knows (${KNOWN}); the generator would ignore it.`,
          location: at.child([key]).key(),
        });
        continue;
      }
      if (spec.on !== host) {
        report({
          message: `${key} belongs on ${a(spec.on)}; on ${a(host)} the generator ignores it.`,
          location: at.child([key]).key(),
        });
        continue;
      }
      for (const problem of spec.check(value)) {
        report({
          message: `${key}: ${problem.message}`,
          location:
            problem.path.length > 0 ? at.child([key, ...problem.path]) : at.child([key]).key(),
        });
      }
    }
  };
  return {
    any(node: unknown, { type, location, report }) {
      if (type.extensionsPrefix && isObject(node)) check(node, type.name, location, report);
    },
    // Keys written next to a `$ref` (the walk above sees the node it points to).
    ref(node, { type, location, report }) {
      check(node as unknown as Record<string, unknown>, type.name, location, report);
    },
  };
};
