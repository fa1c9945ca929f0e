import { defineConfig } from 'vitest/config';

// One run over every workspace project, so the totals are one report.
export default defineConfig({
  test: {
    projects: ['packages/*', 'tools'],
  },
});
