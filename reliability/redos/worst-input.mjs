// Candidate worst inputs of a given size for one regex, for the bench to time
// (bench/suites/regex.mjs keeps the slowest). Three families:
// - recheck's attack, pumped to the size, when it found one;
// - near misses: a matching string with a part that can repeat ("pump") found
//   by sampling matches (fast-check's stringMatching), pumped to the size, then
//   a character that breaks the match, with and without the rest of the match;
// - flat runs of one breaking character (the worst case of unanchored regexes).
import fc from 'fast-check';

export const INPUT_SIZE = 10_240;

/** Characters that end a match in one pattern or another. */
const BREAKERS = ['\u0000', ' ', '!', '"', '#', '%', '/', ':', '@', '\\', '\n', '\uffff', 'a', '0'];
const MAX_PUMP = 6;
const MAX_PUMPS = 6;

/** @typedef {{ kind: string, build: (size: number) => string }} InputFamily */

/** The regex as the bench runs it: `g`/`y` only move `lastIndex`, not the matching cost. */
export function timedRegExp(/** @type {{ source: string, flags: string }} */ regex) {
  return new RegExp(regex.source, regex.flags.replace(/[gy]/g, ''));
}

/** `prefix + pump × n + suffix` of about `size` characters. */
const pumped = (prefix, pump, suffix, size) =>
  prefix +
  pump.repeat(Math.max(1, Math.ceil((size - prefix.length - suffix.length) / pump.length))) +
  suffix;

/**
 * Matching strings, sampled with a fixed seed. fast-check cannot sample under
 * the `i` flag: a match of the pattern without it is a match with it.
 * @param {{ source: string, flags: string }} regex
 */
function sampleMatches(regex, count) {
  const exact = new RegExp(regex.source, regex.flags.replace(/[gyi]/g, ''));
  try {
    return fc.sample(fc.stringMatching(exact), { numRuns: count, seed: 22 });
  } catch {
    return []; // a construct stringMatching does not support: flat runs only
  }
}

/**
 * Pumps of the samples: (prefix, pump, suffix) where the pump repeated 2 and 9
 * times still matches; one per distinct pump string.
 * @param {RegExp} re
 * @param {string[]} samples
 */
function findPumps(re, samples) {
  /** @type {Map<string, { prefix: string, pump: string, suffix: string }>} */
  const pumps = new Map();
  for (const sample of samples) {
    for (let start = 0; start < sample.length; start++) {
      for (let length = 1; length <= MAX_PUMP && start + length <= sample.length; length++) {
        const pump = sample.slice(start, start + length);
        if (pumps.has(pump)) continue;
        const prefix = sample.slice(0, start);
        const suffix = sample.slice(start + length);
        if (re.test(prefix + pump.repeat(2) + suffix) && re.test(prefix + pump.repeat(9) + suffix))
          pumps.set(pump, { prefix, pump, suffix });
        if (pumps.size >= MAX_PUMPS) return [...pumps.values()];
      }
    }
  }
  return [...pumps.values()];
}

/**
 * Every candidate worst input family for `regex`. With recheck's attack (a
 * vulnerable regex), only that: finding near misses would itself run the
 * regex on inputs that can take hours.
 * @param {{ source: string, flags: string }} regex
 * @param {{ attack?: import('recheck').AttackPattern, samples?: number }} [options]
 * @returns {InputFamily[]}
 */
export function inputFamilies(regex, { attack, samples = 48 } = {}) {
  const re = timedRegExp(regex);
  /** @type {InputFamily[]} */
  const families = [];
  if (attack) {
    families.push({
      kind: 'recheck attack',
      build: (size) => {
        const fixed = attack.pumps.reduce((n, p) => n + p.prefix.length, attack.suffix.length);
        const pumpLength = attack.pumps.reduce((n, p) => n + p.pump.length, 0) || 1;
        const times = Math.max(1, Math.floor((size - fixed) / pumpLength));
        return attack.pumps.map((p) => p.prefix + p.pump.repeat(times)).join('') + attack.suffix;
      },
    });
    return families;
  }
  for (const { prefix, pump, suffix } of findPumps(re, sampleMatches(regex, samples))) {
    const breaker = BREAKERS.find(
      (c) =>
        !re.test(pumped(prefix, pump, suffix, 64) + c) ||
        !re.test(pumped(prefix, pump, '', 64) + c),
    );
    if (breaker === undefined) continue; // every extension still matches: no near miss
    const shown = JSON.stringify(pump);
    families.push(
      {
        kind: `near miss ${shown}…+rest+break`,
        build: (size) => pumped(prefix, pump, suffix, size - 1) + breaker,
      },
      {
        kind: `near miss ${shown}…+break`,
        build: (size) => pumped(prefix, pump, '', size - 1) + breaker,
      },
    );
  }
  for (const c of BREAKERS)
    families.push({ kind: `run of ${JSON.stringify(c)}`, build: (size) => c.repeat(size) });
  return families;
}
