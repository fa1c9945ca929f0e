// Timed child processes that can always be stopped: each runs in its own
// process group, killed with its children if this process exits or is
// interrupted (a build left running would keep writing into a removed folder).
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { onCleanup } from './temp-repo.mjs';

/** pnpm as the repo pins it: only reachable through npx. */
export const PNPM = ['npx', '--yes', 'pnpm@10.34.9'];

/**
 * The environment a build in the copy gets: none of the developer's turbo
 * settings (cache dirs, remote cache, tokens), and no CREDSTAT_ROOT, which
 * would point the copy's tools at the developer's repo.
 */
export function cleanEnv(extra = {}) {
  const dropped = (key) => /^TURBO_/.test(key) || key === 'INIT_CWD' || key === 'CREDSTAT_ROOT';
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !dropped(key)));
  return { ...env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', ...extra };
}

/**
 * Runs `command` (argv array) in `cwd`; resolves { ms, code, stdout, stderr }
 * (never rejects on a non-zero exit: the caller decides). Output is kept, not shown.
 */
export function timed(command, { cwd, env }) {
  const [file, ...args] = command;
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(file, args, {
      cwd,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const signalGroup = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // Already gone.
      }
    };
    const closed = new Promise((done) => child.once('close', done));
    const stop = onCleanup(
      () => signalGroup('SIGKILL'),
      // Interrupted: SIGINT, as a terminal's Ctrl-C would send, then at most 5 s to stop.
      async () => {
        signalGroup('SIGINT');
        await Promise.race([closed, new Promise((done) => setTimeout(done, 5_000).unref())]);
      },
    );
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.once('error', (error) => {
      stop();
      reject(error);
    });
    child.once('close', (code, signal) => {
      const ms = performance.now() - start;
      stop();
      resolve({
        ms,
        code: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}

/** Like timed(), but throws with the output's tail when the command fails. */
export async function run(command, options) {
  const result = await timed(command, options);
  if (result.code !== 0) {
    const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(
      `${command.join(' ')} failed (exit ${result.code}) in ${options.cwd}:\n${tail}`,
    );
  }
  return result;
}
