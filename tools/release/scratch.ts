// Scratch repos for the release tests: the working tree as it is now (tracked
// files and untracked ones git does not ignore), committed as a repo of its own.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** This checkout: the code under test. */
export const checkout = resolve(import.meta.dirname, '../..');

/** The outer run's pnpm, npm, turbo, vitest and credstat settings never reach a scratch repo's commands. */
export const env: NodeJS.ProcessEnv = {
  ...Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(npm_|pnpm_|VITEST|TURBO_|CREDSTAT_|NODE_OPTIONS$|INIT_CWD$|GIT_)/i.test(key),
    ),
  ),
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  CI: 'true',
  TURBO_TELEMETRY_DISABLED: '1',
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  // A scratch repo's turbo reads and fills this checkout's cache: unchanged
  // packages are cache hits there (task hashes do not depend on the path).
  TURBO_CACHE_DIR: join(checkout, '.turbo', 'cache'),
  GIT_AUTHOR_NAME: 'credstat tests',
  GIT_AUTHOR_EMAIL: 'tests@credstat.invalid',
  GIT_COMMITTER_NAME: 'credstat tests',
  GIT_COMMITTER_EMAIL: 'tests@credstat.invalid',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], {
    cwd,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function commitAll(cwd: string, message: string): string {
  git(cwd, 'add', '-A');
  git(cwd, 'commit', '-q', '--allow-empty', '-m', message);
  return git(cwd, 'rev-parse', 'HEAD').trim();
}

/** Copies the working tree into `to` (a tracked file deleted in the working tree stays out). */
export function copyWorkingTree(to: string): number {
  const listed = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], {
    cwd: checkout,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  let copied = 0;
  for (const file of listed.split('\0')) {
    if (!file || !existsSync(join(checkout, file))) continue;
    mkdirSync(dirname(join(to, file)), { recursive: true });
    cpSync(join(checkout, file), join(to, file));
    copied += 1;
  }
  return copied;
}

/** The working tree as a git repo of one commit on `main`. */
export function scratchRepo(dir: string): string {
  copyWorkingTree(dir);
  git(dir, 'init', '-q', '-b', 'main');
  return commitAll(dir, 'the working tree');
}

/**
 * Lets a scratch repo run this checkout's tools without an install: its
 * node_modules are this checkout's (Redocly loads redocly.yaml's plugins from
 * the scratch repo's tools/). Git does not see the links.
 */
export function linkModules(dir: string): void {
  for (const modules of ['node_modules', 'tools/node_modules']) {
    if (!existsSync(join(dir, modules))) symlinkSync(join(checkout, modules), join(dir, modules));
  }
  appendFileSync(join(dir, '.git', 'info', 'exclude'), '/node_modules\n/tools/node_modules\n');
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  output: string;
}

/** Commands still running, ended with what they started if a test ends first. */
export const running = new Set<ChildProcess>();

export function stopAll(): void {
  for (const child of running) stop(child);
}

export function stop(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Runs a command to its end (never rejects: the test reads the exit code), killed after `timeout` ms. */
export function run(
  cwd: string,
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; timeout?: number; input?: string } = {},
): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true, // its own process group, so stop() ends what it started too
    });
    running.add(child);
    let stdout = '';
    let stderr = '';
    let output = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      output += chunk;
    });
    child.stdin.end(options.input ?? '');
    const timer = setTimeout(() => stop(child), options.timeout ?? 120_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      running.delete(child);
      done({ code, stdout, stderr, output });
    });
  });
}

/** Like run, but rejects with the command's last output unless it exits 0. */
export async function ok(
  cwd: string,
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; timeout?: number } = {},
): Promise<string> {
  const result = await run(cwd, command, args, options);
  if (result.code !== 0) {
    throw new Error(
      `\`${[command, ...args].join(' ')}\` in ${cwd} ended with ${result.code}:\n${result.output.slice(-6000)}`,
    );
  }
  return result.output;
}

/** This checkout's `credstat-<tool>` run on a scratch repo (as `pnpm check:release` would there). */
export function tool(repo: string, bin: 'check-release' | 'changeset-spec', ...args: string[]) {
  return run(repo, process.execPath, [join(checkout, 'tools', 'bin', `${bin}.js`), ...args], {
    env: { CREDSTAT_ROOT: repo },
  });
}
