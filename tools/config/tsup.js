// The one build configuration of every published package: ESM + .d.ts, no
// Node built-ins assumed, so the output runs in Node, bundlers and browsers.
// Plain JS: tsup and vitest load configs without a TypeScript loader for deps.
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'tsup';

/** An API package's bundled spec (written by `pnpm generate`), shipped as `./openapi.json`. */
const BUNDLED_SPEC = join('src', 'generated', 'openapi.gen.json');

/** @param {string[]} entry */
export function packageBuild(entry) {
  return defineConfig({
    entry,
    format: ['esm'],
    dts: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    sourcemap: true,
    // After `clean` and the build, so dist/ always has it; core has none.
    onSuccess: async () => {
      if (existsSync(BUNDLED_SPEC)) copyFileSync(BUNDLED_SPEC, join('dist', 'openapi.json'));
    },
  });
}

/** Every API package's entries: `.`, `./types`, `./validators`, `./scenarios`, `./mock`. */
export const API_ENTRIES = ['index', 'types', 'validators', 'scenarios', 'mock'].map(
  (name) => `src/${name}.ts`,
);

/** An API package's build: its entries plus any of its own. @param {string[]} [extra] */
export function apiPackageBuild(extra = []) {
  return packageBuild([...API_ENTRIES, ...extra]);
}
