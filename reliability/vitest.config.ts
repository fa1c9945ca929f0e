import { mergeConfig } from 'vitest/config';
import { packageProject } from '../tools/config/vitest.js';

// Property runs and the fault server's cases take seconds per file: longer than
// the default 5 s on a loaded machine. Leak checks collect garbage first.
export default mergeConfig(packageProject('reliability'), {
  test: { testTimeout: 120_000, hookTimeout: 60_000 },
});
