import { defineConfig } from 'vitest/config';

// Real-browser tests (Debian's chromium at /usr/bin/chromium): `pnpm test:browser`.
export default defineConfig({
  test: {
    // The packages in a browser, and the docs site offline (tools/test-browser).
    include: [
      'packages/*/test-browser/**/*.browser.test.ts',
      'tools/test-browser/**/*.browser.test.ts',
    ],
    reporters: process.env.CI
      ? [
          'default',
          ['json', { outputFile: process.env.VITEST_REPORT ?? '.vitest-report-browser.json' }],
        ]
      : ['default'],
  },
});
