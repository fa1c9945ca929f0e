import { defineConfig } from 'vitest/config';
import { reporters } from './config/vitest.js';

export default defineConfig({
  test: {
    name: 'tools',
    include: ['test/**/*.test.ts'],
    reporters,
    testTimeout: 60_000,
  },
});
