import { defineConfig } from 'vitest/config';
import { reporters } from './config/vitest.js';

export default defineConfig({
  test: {
    name: 'tools',
    include: ['test/**/*.test.ts'],
    reporters,
    testTimeout: 60_000,
    // Hooks make and remove scratch repos (node_modules, dist/, site/): removing
    // one took over the 10 s default on a loaded 2-core machine.
    hookTimeout: 60_000,
  },
});
