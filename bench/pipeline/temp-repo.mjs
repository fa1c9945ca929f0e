// A scratch copy of the repo: its tracked and working-tree files (what
// `git ls-files -co --exclude-standard` lists), never the developer's .turbo,
// dist, node_modules or build output. The copy is removed when `remove()` is
// called, and also when the process exits or is interrupted, whatever happens.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readlinkSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';

/** Files of the working tree that git tracks or would track, relative to `root`. */
export function listRepoFiles(root) {
  const out = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  return out.toString('utf8').split('\0').filter(Boolean);
}

/**
 * Cleanups registered with onCleanup, run once each: on remove(), on exit and
 * on SIGINT/SIGTERM/SIGHUP; the last registered first, so the builds running
 * in a copy are stopped before the copy is removed.
 */
const cleanups = new Set();
function runCleanups() {
  for (const entry of [...cleanups].reverse()) entry.run();
}
let hooked = false;
const onSignal = async (signal) => {
  // A signal leaves time to stop gracefully (turbo stops its tasks on SIGINT,
  // which a kill from outside its process group could not reach).
  for (const entry of [...cleanups].reverse()) {
    await entry.graceful?.().catch(() => {});
    entry.run();
  }
  process.exit(128 + (os.constants.signals[signal] ?? 1));
};
function hook() {
  if (hooked) return;
  hooked = true;
  process.on('exit', runCleanups);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, onSignal);
}
function unhookIfIdle() {
  if (!hooked || cleanups.size > 0) return;
  hooked = false;
  process.off('exit', runCleanups);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(signal, onSignal);
}

/**
 * Registers `cleanup` (synchronous: it may run on exit) and, optionally,
 * `graceful` (async, run first on a signal); returns a function that runs the
 * cleanup now. Each runs at most once.
 */
export function onCleanup(cleanup, graceful) {
  hook();
  const entry = {
    graceful,
    run() {
      if (!cleanups.delete(entry)) return;
      try {
        cleanup();
      } catch {
        // Best effort: the other cleanups still run.
      } finally {
        unhookIfIdle();
      }
    },
  };
  cleanups.add(entry);
  return () => entry.run();
}

/**
 * Copies the repo at `root` into a new temp folder. Returns { dir, files, remove }.
 * Files listed by git but deleted in the working tree are skipped; symlinks stay symlinks.
 */
export function copyRepo(root) {
  const dir = mkdtempSync(join(os.tmpdir(), 'credstat-pipeline-'));
  const remove = onCleanup(() => rmSync(dir, { recursive: true, force: true, maxRetries: 5 }));
  try {
    const files = listRepoFiles(root);
    let copied = 0;
    for (const file of files) {
      const from = join(root, file);
      let stat;
      try {
        stat = lstatSync(from);
      } catch {
        continue; // tracked, but deleted in the working tree
      }
      const to = join(dir, file);
      mkdirSync(dirname(to), { recursive: true });
      if (stat.isSymbolicLink()) symlinkSync(readlinkSync(from), to);
      else if (stat.isFile()) copyFileSync(from, to);
      else continue;
      copied++;
    }
    return { dir, files: copied, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
