// Where things live in the repo, and which APIs it ships (read from redocly.yaml).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The repo being worked on; CREDSTAT_ROOT points the tools at another (tests use a scratch copy). */
export const repoRoot =
  process.env.CREDSTAT_ROOT ?? resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const redoclyConfigPath = join(repoRoot, 'redocly.yaml');

export interface ApiEntry {
  /** The alias in redocly.yaml, the spec folder and the package suffix. */
  name: string;
  /** The spec's root file, relative to the repo root. */
  specPath: string;
  specDir: string;
  packageDir: string;
  packageName: string;
  generatedDir: string;
  fixturesDir: string;
}

export function apiEntry(name: string, specPath: string): ApiEntry {
  const packageDir = join(repoRoot, 'packages', name);
  return {
    name,
    specPath,
    specDir: dirname(join(repoRoot, specPath)),
    packageDir,
    packageName: `@credstat/${name}`,
    generatedDir: join(packageDir, 'src', 'generated'),
    fixturesDir: join(dirname(join(repoRoot, specPath)), 'fixtures'),
  };
}

export function listApis(configPath = redoclyConfigPath): ApiEntry[] {
  const config = parse(readFileSync(configPath, 'utf8')) as {
    apis?: Record<string, { root: string }>;
  };
  return Object.entries(config.apis ?? {}).map(([name, { root }]) => apiEntry(name, root));
}

export function findApi(name: string): ApiEntry {
  const api = listApis().find((entry) => entry.name === name);
  if (!api) throw new Error(`No API named "${name}" in redocly.yaml`);
  return api;
}

/** A spec that exists only for tests, generated into `outDir` (tools/test-specs.yaml). */
export interface TestSpecEntry extends ApiEntry {
  outDir: string;
}

export const testSpecsPath = join(repoRoot, 'tools', 'test-specs.yaml');

export function listTestSpecs(path = testSpecsPath): TestSpecEntry[] {
  const specs = parse(readFileSync(path, 'utf8')) as Record<
    string,
    { root: string; out: string }
  > | null;
  return Object.entries(specs ?? {}).map(([name, { root, out }]) => ({
    ...apiEntry(name, root),
    outDir: join(repoRoot, out),
  }));
}
