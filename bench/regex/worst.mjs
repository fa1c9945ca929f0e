// Finding and timing the worst 10 kB input of one regex. A vulnerable regex
// can take hours on 10 kB, so every candidate is first run at doubling sizes,
// once each, and dropped (reported) past PROBE_LIMIT_MS: the bench stops by
// itself whatever the regexes are.
import { performance } from 'node:perf_hooks';
import { inputFamilies, timedRegExp } from '../../reliability/redos/worst-input.mjs';
import { measureSync } from '../harness.mjs';

export const PROBE_LIMIT_MS = 50;
const FIRST_PROBE_SIZE = 256;

/** One run of `re` on `text`, in ms. */
function once(re, text) {
  const start = performance.now();
  re.test(text);
  return performance.now() - start;
}

/**
 * Runs the family at doubling sizes up to `size`. Returns the text of `size`,
 * or where it passed the limit.
 */
function probe(re, family, size) {
  for (let n = Math.min(FIRST_PROBE_SIZE, size); ; n = Math.min(n * 2, size)) {
    const text = family.build(n);
    const ms = once(re, text);
    if (ms > PROBE_LIMIT_MS) return { text, tooSlow: { size: text.length, ms } };
    if (n === size) return { text };
  }
}

/**
 * The slowest candidate input of `size` characters for `checked` (a regex with
 * recheck's verdict): each candidate timed for `pickMs`, the lowest rate kept.
 * @returns {{ kind: string, text: string, candidates: number, tooSlow?: { size: number, ms: number } }}
 */
export function worstInput(checked, { size, pickMs }) {
  const re = timedRegExp(checked);
  const families = inputFamilies(checked, { attack: checked.attack });
  let worst;
  for (const family of families) {
    const { text, tooSlow } = probe(re, family, size);
    if (tooSlow) return { kind: family.kind, text, candidates: families.length, tooSlow };
    const rate = measureSync(() => re.test(text), { ms: pickMs, batch: 4 });
    if (!worst || rate < worst.rate) worst = { kind: family.kind, text, rate };
  }
  return { kind: worst.kind, text: worst.text, candidates: families.length };
}
