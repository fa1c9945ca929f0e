// The budgets hold in every `pnpm test`: the bundle and type-check figures are
// measured through the suites' own code and none may exceed bench/budgets.json.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BUDGETED_SUITES,
  budgetFor,
  checkBudgets,
  MAX_HEADROOM,
  measureBudgetedFigures,
  readBudgets,
} from '../budgets.mjs';

type Figure = { name: string; value: number; unit: string };

let figures: Figure[];
const budgets = readBudgets() as Record<string, number>;

beforeAll(async () => {
  figures = await measureBudgetedFigures();
});

describe('budgets', () => {
  it('every figure is within its budget', () => {
    expect(checkBudgets(figures, budgets).map((f: { message: string }) => f.message)).toEqual([]);
  });

  it('a budget lowered below its measured value fails, naming figure, value and budget', () => {
    // From budgets at exactly today's values, so a real overrun elsewhere (the
    // test above) does not fail this one too.
    const atMeasured = Object.fromEntries(
      figures.map((f: { name: string; value: number }) => [f.name, f.value]),
    );
    for (const figure of figures) {
      const lowered = { ...atMeasured, [figure.name]: figure.value - 1 };
      const failures = checkBudgets(figures, lowered);
      expect(failures).toHaveLength(1);
      const [failure] = failures;
      expect(failure).toMatchObject({ name: figure.name, value: figure.value });
      expect(failure?.message).toContain(figure.name);
      expect(failure?.message).toContain(`measured ${figure.value}`);
      expect(failure?.message).toContain(`budget of ${figure.value - 1}`);
    }
  });

  it('every budget names a figure the suites produce, and every figure has one', () => {
    const produced = figures.map((f) => f.name).sort();
    expect(Object.keys(budgets).sort()).toEqual(produced);
    for (const name of produced) {
      expect(BUDGETED_SUITES).toContain(name.split('.')[0]);
    }
  });

  it('no budget leaves more than 10% headroom: lower it as the code improves', () => {
    const loose = figures
      .filter((f) => (budgets[f.name] ?? 0) > Math.floor(f.value * (1 + MAX_HEADROOM)))
      .map(
        (f) =>
          `${f.name}: ${f.value} measured, budget ${budgets[f.name]} (node bench/budgets.mjs --write)`,
      );
    expect(loose).toEqual([]);
  });

  it('a fresh budget is at or above its value and within 10%', () => {
    for (const value of [0, 7, 239, 538, 1207, 9247, 31054]) {
      expect(budgetFor(value)).toBeGreaterThanOrEqual(value);
      expect(budgetFor(value)).toBeLessThanOrEqual(value * (1 + MAX_HEADROOM));
    }
  });
});
