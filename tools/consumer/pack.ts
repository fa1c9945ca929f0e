// The packages a user can install, packed the way they are published:
// `pnpm pack` rewrites `workspace:` and `catalog:` ranges to real versions.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../lib/repo.ts';
import { type CommandResult, runCommand } from './exec.ts';

export interface PublicPackage {
  name: string;
  version: string;
  dir: string;
}

/** Every package under packages/ that is not private. */
export function publicPackages(root = repoRoot): PublicPackage[] {
  const packagesDir = join(root, 'packages');
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const dir = join(packagesDir, entry.name);
      let manifest: { name?: string; version?: string; private?: boolean };
      try {
        manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      } catch {
        return [];
      }
      if (manifest.private || !manifest.name || !manifest.version) return [];
      return [{ name: manifest.name, version: manifest.version, dir }];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export interface PackResult {
  pkg: PublicPackage;
  /** Absolute path of the tarball, when packing worked. */
  tarball?: string;
  result: CommandResult;
}

export async function packPackage(pkg: PublicPackage, destination: string): Promise<PackResult> {
  const { file, args } = pnpmCommand();
  const result = await runCommand(
    file,
    [...args, 'pack', '--pack-destination', destination, '--json'],
    {
      cwd: pkg.dir,
      env: process.env,
      timeoutMs: 60_000,
    },
  );
  if (!result.ok) return { pkg, result };
  try {
    const { filename } = JSON.parse(result.stdout) as { filename: string };
    return { pkg, tarball: filename, result };
  } catch {
    return {
      pkg,
      result: { ...result, ok: false, output: `${result.output}\n(no JSON from pnpm pack)` },
    };
  }
}

/** The pnpm running `pnpm test:consumer` (CI runs it through npx), else pnpm on PATH. */
function pnpmCommand(): { file: string; args: string[] } {
  const execPath = process.env.npm_execpath;
  return execPath && /pnpm\.c?js$/.test(execPath)
    ? { file: process.execPath, args: [execPath] }
    : { file: 'pnpm', args: [] };
}
