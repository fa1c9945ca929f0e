import { mergeConfig } from 'vitest/config';
import { packageProject } from '../tools/config/vitest.js';

// Each test starts credstat-mock and runs a program as child processes: give
// them longer than the default 5 s on a busy machine. test/support.ts kills a
// program after 30 s, so a hung one fails its test before vitest's timeout.
export default mergeConfig(packageProject('examples'), {
  test: { testTimeout: 60_000, hookTimeout: 30_000 },
});
