// The generator as `pnpm generate` runs it, in memory: nothing is written into
// the repo. Also its baseline, openapi-typescript alone on the same spec file.
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { type GeneratedTree, generateApi } from '../../tools/generator/generate.ts';
import { type ApiEntry, listApis, repoRoot } from '../../tools/lib/repo.ts';

/** A synthetic spec folder (openapi.yaml, paths/, components/, fixtures/) as the generator's API entry. */
export function syntheticApi(name: string, dir: string): ApiEntry {
  return {
    name,
    // The generator joins this to the repo root: a relative path reaches the temp folder.
    specPath: relative(repoRoot, join(dir, 'openapi.yaml')),
    specDir: dir,
    packageDir: dir,
    packageName: `@credstat-bench/${name}`,
    generatedDir: join(dir, 'src', 'generated'),
    fixturesDir: join(dir, 'fixtures'),
  };
}

export const realApis = (): ApiEntry[] => listApis();

/** Everything `pnpm generate` makes for one API (types, validators, operation layer, mock, fixture types). */
export async function generate(api: ApiEntry): Promise<number> {
  return size(await generateApi(api));
}

/** openapi-typescript alone, from the same split spec file, to TypeScript text. */
export async function openapiTypescript(api: ApiEntry): Promise<number> {
  const ast = await openapiTS(pathToFileURL(join(repoRoot, api.specPath)), {
    alphabetize: false,
    exportType: false,
  });
  return astToString(ast).length;
}

/** Characters made: kept so no work can be skipped, and a sanity check that it ran. */
function size(tree: GeneratedTree): number {
  let total = 0;
  for (const files of tree.values()) for (const text of files.values()) total += text.length;
  return total;
}
