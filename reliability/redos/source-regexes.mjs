// Every regex in the packages' hand-written source (packages/*/src, not
// src/generated/): core's redactor, media-type and header checks run them on
// what a server sends, so they are held to the same check as the specs'.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { regexOf } from './validator-regexes.mjs';

/** @param {string} dir @returns {string[]} */
function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * Per package: its regexes ({ source, flags, where: `file:line` }) and any
 * RegExp built from a value at run time (no checker can see those).
 * @param {string} root
 */
export function sourceRegexes(root) {
  const packages = join(root, 'packages');
  return readdirSync(packages, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map(({ name }) => {
      /** @type {{ source: string, flags: string, where: string }[]} */
      const regexes = [];
      /** @type {string[]} */
      const dynamic = [];
      for (const file of sourceFiles(join(packages, name, 'src'))) {
        const text = readFileSync(file, 'utf8');
        const tree = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
        const where = (/** @type {ts.Node} */ node) =>
          `${relative(root, file)}:${tree.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        const visit = (/** @type {ts.Node} */ node) => {
          const found = regexOf(node);
          if (found === 'dynamic') dynamic.push(where(node));
          else if (found) regexes.push({ ...found, where: where(node) });
          ts.forEachChild(node, visit);
        };
        visit(tree);
      }
      return { name, regexes, dynamic };
    });
}
