// ReDoS (issue 22): every regex the specs and the generated validators run
// (the list the reliability suite checks with recheck, reliability/redos/),
// timed on its worst 10 kB input: recheck's attack when it finds one, else the
// slowest of the near misses and runs of reliability/redos/worst-input.mjs.
// Each is timed against String.prototype.includes scanning the same text, in
// interleaved blocks. The goal: at most 1 ms per 10 kB input.
import { checkRegex } from '../../reliability/redos/check.mjs';
import { listRegexes } from '../../reliability/redos/patterns.mjs';
import { INPUT_SIZE } from '../../reliability/redos/worst-input.mjs';
import { figure, interleaved, measureSync } from '../harness.mjs';
import { worstInput } from '../regex/worst.mjs';

export const about = 'every spec and validator regex on its worst 10 kB input (µs per test)';

const FULL = { blocks: 7, ms: 60, pickMs: 8 };
const QUICK = { blocks: 2, ms: 10, pickMs: 1 };
export const GOAL_US = 1_000;
/** A character none of the inputs holds: includes() scans the whole text. */
const ABSENT = '\u0007';

const microseconds = (rate) => 1e6 / rate;

/** µs per test of `regex` on its worst input, and of includes() on the same text. */
async function timeOne(checked, settings, log) {
  const worst = worstInput(checked, { size: INPUT_SIZE, pickMs: settings.pickMs });
  const name = `regex.${checked.api}.${checked.name}`;
  const about = `/${checked.source.length > 60 ? `${checked.source.slice(0, 57)}…` : checked.source}/${checked.flags}`;
  if (worst.tooSlow) {
    log(
      `regex: ${name}: ${worst.kind} took ${worst.tooSlow.ms.toFixed(0)} ms at ${worst.tooSlow.size} chars`,
    );
    return {
      name,
      us: worst.tooSlow.ms * 1000,
      figure: figure({
        name,
        value: worst.tooSlow.ms * 1000,
        unit: 'µs',
        goal: GOAL_US,
        better: 'lower',
        note: `${about}: ${worst.kind} took ${worst.tooSlow.ms.toFixed(0)} ms at only ${worst.tooSlow.size} chars (recheck: ${checked.status}); not timed further`,
      }),
    };
  }
  const re = new RegExp(checked.source, checked.flags.replace(/[gy]/g, ''));
  const { text } = worst;
  const rows = await interleaved(
    [
      { name: 'includes', run: () => text.includes(ABSENT) },
      { name: 'regex', run: () => re.test(text) },
    ],
    {
      blocks: settings.blocks,
      baseline: 'includes',
      label: name,
      sample: (c) => measureSync(c.run, { ms: settings.ms, batch: 4 }),
    },
  );
  const [base, mine] = rows;
  // Rates: regex/includes is the inverse of the time ratio; say it as time.
  const us = microseconds(mine.median);
  return {
    name,
    us,
    figure: figure({
      name,
      value: us,
      unit: 'µs',
      baseline: microseconds(base.median),
      ratio: 1 / mine.ratioMedian,
      goal: GOAL_US,
      goalOf: 'value',
      better: 'lower',
      note: `${about} on ${text.length} chars: ${worst.kind} (slowest of ${worst.candidates}); baseline: includes() on the same text; ratio: time over the baseline's`,
    }),
  };
}

export async function run({ log = () => {}, quick = false } = {}) {
  const settings = quick ? QUICK : FULL;
  const regexes = listRegexes();
  log(`regex: ${regexes.length} regexes; recheck, then the worst ${INPUT_SIZE}-char input of each`);
  const timed = [];
  for (const regex of regexes) timed.push(await timeOne(checkRegex(regex), settings, log));
  const worst = timed.reduce((a, b) => (b.us > a.us ? b : a));
  return [
    ...timed.map((t) => t.figure),
    figure({
      name: 'regex.worst',
      value: worst.us,
      unit: 'µs',
      goal: GOAL_US,
      better: 'lower',
      note: `the slowest of the ${timed.length} regexes on its worst ${INPUT_SIZE}-char input: ${worst.name}`,
    }),
  ];
}
