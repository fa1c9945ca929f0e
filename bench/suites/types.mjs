// Type-check cost (issue 21): tsc instantiations of consumer files that import
// all five packages and call every operation. Deterministic, so every figure
// has a budget (bench/budgets.json) checked in `pnpm test`.
import { figure } from '../harness.mjs';
import { measureTypeCost } from '../types/cost.mjs';

export const about = 'type-check cost: tsc --extendedDiagnostics instantiations of consumer files';

/** The figures of the types suite, from `measureTypeCost()`'s result. */
export function typeFigures(cost) {
  const unit = 'instantiations';
  const common = { unit, better: 'lower' };
  return [
    figure({
      ...common,
      name: 'types.first-call',
      value: cost.firstCall,
      goal: 50_000,
      note: `imports of all five packages, one client and one call, minus the imports alone (${cost.imports})`,
    }),
    figure({
      ...common,
      name: 'types.per-call',
      value: cost.perCall,
      goal: 1_500,
      note: `(every call - one call) / ${cost.calls - 1}, the other four clients included`,
    }),
    figure({
      ...common,
      name: 'types.total',
      value: cost.total,
      note: `all five clients and all ${cost.calls} operations called`,
    }),
  ];
}

// Quick and full runs are the same: three tsc runs, deterministic.
export async function run({ log = () => {} } = {}) {
  log('types: tsc --extendedDiagnostics on three consumer files');
  return typeFigures(await measureTypeCost());
}
