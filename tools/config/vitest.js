// The vitest project of every package: runtime tests plus type-level tests.
import { defineProject } from 'vitest/config';

/** @param {string} name */
export function packageProject(name) {
  return defineProject({
    test: {
      name,
      include: ['test/**/*.test.ts'],
      typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    },
  });
}
