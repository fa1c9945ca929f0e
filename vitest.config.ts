import { defineConfig } from 'vitest/config';

// One run over every workspace project, so the totals are one report. In CI
// the JSON report is also written, for .ci/run to print the totals from.
export default defineConfig({
  test: {
    projects: ['packages/*', 'tools'],
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: '.vitest-report.json' }]]
      : ['default'],
  },
});
