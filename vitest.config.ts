import { defineConfig } from 'vitest/config';

// One run over every workspace project, so the totals are one report. In CI
// the JSON report is also written (to $VITEST_REPORT), for .ci/run to sum.
export default defineConfig({
  test: {
    projects: ['packages/*', 'tools'],
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: process.env.VITEST_REPORT ?? '.vitest-report.json' }]]
      : ['default'],
  },
});
