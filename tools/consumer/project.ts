// A temp consumer project: the consumer code from fixtures/, each ES module
// also as a CommonJS copy (`.mts` → `.cts`, so TypeScript emits `require()`
// for it), the tsconfig variants, and a package.json npm fills in.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const fixturesDir = join(import.meta.dirname, 'fixtures');

export function readFixture(...path: string[]): string {
  return readFileSync(join(fixturesDir, ...path), 'utf8');
}

/**
 * The CommonJS twin of an ES module source: relative `.mjs` specifiers name
 * the `.cjs` twins instead; package imports stay as they are, so under
 * `module: nodenext` they compile to `require('@credstat/…')`.
 */
export function commonJsSource(source: string): string {
  return source.replace(
    /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]+)\.mjs\2/g,
    '$1$2$3.cjs$2',
  );
}

/** `src/x.mts` → its twin `src/x.cts`, and every ESM source with it. */
export function withCommonJsTwins(
  sources: Readonly<Record<string, string>>,
  esmOnly: readonly string[] = [],
): Record<string, string> {
  const files: Record<string, string> = { ...sources };
  for (const [path, source] of Object.entries(sources)) {
    if (path.endsWith('.mts') && !esmOnly.includes(path))
      files[path.replace(/\.mts$/, '.cts')] = commonJsSource(source);
  }
  return files;
}

/** The packages a source imports (bare specifiers, `node:` builtins left out), by package name. */
export function importedPackages(source: string): string[] {
  const names = new Set<string>();
  for (const [, specifier] of source.matchAll(
    /\b(?:from|import)\s*\(?\s*['"]([^'"./][^'"]*)['"]/g,
  )) {
    if (!specifier || specifier.startsWith('node:')) continue;
    const parts = specifier.split('/');
    names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier));
  }
  return [...names].sort();
}

export interface ProjectFiles {
  /** Relative path → contents. */
  [path: string]: string | object;
}

/** Writes a fresh project (objects as JSON). */
export function writeProject(dir: string, files: ProjectFiles): void {
  for (const [path, contents] of Object.entries(files)) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      typeof contents === 'string' ? contents : `${JSON.stringify(contents, null, 2)}\n`,
    );
  }
}

export function manifest(name: string): object {
  return { name, version: '0.0.0', private: true, type: 'module' };
}
