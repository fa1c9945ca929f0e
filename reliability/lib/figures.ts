// The suite's figures: each test file reports what it proved as counts
// (bodies generated, malformed responses answered, errors typed, leaks found)
// into .figures/<suite>.json; report.mjs prints them all after the run and
// checks that the README's reliability section shows them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Figure {
  /** What was counted, e.g. `bodies generated from the schemas, all accepted`. */
  label: string;
  value: number | string;
}

const FIGURES_DIR = join(import.meta.dirname, '..', '.figures');

/** The default number of property runs per schema or operation; `--runs` / RELIABILITY_RUNS raises it. */
export const DEFAULT_RUNS = 1_000;

/** Property runs per schema or operation for this run. */
export function runs(): number {
  const raw = process.env.RELIABILITY_RUNS;
  if (raw === undefined || raw === '') return DEFAULT_RUNS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`RELIABILITY_RUNS must be a positive integer, got ${raw}`);
  return n;
}

/** A fixed seed per property, so every run of the suite checks the same cases. */
export function seedOf(name: string): number {
  let hash = 2166136261;
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return hash >>> 0;
}

/**
 * Records one suite's figures (an `afterAll` of its test file). `order` places
 * the suite in the printed table and the README.
 */
export function reportFigures(suite: string, order: number, figures: Figure[]): void {
  mkdirSync(FIGURES_DIR, { recursive: true });
  writeFileSync(
    join(FIGURES_DIR, `${suite}.json`),
    `${JSON.stringify({ suite, order, runs: runs(), figures }, null, 2)}\n`,
  );
}
