// @credstat/core's main entry holds no mock code and no msw: a browser bundle of
// it (from dist/, as consumers get it) has no module of either.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// esbuild, as tsup (a devDependency) brings it; only the part used here is typed.
interface Esbuild {
  build(options: object): Promise<{
    metafile: { inputs: Record<string, unknown> };
    outputFiles: { text: string }[];
  }>;
}
const require = createRequire(import.meta.url);
const esbuild = require(
  createRequire(require.resolve('tsup/package.json')).resolve('esbuild'),
) as Esbuild;
const packageDir = join(import.meta.dirname, '..');

async function bundled(source: string) {
  const result = await esbuild.build({
    stdin: { contents: source, resolveDir: packageDir, loader: 'js' },
    absWorkingDir: packageDir,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'browser',
    format: 'esm',
    logLevel: 'silent',
  });
  return {
    inputs: Object.keys(result.metafile.inputs),
    text: result.outputFiles.map((file) => file.text).join('\n'),
  };
}

const isMockInput = (input: string) =>
  /node_modules\/(\.pnpm\/)?msw[@/]/.test(input) || /dist\/(mock|msw|mock-cli)\.js$/.test(input);

describe('bundles', () => {
  it('the main entry pulls in no mock code and no msw', async () => {
    const main = await bundled("export * from '@credstat/core';");
    expect(main.inputs).toContain('dist/index.js');
    expect(main.inputs.filter(isMockInput)).toEqual([]);
    expect(main.text).not.toMatch(/X-Credstat-Mock/);
  });

  it('./mock is the engine without msw; ./msw brings msw (so the check above can see it)', async () => {
    const mock = await bundled("export * from '@credstat/core/mock';");
    expect(mock.text).toMatch(/X-Credstat-Mock/);
    expect(mock.inputs.filter((input) => /msw/.test(input))).toEqual([]);
    const msw = await bundled("export * from '@credstat/core/msw';");
    expect(msw.inputs.filter(isMockInput)).toContain('dist/msw.js');
    expect(msw.inputs.some((input) => /node_modules\/(\.pnpm\/)?msw[@/]/.test(input))).toBe(true);
  });
});
