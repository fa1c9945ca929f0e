// The vitest project of every package: runtime tests plus type-level tests.
import { defineProject } from 'vitest/config';

/** @param {string} name */
export function packageProject(name) {
  return defineProject({
    test: {
      name,
      include: ['test/**/*.test.ts'],
      // Leak tests collect garbage before counting: undici's Request holds a
      // listener on the caller's signal until the Request is collected.
      execArgv: ['--expose-gc'],
      typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    },
  });
}
