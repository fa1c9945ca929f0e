// Every runtime and peer dependency of a published package has a row in the
// README's "Runtime dependencies" table saying why it is there, and no row
// names a dependency the package does not have.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPublishedPackages } from '../generator/package-metadata.ts';
import { repoRoot } from '../lib/repo.ts';

const section = (readme: string) => {
  const start = readme.indexOf('## Runtime dependencies\n');
  const end = readme.indexOf('\n## ', start + 1);
  if (start === -1) throw new Error('the README has no "Runtime dependencies" section');
  return readme.slice(start, end === -1 ? undefined : end);
};

/** `package dependency` for each table row (`(optional peer)` and the like dropped). */
export function documentedDependencies(readme: string): Set<string> {
  const rows = section(readme).matchAll(/^\| `(@credstat\/[\w-]+)` +\| `([^`]+)`[^|]*\|/gm);
  return new Set([...rows].map(([, pkg, dependency]) => `${pkg} ${dependency}`));
}

/** `package dependency` for each dependency and peer dependency of the published packages. */
export function declaredDependencies(root = repoRoot): Set<string> {
  const declared = new Set<string>();
  for (const pkg of listPublishedPackages(root)) {
    const json = JSON.parse(readFileSync(join(pkg.dir, 'package.json'), 'utf8'));
    for (const field of ['dependencies', 'peerDependencies'] as const)
      for (const name of Object.keys(json[field] ?? {})) declared.add(`${pkg.name} ${name}`);
  }
  return declared;
}

describe('README: runtime dependencies', () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

  it('has a row for every runtime and peer dependency of every published package, and no other', () => {
    expect([...documentedDependencies(readme)].sort()).toEqual([...declaredDependencies()].sort());
  });

  it('a dependency without a row, or a row without a dependency, is seen', () => {
    const documented = documentedDependencies(readme);
    const declared = declaredDependencies();
    declared.add('@credstat/core left-pad');
    expect([...declared].filter((entry) => !documented.has(entry))).toEqual([
      '@credstat/core left-pad',
    ]);
    const shorter = readme.replace(/^\| `@credstat\/core` +\| `openapi-fetch`.*\n/m, '');
    expect(documentedDependencies(shorter).has('@credstat/core openapi-fetch')).toBe(false);
  });
});
