// `@credstat/<api>/validators` loads the validators and core's validation entry
// only: neither the client runtime nor openapi-fetch (they cost the load time
// that BENCHMARKS.md's `validators.<api>.load` measures).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForInspection } from '@credstat/tools/testing';
import { describe, expect, it } from 'vitest';
import { API_NAMES } from '../types/consumer.mjs';

const benchDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const isOpenapiFetch = (input: string) => /node_modules\/(\.pnpm\/)?openapi-fetch[@/]/.test(input);
const isCoreMain = (input: string) => /(packages|@credstat)\/core\/dist\/index\.js$/.test(input);

describe.each(API_NAMES)('@credstat/%s/validators', (name) => {
  it('pulls in core/validation, not the client runtime or openapi-fetch', async () => {
    const { inputs } = await bundleForInspection(
      benchDir,
      `export * from '@credstat/${name}/validators';`,
    );
    expect(inputs.some((input) => /core\/dist\/validation\.js$/.test(input))).toBe(true);
    expect(inputs.filter((input) => isOpenapiFetch(input) || isCoreMain(input))).toEqual([]);
  });

  it('the main entry does pull them in (so the check above can see them)', async () => {
    const { inputs } = await bundleForInspection(benchDir, `export * from '@credstat/${name}';`);
    expect(inputs.some(isOpenapiFetch)).toBe(true);
    expect(inputs.some(isCoreMain)).toBe(true);
  });
});
