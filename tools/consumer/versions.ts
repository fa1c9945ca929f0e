// What the consumer test runs on: the repo's TypeScript and TypeScript 7,
// every Node line users have, and both msw majors the packages accept.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../lib/repo.ts';

/** A dependency's version in the repo's pnpm catalog (one version for the whole repo). */
export function catalogVersion(name: string, root = repoRoot): string {
  const workspace = parse(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')) as {
    catalog?: Record<string, string>;
  };
  const version = workspace.catalog?.[name];
  if (!version) throw new Error(`${name} is not in the pnpm catalog`);
  return version;
}

/** What a consumer installs for a package its code imports: the repo's version where it has one. */
export function catalogSpec(name: string, root = repoRoot): string {
  try {
    return `${name}@${catalogVersion(name, root)}`;
  } catch {
    return name;
  }
}

export interface TypeScriptLine {
  /** `5.9`, `7`. */
  line: string;
  /** What npm installs. */
  spec: string;
}

export function typescriptLines(): TypeScriptLine[] {
  const repo = catalogVersion('typescript');
  return [
    { line: repo.split('.').slice(0, 2).join('.'), spec: `typescript@${repo}` },
    // The native compiler, `latest` on the registry.
    { line: '7', spec: 'typescript@7' },
  ];
}

/** The Node lines the packages support (engines: >=20.19). */
export const NODE_LINES = [20, 22, 24] as const;

/** The Node typings a consumer on the oldest supported line has. */
export const NODE_TYPES = '@types/node@20';

export interface MswLine {
  spec: string;
  /** The Node lines this msw runs on (msw 3 needs Node ≥ 22.12). */
  nodes: readonly number[];
}

export function mswLines(): MswLine[] {
  return [
    // The latest 2.x, as users get it. (The repo pins an older 2.x: since 2.13.4
    // msw pulls @inquirer/confirm 6, whose newest declares Node 22, and the repo's
    // pnpm is engine-strict; npm only warns, and msw's runtime does not use it.)
    { spec: 'msw@2', nodes: [20] },
    { spec: 'msw@3', nodes: [22, 24] },
  ];
}
