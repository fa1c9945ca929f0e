// For tests that run the tools on a scratch copy of the repo (redocly.yaml and
// some spec folders, not tools/): redocly.yaml's `plugins` are paths relative
// to it, so the copy points them at this checkout's plugin instead, or every
// Redocly command on the copy fails with `Plugin "./tools/lint/plugin.mjs" not
// found`. Everything else is copied as it is.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isScalar, isSeq, parseDocument } from 'yaml';

export function copyRedoclyConfig(from: string, to: string): void {
  const document = parseDocument(readFileSync(from, 'utf8'));
  const plugins = document.get('plugins');
  if (isSeq(plugins)) {
    for (const item of plugins.items) {
      if (isScalar(item) && typeof item.value === 'string' && /^\.\.?\//.test(item.value)) {
        item.value = resolve(dirname(from), item.value);
      }
    }
  }
  writeFileSync(to, document.toString());
}
