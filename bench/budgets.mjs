// Budgets of the deterministic figures (bundle bytes, type instantiations):
// bench/budgets.json holds, per figure name, the most it may measure. A budget
// is what the code reached when it was set plus at most 10% headroom, so any
// real regression fails `pnpm test` (bench/test/budgets.test.ts); lower it as
// the code improves.
//
//   node bench/budgets.mjs          measure and check, exit 1 on a failure
//   node bench/budgets.mjs --write  reset every budget to today's figure + headroom
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const BUDGETS_FILE = join(here, 'budgets.json');

/** The suites whose figures all have budgets: they are counts, not timings. */
export const BUDGETED_SUITES = ['bundle', 'types'];

/** At most this much above the measured value, as the issue allows. */
export const MAX_HEADROOM = 0.1;

/** `{ [figureName]: budget }` from bench/budgets.json. */
export function readBudgets(file = BUDGETS_FILE) {
  return JSON.parse(readFileSync(file, 'utf8')).budgets;
}

/**
 * The figures over their budget, as `{ name, value, budget, message }`. A
 * budgeted figure without a number fails too; budgets of figures not in
 * `figures` are skipped (a caller may check one suite).
 */
export function checkBudgets(figures, budgets) {
  const failures = [];
  for (const f of figures) {
    if (!Object.hasOwn(budgets, f.name)) continue;
    const budget = budgets[f.name];
    if (typeof f.value !== 'number' || Number.isNaN(f.value)) {
      failures.push({
        ...pick(f),
        budget,
        message: `${f.name}: no measured value (budget ${budget})`,
      });
    } else if (f.value > budget) {
      failures.push({
        ...pick(f),
        budget,
        message: `${f.name}: measured ${f.value} ${f.unit} is over its budget of ${budget} ${f.unit}`,
      });
    }
  }
  return failures;
}

const pick = ({ name, value }) => ({ name, value });

/**
 * A budget for a freshly measured value: 5% headroom rounded up to a round
 * step, never over the 10% the issue allows (0 stays 0).
 */
export function budgetFor(value) {
  const step = value < 1_000 ? 10 : value < 10_000 ? 50 : 100;
  const rounded = Math.ceil((value * 1.05) / step) * step;
  return Math.min(rounded, Math.floor(value * (1 + MAX_HEADROOM)));
}

/** Measures the budgeted suites, through the very code `pnpm bench` runs. */
export async function measureBudgetedFigures({ log } = {}) {
  const figures = [];
  for (const name of BUDGETED_SUITES) {
    const suite = await import(`./suites/${name}.mjs`);
    figures.push(...(await suite.run({ log, quick: true, root: join(here, '..') })));
  }
  return figures;
}

async function main(argv) {
  const figures = await measureBudgetedFigures({ log: (line) => console.error(line) });
  if (argv.includes('--write')) {
    const budgets = Object.fromEntries(figures.map((f) => [f.name, budgetFor(f.value)]));
    const about = 'Budgets of pnpm test (bench/budgets.mjs): measured value + at most 10%';
    writeFileSync(BUDGETS_FILE, `${JSON.stringify({ about, budgets }, null, 2)}\n`);
    console.log(`wrote ${Object.keys(budgets).length} budgets to ${BUDGETS_FILE}`);
    return 0;
  }
  const failures = checkBudgets(figures, readBudgets());
  for (const f of figures) console.log(`${f.name}  ${f.value} ${f.unit}`);
  for (const failure of failures) console.error(`over budget: ${failure.message}`);
  return failures.length ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
