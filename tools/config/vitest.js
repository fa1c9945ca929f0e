// The vitest config of every package: runtime tests plus type-level tests.
import { defineConfig } from 'vitest/config';

/**
 * Run alone (the package's `test` script, through turbo), vitest also writes its
 * JSON report beside the package: turbo caches it as the task's output and CI sums
 * them (tools/ci/totals.mjs). VITEST_REPORT names it per run, e.g.
 * `.vitest-report-node22.json`. Under the root config's projects, only the root's
 * reporters apply.
 * @type {NonNullable<NonNullable<import('vitest/config').ViteUserConfig['test']>['reporters']>}
 */
export const reporters = [
  'default',
  ['json', { outputFile: process.env.VITEST_REPORT || '.vitest-report.json' }],
];

/** @param {string} name */
export function packageProject(name) {
  return defineConfig({
    test: {
      name,
      include: ['test/**/*.test.ts'],
      reporters,
      // Leak tests collect garbage before counting: undici's Request holds a
      // listener on the caller's signal until the Request is collected.
      execArgv: ['--expose-gc'],
      typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    },
  });
}
