// Writes generated files, or compares them with what is committed (--check).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '../lib/repo.ts';

import type { GeneratedTree } from './generate.ts';

export function writeTree(packageDir: string, tree: GeneratedTree): void {
  for (const [dir, files] of tree) writeGenerated(join(packageDir, dir), files);
}

export function diffTree(packageDir: string, tree: GeneratedTree): string[] {
  return [...tree].flatMap(([dir, files]) => diffGenerated(join(packageDir, dir), files));
}

/** Single files (path relative to `dir` → contents) that share their folder with hand-written ones. */
export function writeFiles(dir: string, files: Map<string, string>): void {
  for (const [name, contents] of files) writeFileSync(join(dir, name), contents);
}

export function diffFiles(dir: string, files: Map<string, string>): string[] {
  return [...files].flatMap(([name, expected]) => {
    const path = join(dir, name);
    const actual = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (actual === undefined) return [`${relative(repoRoot, path)} is missing`];
    return actual === expected
      ? []
      : [`${relative(repoRoot, path)} ${firstDifference(actual, expected)}`];
  });
}

function writeGenerated(dir: string, files: Map<string, string>): void {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) {
    if (!files.has(name)) rmSync(join(dir, name), { recursive: true });
  }
  for (const [name, contents] of files) writeFileSync(join(dir, name), contents);
}

/** Human-readable differences; empty when the committed output is current. */
function diffGenerated(dir: string, files: Map<string, string>): string[] {
  const problems: string[] = [];
  let present: string[] = [];
  try {
    present = readdirSync(dir);
  } catch {
    return [`${relative(repoRoot, dir)} is missing`];
  }
  for (const name of present) {
    if (!files.has(name))
      problems.push(`${relative(repoRoot, join(dir, name))} is not generated (remove it)`);
  }
  for (const [name, expected] of files) {
    const path = join(dir, name);
    let actual: string | undefined;
    try {
      actual = readFileSync(path, 'utf8');
    } catch {
      problems.push(`${relative(repoRoot, path)} is missing`);
      continue;
    }
    if (actual !== expected)
      problems.push(`${relative(repoRoot, path)} ${firstDifference(actual, expected)}`);
  }
  return problems;
}

function firstDifference(actual: string, expected: string): string {
  const a = actual.split('\n');
  const e = expected.split('\n');
  const line = a.findIndex((text, index) => text !== e[index]);
  const at = line === -1 ? a.length : line;
  return `differs from the generator's output at line ${at + 1}`;
}
