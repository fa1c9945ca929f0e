// The repository every published package points to, read from the one place it
// is set: `repository` in the root package.json. Package metadata and README
// links are built from it, so changing it there and running `pnpm generate`
// moves every link.
import { readFileSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { repoRoot } from '../lib/repo.ts';

/** The branch links point at: what a reader on npm sees is the released state of main. */
export const DEFAULT_BRANCH = 'main';

export interface Repository {
  /** As the root package.json writes it (`git+https://…/owner/repo.git`), for `repository.url`. */
  gitUrl: string;
  /** Its web address: `https://…/owner/repo`, no `git+`, no `.git`. */
  webUrl: string;
}

export function readRepository(root = repoRoot): Repository {
  const json = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    repository?: string | { url?: string };
  };
  const url = typeof json.repository === 'string' ? json.repository : json.repository?.url;
  if (typeof url !== 'string') {
    throw new Error(
      'the root package.json has no `repository.url`: every package link is built from it',
    );
  }
  return repositoryFrom(url);
}

export function repositoryFrom(gitUrl: string): Repository {
  const webUrl = gitUrl
    .replace(/^git\+/, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
  if (!/^https:\/\/[^/\s]+\/[^\s]+$/.test(webUrl)) {
    throw new Error(
      `repository url "${gitUrl}" is not an https address (git+https://host/owner/repo.git)`,
    );
  }
  return { gitUrl, webUrl };
}

/**
 * The web address of a file or folder of the repo on the default branch,
 * `path#anchor` allowed. Fails on a path that does not exist, so a README
 * cannot link to a file that was moved.
 */
export function pathUrl(repository: Repository, pathAndAnchor: string, root = repoRoot): string {
  const [path = '', anchor] = pathAndAnchor.split('#', 2);
  const clean = normalize(path);
  if (clean.startsWith('..') || clean.startsWith('/')) {
    throw new Error(`"${pathAndAnchor}" is outside the repository`);
  }
  let kind: 'blob' | 'tree';
  try {
    kind = statSync(join(root, clean)).isDirectory() ? 'tree' : 'blob';
  } catch {
    throw new Error(`"${path}" does not exist in the repository`);
  }
  return `${repository.webUrl}/${kind}/${DEFAULT_BRANCH}/${clean}${anchor ? `#${anchor}` : ''}`;
}
