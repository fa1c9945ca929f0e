// What every published package carries besides its code, written by
// `pnpm generate` for each one (core included): the package.json fields npm
// shows (repository, homepage, bugs, keywords, license), a copy of the root
// LICENSE, and its README's generated parts. All links come from the root
// package.json's `repository`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listApis, repoRoot } from '../lib/repo.ts';
import { packageReadme, type ReadmeSubject } from './package-readme.ts';
import { DEFAULT_BRANCH, type Repository, readRepository } from './repository.ts';

export const LICENSE = 'Apache-2.0';
/** Every package's keywords; an API package adds its name, and hand-added ones stay. */
const KEYWORDS = ['credstat', 'openapi', 'openapi-fetch', 'typescript', 'verifiable-credentials'];

export interface PublishedPackage extends ReadmeSubject {
  /** Its folder under packages/. */
  folder: string;
}

/** Every package under packages/ that is not private, with its API when it has one. */
export function listPublishedPackages(root = repoRoot): PublishedPackage[] {
  const apis = new Map(listApis(join(root, 'redocly.yaml')).map((api) => [api.name, api]));
  const packagesDir = join(root, 'packages');
  // A repo (or a test's scratch copy) with specs but no package folder yet.
  if (!existsSync(packagesDir)) return [];
  return readdirSync(packagesDir)
    .sort()
    .filter((folder) => existsSync(join(packagesDir, folder, 'package.json')))
    .flatMap((folder) => {
      const dir = join(packagesDir, folder);
      const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      if (json.private === true) return [];
      const api = apis.get(folder);
      return [{ dir, folder, name: json.name as string, ...(api ? { api } : {}) }];
    });
}

/** Package folder-relative path → contents: package.json, LICENSE and README.md. */
export function generatePackageFiles(
  pkg: PublishedPackage,
  repository = readRepository(),
  root = repoRoot,
): Map<string, string> {
  const read = (file: string) => readFileSync(join(pkg.dir, file), 'utf8');
  const files = new Map<string, string>();
  files.set('package.json', withMetadata(read('package.json'), metadata(pkg, repository)));
  files.set('LICENSE', readFileSync(join(root, 'LICENSE'), 'utf8'));
  try {
    files.set('README.md', packageReadme(read('README.md'), pkg, repository, root));
  } catch (error) {
    throw new Error(`packages/${pkg.folder}/README.md ${(error as Error).message}`);
  }
  return files;
}

/** The fields this step owns, in the order it adds them. */
export function metadata(pkg: PublishedPackage, repository: Repository): Record<string, unknown> {
  return {
    keywords: [...KEYWORDS, ...(pkg.api ? [pkg.api.name] : [])],
    homepage: `${repository.webUrl}/tree/${DEFAULT_BRANCH}/packages/${pkg.folder}#readme`,
    bugs: { url: `${repository.webUrl}/issues` },
    repository: { type: 'git', url: repository.gitUrl, directory: `packages/${pkg.folder}` },
    license: LICENSE,
  };
}

/**
 * package.json with the owned fields set, every other field kept where it is.
 * A field already there keeps its place; a missing one goes after
 * `description`. Keywords the package added itself are kept after ours.
 */
export function withMetadata(text: string, owned: Record<string, unknown>): string {
  const json = JSON.parse(text) as Record<string, unknown>;
  const value = (key: string) =>
    key === 'keywords' ? mergeKeywords(owned.keywords, json.keywords) : owned[key];
  const missing = Object.keys(owned).filter((key) => !(key in json));
  const anchor = ['description', 'version', 'name'].find((key) => key in json);
  const out: Record<string, unknown> = {};
  if (anchor === undefined) for (const key of missing) out[key] = value(key);
  for (const [key, current] of Object.entries(json)) {
    out[key] = key in owned ? value(key) : current;
    if (key === anchor) for (const added of missing) out[added] = value(added);
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

function mergeKeywords(ours: unknown, theirs: unknown): string[] {
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
  return [...new Set([...list(ours), ...list(theirs)])];
}
