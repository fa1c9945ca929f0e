import { defineConfig } from 'vitest/config';
import { reporters } from '../tools/config/vitest.js';

// The budgets, the fair-race checks of the competitors and the leak check of
// polling at scale: `pnpm test` runs them once every package is built.
export default defineConfig({
  test: {
    name: 'bench',
    include: ['test/**/*.test.ts'],
    reporters,
    execArgv: ['--expose-gc'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
