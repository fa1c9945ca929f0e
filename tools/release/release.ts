// Each published package: its version, its last release, how its spec changed
// since, and the bump that needs. Shared by `pnpm check:release` and
// `pnpm changeset:spec`.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { type ApiEntry, listApis, redoclyConfigPath, repoRoot } from '../lib/repo.ts';
import { bundle, diffSpecs, type SpecDiff } from './diff.ts';
import { changedSince, extractAt, type ReleaseBase, releaseBase } from './git.ts';
import { type Requirement, requiredBump } from './policy.ts';

export interface PackageState {
  name: string;
  dir: string;
  version: string;
  description: string;
  /** The API whose spec the package is generated from; none for core. */
  api?: ApiEntry;
  base: ReleaseBase;
  /** The spec's diff since `base`; none when the package has no spec or nothing changed. */
  diff?: SpecDiff;
  requirement: Requirement;
}

interface PackageJson {
  name: string;
  version: string;
  description?: string;
  private?: boolean;
}

/** The packages `changeset publish` publishes: packages/* that are not private. */
export function publishedPackages(
  root = repoRoot,
): { name: string; dir: string; version: string; description: string }[] {
  const dir = join(root, 'packages');
  return readdirSync(dir)
    .filter((entry) => existsSync(join(dir, entry, 'package.json')))
    .map((entry) => {
      const json = JSON.parse(
        readFileSync(join(dir, entry, 'package.json'), 'utf8'),
      ) as PackageJson;
      return { ...json, dir: join(dir, entry) };
    })
    .filter((json) => !json.private)
    .map(({ name, dir, version, description = '' }) => ({ name, dir, version, description }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function specDiff(
  api: ApiEntry,
  base: ReleaseBase,
  work: string,
): Promise<SpecDiff | undefined> {
  if (base.kind !== 'commit') return undefined;
  const specDir = relative(repoRoot, api.specDir).split('\\').join('/');
  if (!changedSince(repoRoot, base.commit, specDir)) return undefined;
  const old = join(work, 'old');
  if (!extractAt(repoRoot, base.commit, specDir, old)) {
    throw new Error(`${specDir} does not exist at ${base.short}: no spec to compare with.`);
  }
  const specFile = relative(repoRoot, join(repoRoot, api.specPath));
  const oldBundle = join(work, 'base.yaml');
  const newBundle = join(work, 'revision.yaml');
  await Promise.all([
    bundle(join(old, specFile), oldBundle, redoclyConfigPath),
    bundle(join(repoRoot, specFile), newBundle, redoclyConfigPath),
  ]);
  return diffSpecs(oldBundle, newBundle, redoclyConfigPath, work);
}

/** Every published package's state, or only those of the APIs named. */
export async function packageStates(only?: string[]): Promise<PackageState[]> {
  const apis = new Map(listApis().map((api) => [api.packageName, api]));
  const work = mkdtempSync(join(tmpdir(), 'credstat-release-'));
  try {
    const packages = publishedPackages().filter(
      (pkg) => !only || only.includes(apis.get(pkg.name)?.name ?? ''),
    );
    return await Promise.all(
      packages.map(async (pkg, index) => {
        const api = apis.get(pkg.name);
        const base = releaseBase(repoRoot, pkg.dir);
        const diff = api ? await specDiff(api, base, join(work, String(index))) : undefined;
        const requirement = requiredBump(diff?.impact ?? 'none', pkg.version);
        return { ...pkg, ...(api ? { api } : {}), base, ...(diff ? { diff } : {}), requirement };
      }),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
