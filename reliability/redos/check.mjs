// The ReDoS check of one listed regex: recheck (https://makenowjust-labs.github.io/recheck/)
// with its default parameters (fixed seed 0). `safe` from its automaton checker
// is a proof; from its fuzz checker (chosen for patterns too large for the
// automaton) it is a search that found no attack, so each such regex needs a
// written argument in FUZZ_ONLY. `unknown` needs one in UNKNOWN.
import { checkSync } from 'recheck';

/**
 * Regexes that recheck judges only by fuzzing, with why they are linear.
 * Keyed by the regex's name (see patterns.mjs); the test fails on a key no regex needs.
 * @type {Record<string, string>}
 */
export const FUZZ_ONLY = {
  // ajv-formats 3.0.1, full `uri` (RFC 3986); its automaton check times out even at 60 s.
  'format.uri.URI':
    'every repeated group is unambiguous: each `(?:[class]|%[0-9a-f]{2})*` has disjoint ' +
    'alternatives (no class holds `%`), path segments are split by `/` that no segment ' +
    'class holds, and scheme, userinfo (ends at `@`), port (`:`), query (`?`) and fragment ' +
    '(`#`) each start or end at a character the part before cannot take; the only overlaps ' +
    '(IPv4 vs reg-name, the IPv6 alternatives, `\\/?\\/`) are of bounded length, so a failing ' +
    'match backtracks O(n) times by O(1) steps. bench/suites/regex.mjs times its worst ' +
    '10 kB near miss.',
  // The GOV.UK mock's jti check: a UUID, anchored at both ends.
  'status-list-mock.ts:44':
    'anchored with ^ and $, no alternation and only fixed-count repeats of one class each: ' +
    'a match attempt starts only at position 0 and takes at most 37 steps, whatever the input.',
};

/**
 * Regexes recheck cannot decide, with the bound on their input that makes them harmless.
 * @type {Record<string, string>}
 */
export const UNKNOWN = {};

/**
 * @typedef {import('./patterns.mjs').ListedRegex & {
 *   status: 'safe' | 'vulnerable' | 'unknown',
 *   checker: string | undefined,
 *   complexity: string | undefined,
 *   attack: import('recheck').AttackPattern | undefined,
 *   error: string | undefined,
 * }} CheckedRegex
 */

/**
 * @param {import('./patterns.mjs').ListedRegex} regex
 * @returns {CheckedRegex}
 */
export function checkRegex(regex) {
  const diagnostics = checkSync(regex.source, regex.flags, { randomSeed: 0 });
  return {
    ...regex,
    status: diagnostics.status,
    checker: diagnostics.checker,
    complexity: 'complexity' in diagnostics ? diagnostics.complexity.summary : undefined,
    attack: diagnostics.status === 'vulnerable' ? diagnostics.attack : undefined,
    error:
      diagnostics.status === 'unknown'
        ? `${diagnostics.error.kind}${'message' in diagnostics.error ? `: ${diagnostics.error.message}` : ''}`
        : undefined,
  };
}

/** The figure's key for the exception lists: `<api>.<name>` would change with the first user. */
const exceptionKey = (/** @type {{ name: string }} */ regex) => regex.name;

/**
 * What the checks add up to, and every problem: a vulnerable regex, an
 * unknown or fuzz-only verdict without a written argument, or an argument
 * for a regex that no longer needs one (the lists stay exact).
 * @param {CheckedRegex[]} checked
 */
export function verdict(checked) {
  /** @type {string[]} */
  const problems = [];
  const used = new Set();
  for (const regex of checked) {
    const label = `${regex.api} ${regex.name} /${regex.source}/${regex.flags}`;
    const key = exceptionKey(regex);
    if (regex.status === 'vulnerable') {
      problems.push(
        `${label} is vulnerable (${regex.complexity}): attack ${regex.attack?.pattern}; from ${regex.origins.join(', ')}`,
      );
    } else if (regex.status === 'unknown') {
      if (UNKNOWN[key]) used.add(key);
      else
        problems.push(
          `${label}: recheck cannot decide (${regex.error}); add it to UNKNOWN with the bound on its input, or simplify it`,
        );
    } else if (regex.checker === 'fuzz') {
      if (FUZZ_ONLY[key]) used.add(key);
      else problems.push(`${label} is safe only by fuzzing; add why it is linear to FUZZ_ONLY`);
    }
  }
  for (const key of [...Object.keys(FUZZ_ONLY), ...Object.keys(UNKNOWN)])
    if (!used.has(key)) problems.push(`${key}: listed as an exception but no regex needs it now`);
  return {
    problems,
    counts: {
      checked: checked.length,
      safeProved: checked.filter((r) => r.status === 'safe' && r.checker === 'automaton').length,
      safeFuzzed: checked.filter((r) => r.status === 'safe' && r.checker === 'fuzz').length,
      vulnerable: checked.filter((r) => r.status === 'vulnerable').length,
      unknown: checked.filter((r) => r.status === 'unknown').length,
    },
  };
}
