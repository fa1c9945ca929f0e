// The one build configuration of every published package: ESM + .d.ts, no
// Node built-ins assumed, so the output runs in Node, bundlers and browsers.
// Plain JS: tsup and vitest load configs without a TypeScript loader for deps.
import { defineConfig } from 'tsup';

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
  });
}
