// BENCHMARKS.md's results block and bench/chart.svg are rendered from
// bench/results.json: never edited by hand, never left behind by a run. Every
// goal not met is explained in BENCHMARKS.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { figure } from '../harness.mjs';
import {
  chartRows,
  chartSvg,
  goalText,
  readResults,
  resultsBlock,
  withResults,
} from '../report.mjs';

const root = join(import.meta.dirname, '..', '..');
const results = readResults();
const benchmarks = readFileSync(join(root, 'BENCHMARKS.md'), 'utf8');

describe('figure', () => {
  it.each([
    [{ ratio: 2.5, goal: 2 }, true],
    [{ ratio: 1.5, goal: 2 }, false],
    [{ ratio: 1.2, goal: 1.5, better: 'lower' }, true],
    [{ ratio: 1.6, goal: 1.5, better: 'lower' }, false],
    [{ value: 4000, goal: 4096, better: 'lower' }, true],
    [{ value: 4097, goal: 4096, better: 'lower' }, false],
    [{ value: 0, goal: 0, better: 'lower' }, true],
    [{ ratio: 3 }, null],
    [{ ratio: null, value: null, goal: 2, goalOf: 'ratio' }, null],
  ] as [Partial<Parameters<typeof figure>[0]>, boolean | null][])('%o → met %s', (fields, met) => {
    const made = figure({ name: 'x.y', value: 1, unit: 'u', ...fields });
    expect(made.met).toBe(met);
  });

  it('reads a goal against the ratio when there is one, else the value', () => {
    expect(figure({ name: 'a.b', value: 10, unit: 'ms', baseline: 5, ratio: 2 }).goalOf).toBe(
      'ratio',
    );
    expect(figure({ name: 'a.b', value: 10, unit: 'ms' }).goalOf).toBe('value');
    expect(
      goalText(figure({ name: 'a.b', value: 3, unit: 'B', goal: 4096, better: 'lower' })),
    ).toBe('≤ 4,096 B');
  });
});

describe('bench/results.json', () => {
  it('holds every field of every figure', () => {
    expect(results.figures.length).toBeGreaterThan(0);
    for (const f of results.figures) {
      expect(Object.keys(f)).toEqual(
        expect.arrayContaining(['name', 'value', 'unit', 'baseline', 'ratio', 'goal', 'met']),
      );
    }
  });

  it('has one figure per name', () => {
    const names = results.figures.map((f: { name: string }) => f.name);
    expect(names.length).toBe(new Set(names).size);
  });
});

describe('BENCHMARKS.md', () => {
  it('shows the results block rendered from bench/results.json', () => {
    expect(benchmarks).toBe(withResults(benchmarks, results));
  });

  it('shows the chart rendered from bench/results.json', () => {
    expect(readFileSync(join(root, 'bench', 'chart.svg'), 'utf8')).toBe(chartSvg(results));
    expect(benchmarks).toContain('](bench/chart.svg)');
  });

  it('explains every goal not met under "Goals not met"', () => {
    const section = benchmarks.slice(benchmarks.indexOf('## Goals not met'));
    const unmet = results.figures.filter((f: { met: boolean | null }) => f.met === false);
    for (const f of unmet) expect(section, f.name).toContain(`\`${f.name}\``);
  });

  it('a stale block is told apart (the check above can fail)', () => {
    const changed = structuredClone(results);
    changed.figures[0].value = (changed.figures[0].value ?? 0) + 1;
    expect(withResults(benchmarks, changed)).not.toBe(benchmarks);
    expect(resultsBlock(changed)).not.toBe(resultsBlock(results));
  });
});

describe('the chart', () => {
  it('plots every figure with a ratio or a goal, colour by met', () => {
    const svg = chartSvg(results);
    for (const { f } of chartRows(results.figures)) expect(svg).toContain(`>${f.name}<`);
    const made = chartSvg({
      figures: [
        figure({ name: 's.met', value: 2, unit: 'x', baseline: 1, ratio: 2, goal: 1.5 }),
        figure({ name: 's.unmet', value: 5000, unit: 'B', goal: 4096, better: 'lower' }),
      ],
    });
    expect(made).toMatch(/>s\.met<[\s\S]*?fill="#2e7d32"/);
    expect(made).toMatch(/>s\.unmet<[\s\S]*?fill="#c62828"/);
  });
});
