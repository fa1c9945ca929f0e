// The DCQL matching helper brings dcql and valibot; only `./dcql` may. A
// browser bundle of the main entry must not contain a module of either.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

// esbuild, as tsup (a devDependency) brings it; only the part used here is typed.
interface Esbuild {
  build(options: object): Promise<{ metafile: { inputs: Record<string, unknown> } }>;
}
const require = createRequire(import.meta.url);
const esbuild = require(
  createRequire(require.resolve('tsup/package.json')).resolve('esbuild'),
) as Esbuild;

async function bundledInputs(source: string): Promise<string[]> {
  const result = await esbuild.build({
    stdin: { contents: source, resolveDir: join(import.meta.dirname, '..'), loader: 'js' },
    // Input paths are relative to this: the package, whichever folder runs vitest.
    absWorkingDir: join(import.meta.dirname, '..'),
    bundle: true,
    write: false,
    metafile: true,
    platform: 'browser',
    format: 'esm',
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

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
