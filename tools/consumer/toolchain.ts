// The compilers and Node binaries every temp project shares, installed once
// per run with npm into a folder of their own: TypeScript under npm aliases
// (two versions side by side), Node as the registry's `node-<os>-<arch>`
// packages (real binaries). This machine's Node stands for its own line.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from './exec.ts';
import { npmInstall } from './install.ts';
import { commandOutcome, type Outcome, PASSED } from './matrix.ts';
import { NODE_LINES, type TypeScriptLine, typescriptLines } from './versions.ts';

export interface TypeScript {
  line: string;
  version: string;
  /** The package's `bin/tsc`, run with this machine's Node. */
  tsc: string;
}

export interface NodeBinary {
  major: number;
  version: string;
  bin: string;
}

export interface Toolchain {
  typescripts: TypeScript[];
  nodes: NodeBinary[];
}

const machineMajor = Number(process.versions.node.split('.')[0]);

function typescriptAlias(line: TypeScriptLine): string {
  return `typescript-${line.line}`;
}

function nodeAlias(major: number): string {
  return `node-${major}`;
}

export async function installToolchain(
  dir: string,
): Promise<{ outcome: Outcome; toolchain?: Toolchain }> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
  const typescripts = typescriptLines();
  const otherNodes = NODE_LINES.filter((major) => major !== machineMajor);
  const specs = [
    ...typescripts.map((line) => `${typescriptAlias(line)}@npm:${line.spec}`),
    ...otherNodes.map(
      (major) => `${nodeAlias(major)}@npm:node-${process.platform}-${process.arch}@${major}`,
    ),
  ];
  const install = await npmInstall(dir, specs);
  if (!install.ok) return { outcome: commandOutcome('install the toolchain', install) };

  const toolchain: Toolchain = { typescripts: [], nodes: [] };
  for (const line of typescripts) {
    const tsc = join(dir, 'node_modules', typescriptAlias(line), 'bin', 'tsc');
    // Also proves the native compiler's launcher found its platform binary.
    const result = await runCommand(process.execPath, [tsc, '--version'], { cwd: dir });
    if (!result.ok) return { outcome: commandOutcome(`TypeScript ${line.line}`, result) };
    const version = result.stdout.match(/Version (\S+)/)?.[1] ?? result.stdout.trim();
    toolchain.typescripts.push({ line: line.line, version, tsc });
  }
  for (const major of NODE_LINES) {
    const bin =
      major === machineMajor
        ? process.execPath
        : join(dir, 'node_modules', nodeAlias(major), 'bin', 'node');
    const result = await runCommand(bin, ['--version'], { cwd: dir });
    if (!result.ok) return { outcome: commandOutcome(`Node ${major}`, result) };
    toolchain.nodes.push({ major, version: result.stdout.trim().replace(/^v/, ''), bin });
  }
  return { outcome: PASSED, toolchain };
}
