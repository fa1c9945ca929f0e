// Installs into a temp project with plain npm, as a user would, and checks
// that every @credstat package came from this run's tarballs: npm must never
// have gone to the registry for one (where @credstat/core does not exist, or
// an older release would silently stand in for the code under test).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CommandResult, runCommand } from './exec.ts';
import { commandOutcome, failure, type Outcome, PASSED } from './matrix.ts';

/** `npm install <specs…>` in `dir` (which has its package.json), using the machine's npm cache. */
export function npmInstall(dir: string, specs: readonly string[]): Promise<CommandResult> {
  return runCommand('npm', ['install', '--no-audit', '--no-fund', ...specs], {
    cwd: dir,
    timeoutMs: 300_000,
  });
}

interface LockEntry {
  name?: string;
  resolved?: string;
  version?: string;
  link?: boolean;
}

/**
 * What is wrong with how the lockfile got the `@credstat/*` packages:
 * each expected one must sit once, at the top level, resolved from its
 * tarball; no other copy and no other `@credstat` package may be there.
 */
export function tarballLinkProblems(
  lock: { packages?: Record<string, LockEntry> },
  projectDir: string,
  expected: ReadonlyMap<string, string>,
): string[] {
  const problems: string[] = [];
  const found = new Set<string>();
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    const name = path.match(/(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)$/)?.[1];
    if (!name?.startsWith('@credstat/')) continue;
    const tarball = expected.get(name);
    if (!tarball) {
      problems.push(`${path}: ${name} is not one of this run's tarballs`);
      continue;
    }
    if (path !== `node_modules/${name}`) {
      problems.push(`${path}: a second copy of ${name} (${entry.resolved ?? entry.version})`);
      continue;
    }
    const from = entry.resolved?.startsWith('file:')
      ? resolve(projectDir, entry.resolved.slice('file:'.length))
      : undefined;
    if (from !== tarball) {
      problems.push(`${path}: resolved from ${entry.resolved ?? '(nothing)'}, not ${tarball}`);
      continue;
    }
    found.add(name);
  }
  for (const name of expected.keys()) {
    if (!found.has(name)) problems.push(`${name} is not installed from its tarball`);
  }
  return problems;
}

/** Installs `specs` and checks the `@credstat` packages came from `tarballs` (name → path). */
export async function installChecked(
  step: string,
  dir: string,
  specs: readonly string[],
  tarballs: ReadonlyMap<string, string>,
): Promise<Outcome> {
  const result = await npmInstall(dir, specs);
  if (!result.ok) return commandOutcome(step, result);
  const lock = JSON.parse(readFileSync(resolve(dir, 'package-lock.json'), 'utf8'));
  const problems = tarballLinkProblems(lock, dir, tarballs);
  return problems.length === 0
    ? PASSED
    : failure(step, 'a @credstat package did not come from its tarball', {
        ...result,
        output: problems.join('\n'),
      });
}
