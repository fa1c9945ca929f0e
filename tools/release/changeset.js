#!/usr/bin/env node
// `pnpm changeset`: the changesets CLI, unchanged, except that its interactive
// `add` refuses to run without a terminal. Without one, changesets' prompts end
// at once, it exits 0 and writes nothing: a script or an agent would believe a
// changeset was written.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);

/** `changeset` and `changeset add` prompt, unless `--empty`, `--help` or `--version` ask for no prompt. */
function prompts(argv) {
  const command = argv.find((arg) => !arg.startsWith('-')) ?? 'add';
  if (command !== 'add') return false;
  return !argv.some((arg) => ['--empty', '--help', '-h', '--version', '-v'].includes(arg));
}

if (prompts(args) && !process.stdin.isTTY) {
  console.error(
    'changeset: no terminal, so its prompts cannot be answered (it would write nothing).\n' +
      'Use `pnpm changeset:spec [api…]` to write the changeset a spec change needs, or\n' +
      '`pnpm changeset add --empty` and fill in the new .changeset/*.md yourself\n' +
      '(front matter: `"@credstat/<package>": patch | minor | major`, then the release note).',
  );
  process.exit(1);
}

const cli = createRequire(join(root, 'package.json')).resolve('@changesets/cli/bin.js');
const child = spawn(process.execPath, [cli, ...args], { stdio: 'inherit' });
// Ctrl-C reaches the CLI from the terminal itself; a SIGTERM is passed on.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('close', (code, signal) => {
  process.exit(signal ? 128 + (constants.signals[signal] ?? 0) : (code ?? 1));
});
