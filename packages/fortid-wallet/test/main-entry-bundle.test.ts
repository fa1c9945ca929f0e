// The DCQL matching helper brings dcql and valibot; only `./dcql` may. A
// browser bundle of the main entry must not contain a module of either.
import { dirname, join } from 'node:path';
import { bundleForInspection } from '@credstat/tools/testing';
import { describe, expect, it } from 'vitest';

const packageDir = join(import.meta.dirname, '..');
const bundledInputs = async (source: string) =>
  (await bundleForInspection(packageDir, source)).inputs;

const fromDcqlOrValibot = (input: string) =>
  /node_modules\/(\.pnpm\/)?(dcql|valibot)[@/]/.test(input);

describe('bundles', () => {
  it('the main entry pulls in no dcql or valibot module', async () => {
    const inputs = await bundledInputs("export { createClient } from '@credstat/fortid-wallet';");
    expect(inputs).toContain('dist/index.js');
    expect(inputs.filter(fromDcqlOrValibot)).toEqual([]);
  });

  it('./dcql does (so the check above can see them)', async () => {
    const inputs = await bundledInputs(
      "export { matchDcqlQuery } from '@credstat/fortid-wallet/dcql';",
    );
    expect(inputs).toContain('dist/dcql.js');
    expect(inputs.filter(fromDcqlOrValibot).map((input) => dirname(input))).toEqual(
      expect.arrayContaining([expect.stringMatching(/dcql/), expect.stringMatching(/valibot/)]),
    );
  });
});
