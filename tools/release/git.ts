// What git knows about a package's last release. No release tags exist: a
// package's last release is the commit where its package.json "version" last
// changed (`changeset version`, committed), or, before its first release, the
// commit that added the package.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A failure the user can act on: printed as it is, without a stack. */
export class ReleaseCheckError extends Error {
  override name = 'ReleaseCheckError';
}

export function git(root: string, args: string[], input?: Buffer): string {
  return execFileSync('git', args, {
    cwd: root,
    encoding: 'utf8',
    input,
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

function tryGit(root: string, args: string[]): string | undefined {
  try {
    return git(root, args);
  } catch {
    return undefined;
  }
}

/** The commits a shallow clone cut the parents of (empty in a full clone). */
function shallowBoundary(root: string): Set<string> {
  const file = git(root, ['rev-parse', '--path-format=absolute', '--git-path', 'shallow']).trim();
  if (!existsSync(file)) return new Set();
  return new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean));
}

export function isShallow(root: string): boolean {
  return git(root, ['rev-parse', '--is-shallow-repository']).trim() === 'true';
}

function versionAt(root: string, rev: string, file: string): string | undefined {
  const text = tryGit(root, ['show', `${rev}:${file}`]);
  if (text === undefined) return undefined;
  return (JSON.parse(text) as { version?: string }).version ?? '';
}

/** Where a package's last release is, to compare its spec with. */
export type ReleaseBase =
  | {
      kind: 'commit';
      commit: string;
      short: string;
      /** What happened in that commit, in words. */
      what: string;
    }
  | {
      /** The version was set in the working tree (not committed yet): nothing to compare. */
      kind: 'worktree';
      what: string;
    };

export function releaseBase(root: string, packageDir: string): ReleaseBase {
  const file = relative(root, join(packageDir, 'package.json')).split('\\').join('/');
  if (tryGit(root, ['rev-parse', '--git-dir']) === undefined) {
    throw new ReleaseCheckError(`${root} is not a git repository: no release history to compare.`);
  }
  const current = (JSON.parse(readFileSync(join(root, file), 'utf8')) as { version: string })
    .version;
  const committed = versionAt(root, 'HEAD', file);
  if (committed === undefined) {
    return { kind: 'worktree', what: `${file} is not committed yet` };
  }
  if (committed !== current) {
    return {
      kind: 'worktree',
      what: `its version changed from ${committed} to ${current} in the working tree`,
    };
  }
  const boundary = shallowBoundary(root);
  const commits = git(root, ['log', '--format=%H', 'HEAD', '--', file]).split('\n').filter(Boolean);
  for (const commit of commits) {
    const version = versionAt(root, commit, file);
    const parent = tryGit(root, ['rev-parse', '--verify', '--quiet', `${commit}^`])?.trim();
    if (!parent && boundary.has(commit)) {
      throw new ReleaseCheckError(
        `this is a shallow clone (git rev-parse --is-shallow-repository: true): its history ` +
          `ends at ${commit.slice(0, 7)} before reaching the commit where ${file}'s "version" ` +
          `last changed (the package's last release) or the commit that added it. ` +
          `Fetch the whole history (\`git fetch --unshallow\`, or clone without --depth) and run it again.`,
      );
    }
    const before = parent ? versionAt(root, parent, file) : undefined;
    // Setting 0.0.0 (never released) is no release: look further back.
    if (before === version || (before !== undefined && version === '0.0.0')) continue;
    const short = commit.slice(0, 7);
    return {
      kind: 'commit',
      commit,
      short,
      what:
        before === undefined
          ? `${short}, which added the package`
          : `${short}, which set its version to ${version}`,
    };
  }
  throw new ReleaseCheckError(`git log finds no commit that added ${file}.`);
}

/** Whether anything under `dir` (relative to root) differs between `commit` and the working tree. */
export function changedSince(root: string, commit: string, dir: string): boolean {
  const tracked = tryGit(root, ['diff', '--quiet', commit, '--', dir]) === undefined;
  if (tracked) return true;
  return git(root, ['ls-files', '--others', '--exclude-standard', '--', dir]).trim() !== '';
}

/** Writes `dir` (relative to root) as it was at `commit` under `into`, at the same relative path. */
export function extractAt(root: string, commit: string, dir: string, into: string): boolean {
  if (tryGit(root, ['cat-file', '-e', `${commit}:${dir}`]) === undefined) return false;
  const archive = execFileSync('git', ['archive', '--format=tar', commit, '--', dir], {
    cwd: root,
    maxBuffer: 256 * 1024 * 1024,
  });
  mkdirSync(into, { recursive: true });
  execFileSync('tar', ['-x', '-C', into], { input: archive });
  return true;
}
