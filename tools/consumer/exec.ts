// Runs one command of the consumer test and keeps everything it printed: a
// failing row shows exactly what the command said. Never throws on a failing
// exit; a timeout kills the command's whole process group.
import { type ChildProcess, spawn } from 'node:child_process';

export interface CommandResult {
  /** The command line as a user would type it, with the directory it ran in. */
  command: string;
  ok: boolean;
  /** The exit code, or the signal's name when it was killed. */
  exit: number | string;
  /** stdout and stderr as they came. */
  output: string;
  stdout: string;
  ms: number;
}

export interface CommandOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Killed (with its children) after this long. Default 120 s. */
  timeoutMs?: number;
}

/** Every command that finished, slowest first on request (`--timings`). */
export const finished: { command: string; ms: number }[] = [];

/** Process groups started here and still running: stopped if the run is interrupted. */
const running = new Set<number>();

/** Remembers a detached child's group until it exits. */
export function track(child: ChildProcess): void {
  const { pid } = child;
  if (pid === undefined) return;
  running.add(pid);
  child.on('close', () => running.delete(pid));
}

/** Kills every group still running (an interrupted run leaves no npm, tsc or mock behind). */
export function killAll(): void {
  for (const pid of running) killGroup(pid);
}

export function runCommand(
  file: string,
  args: readonly string[],
  options: CommandOptions,
): Promise<CommandResult> {
  const started = performance.now();
  const command = `(cd ${options.cwd} && ${[file, ...args].map(quote).join(' ')})`;
  return new Promise((resolve) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env ?? consumerEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    track(child);
    let output = '';
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
      stdout += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    const timer = setTimeout(() => {
      output += `\n[killed after ${options.timeoutMs ?? 120_000} ms]`;
      killGroup(child.pid);
    }, options.timeoutMs ?? 120_000);
    const done = (exit: number | string) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      finished.push({ command, ms });
      resolve({ command, ok: exit === 0, exit, output, stdout, ms });
    };
    child.on('error', (error) => {
      output += String(error);
      done(-1);
    });
    child.on('close', (code, signal) => done(code ?? signal ?? -1));
  });
}

/** Signals a process started with `detached: true` and every child it started. */
export function killGroup(pid: number | undefined, signal: NodeJS.Signals = 'SIGKILL'): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** What the outer `pnpm run` adds: its script's context, and its settings as npm_config_*. */
const OUTER_RUN = /^(npm_|pnpm_|PNPM_|INIT_CWD$|NODE_OPTIONS$|TURBO_|VITEST)/i;
/**
 * The npm settings that say how this machine reaches the registry, passed on
 * from the environment. Any other npm_config_* is the repo's pnpm talking
 * (its .npmrc's engine-strict, its catalog): npm reads the user's own npmrc
 * files itself.
 */
const MACHINE_NPM_CONFIG =
  /^npm_config_(cache|registry|(https?_)?proxy|no_?proxy|cafile|ca|strict_ssl|prefer_offline|prefer_online|offline)$/i;

/**
 * The environment of a user's shell: none of the outer pnpm run's context or
 * settings, and none of the repo's `node_modules/.bin` on PATH, so a temp
 * project sees only what it installed.
 */
export function consumerEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) {
    if (OUTER_RUN.test(key) && !MACHINE_NPM_CONFIG.test(key)) continue;
    env[key] = value;
  }
  env.PATH = (base.PATH ?? '')
    .split(':')
    .filter((dir) => dir !== '' && !dir.split('/').includes('node_modules'))
    .join(':');
  env.NO_COLOR = '1';
  env.npm_config_update_notifier = 'false';
  return env;
}

function quote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
