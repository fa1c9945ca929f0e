// Importing one API pulls in none of the others: a consumer's bundler (esbuild,
// from dist/) sees no module of the other four packages in the bundle's inputs.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForInspection } from '@credstat/tools/testing';
import { describe, expect, it } from 'vitest';
import { API_NAMES } from '../types/consumer.mjs';

const benchDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A module of `@credstat/<name>`, as a workspace link or an installed package. */
const isModuleOf = (name: string) => (input: string) =>
  new RegExp(`(^|/)(packages|@credstat)/${name}/`).test(input);

const ENTRIES = ['', '/types', '/validators'];

describe.each(API_NAMES)('@credstat/%s', (name) => {
  it.each(ENTRIES)(`'@credstat/${name}%s' bundles no module of the other APIs`, async (entry) => {
    const { inputs } = await bundleForInspection(
      benchDir,
      `export * from '@credstat/${name}${entry}';`,
    );
    // The pattern sees this package's own modules, so its silence about the others counts.
    expect(inputs.some(isModuleOf(name))).toBe(true);
    const others = API_NAMES.filter((other) => other !== name);
    expect(inputs.filter((input) => others.some((other) => isModuleOf(other)(input)))).toEqual([]);
  });
});
