// Compiles (or type-checks) a temp project with one of the toolchain's
// TypeScript versions; both take tsc's flags.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { runCommand } from './exec.ts';
import { commandOutcome, failure, type Outcome, PASSED } from './matrix.ts';
import type { TypeScript } from './toolchain.ts';

export async function compile(
  ts: TypeScript,
  projectDir: string,
  config: string,
  outDir?: string,
): Promise<Outcome> {
  const args = [ts.tsc, '-p', config, '--pretty', 'false'];
  if (outDir) args.push('--outDir', outDir);
  const result = await runCommand(process.execPath, args, { cwd: projectDir, timeoutMs: 180_000 });
  return commandOutcome(`tsc ${ts.version} -p ${config} in ${basename(projectDir)}`, result);
}

/**
 * Whether emitted code loads `pkg` the module system's own way: `require()`
 * in a `.cjs`, `import … from` in a `.mjs` (so the CommonJS rows really
 * exercise require(esm)).
 */
export function loadsPackage(code: string, pkg: string, system: 'esm' | 'cjs'): boolean {
  const name = pkg.replace(/[/\\^$*+?.()|[\]{}-]/g, '\\$&');
  const pattern =
    system === 'cjs'
      ? new RegExp(`\\brequire\\((['"])${name}\\1\\)`)
      : new RegExp(`\\bfrom\\s*(['"])${name}\\1`);
  return pattern.test(code);
}

/** Checks the emitted `file` (without extension) in both module systems. */
export function emitOutcome(step: string, outDir: string, file: string, pkg: string): Outcome {
  for (const [system, extension] of [
    ['esm', '.mjs'],
    ['cjs', '.cjs'],
  ] as const) {
    const path = join(outDir, `${file}${extension}`);
    if (!existsSync(path)) return failure(step, `${path} was not emitted`);
    if (!loadsPackage(readFileSync(path, 'utf8'), pkg, system))
      return failure(
        step,
        `${path} does not load ${pkg} with ${system === 'cjs' ? 'require()' : 'import'}`,
      );
  }
  return PASSED;
}
