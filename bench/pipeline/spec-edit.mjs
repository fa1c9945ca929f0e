// The one-spec change: a new first line in the spec's `info.description`, a
// different one each time, so every edit is a cache miss for that package.
import { readFileSync, writeFileSync } from 'node:fs';

/** `text` (an openapi.yaml) with `line` put first in info's block description. */
export function withDescriptionLine(text, line) {
  const lines = text.split('\n');
  const info = lines.indexOf('info:');
  if (info === -1) throw new Error('the spec has no top-level `info:`');
  for (let i = info + 1; i < lines.length && /^(\s|$)/.test(lines[i]); i++) {
    if (!/^ {2}description: [|>]-?$/.test(lines[i])) continue;
    const indent = /^\s*/.exec(lines[i + 1] ?? '')?.[0] || '    ';
    lines.splice(i + 1, 0, `${indent}${line}`);
    return lines.join('\n');
  }
  throw new Error('info has no block `description: |` to add a line to');
}

export function editSpecDescription(file, line) {
  writeFileSync(file, withDescriptionLine(readFileSync(file, 'utf8'), line));
}
