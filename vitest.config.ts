import { defineConfig } from 'vitest/config';

// `vitest` from the root: every workspace project in one run (watch mode while
// editing). `pnpm test` runs each package's own vitest through turbo instead, and
// each writes its own JSON report (tools/config/vitest.js): CI sums those.
export default defineConfig({
  test: {
    projects: ['packages/*', 'tools', 'examples'],
    reporters: ['default'],
  },
});
