// What every temp project of one run shares: the temp folder, the two pools,
// the packed tarballs, the toolchain, and the one Chromium.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { failure, type Outcome, PASSED } from './matrix.ts';
import type { PackResult, PublicPackage } from './pack.ts';
import type { Schedule } from './pool.ts';
import { importedPackages } from './project.ts';
import type { NodeBinary, Toolchain, TypeScript } from './toolchain.ts';
import { catalogSpec, NODE_LINES, NODE_TYPES, typescriptLines } from './versions.ts';

export interface RunContext {
  root: string;
  /** Compiles and runs (CPU-bound). */
  cpu: Schedule;
  /** npm installs (network- and disk-bound). */
  installs: Schedule;
  /** Every public package, packed. */
  packs: Promise<PackResult[]>;
  /** Packages every project gets besides the ones its code imports (@credstat/core). */
  shared: readonly PublicPackage[];
  toolchain: Promise<{ outcome: Outcome; toolchain?: Toolchain }>;
  browser(): Promise<Browser>;
  /** Bundles served at `${pagesOrigin}/<name>/`. */
  bundles: Map<string, string>;
  pagesOrigin: string;
  note(line: string): void;
}

/** A TypeScript line with its version once the toolchain is installed. */
export interface TypeScriptSlot {
  line: string;
  label: string;
  ts?: TypeScript;
}

export interface NodeSlot {
  major: number;
  label: string;
  node?: NodeBinary;
}

/** The TypeScript and Node lines, labelled by version where the toolchain has them. */
export function slots(toolchain: Toolchain | undefined): {
  typescripts: TypeScriptSlot[];
  nodes: NodeSlot[];
} {
  return {
    typescripts: typescriptLines().map(({ line }) => {
      const ts = toolchain?.typescripts.find((candidate) => candidate.line === line);
      return ts ? { line, label: ts.version, ts } : { line, label: line };
    }),
    nodes: NODE_LINES.map((major) => {
      const node = toolchain?.nodes.find((candidate) => candidate.major === major);
      return node
        ? { major, label: `node ${node.version}`, node }
        : { major, label: `node ${major}` };
    }),
  };
}

export interface Dependencies {
  outcome: Outcome;
  /** What to pass to `npm install`. */
  specs: string[];
  /** The @credstat packages' tarballs, by name. */
  tarballs: Map<string, string>;
}

/**
 * What a project's sources need installed: the tarball of each @credstat
 * package they import (and the shared ones), @types/node, and any other
 * package they import at the repo's catalog version (or as `given`).
 */
export async function dependenciesOf(
  context: RunContext,
  sources: readonly string[],
  given: Readonly<Record<string, string>> = {},
): Promise<Dependencies> {
  const imported = new Set(sources.flatMap(importedPackages));
  const wanted = new Set([
    ...context.shared.map((pkg) => pkg.name),
    ...[...imported].filter((name) => name.startsWith('@credstat/')),
  ]);
  const packs = await context.packs;
  const tarballs = new Map<string, string>();
  for (const name of wanted) {
    const packed = packs.find((pack) => pack.pkg.name === name);
    if (!packed) return missing(`${name} is not a public package of this repo`);
    if (!packed.tarball || !existsSync(packed.tarball))
      return {
        outcome: failure(`pnpm pack ${name}`, `exited with ${packed.result.exit}`, packed.result),
        specs: [],
        tarballs,
      };
    tarballs.set(name, packed.tarball);
  }
  const others = [...imported]
    .filter((name) => !name.startsWith('@credstat/'))
    .map((name) => given[name] ?? catalogSpec(name));
  return { outcome: PASSED, specs: [...tarballs.values(), NODE_TYPES, ...others], tarballs };

  function missing(reason: string): Dependencies {
    return { outcome: failure('dependencies', reason), specs: [], tarballs };
  }
}
