// What a browser bundle of an entry pulls in, as a consumer's bundler would see
// it (esbuild, from the package's dist/): for tests that an entry leaves out a
// dependency or a module (msw, mock code, dcql).
import { build } from 'esbuild';

export interface BrowserBundle {
  /** Input paths, relative to `packageDir` (e.g. `dist/index.js`, `../../node_modules/.pnpm/msw@…`). */
  inputs: string[];
  text: string;
}

/** Bundles `source` (e.g. `export * from '@credstat/core'`) as resolved from `packageDir`. */
export async function bundleForInspection(
  packageDir: string,
  source: string,
): Promise<BrowserBundle> {
  const result = await build({
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

/** A module of msw (any version, any layout of node_modules). */
export const isMswInput = (input: string) => /node_modules\/(\.pnpm\/)?msw[@/]/.test(input);
