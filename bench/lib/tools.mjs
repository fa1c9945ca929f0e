// The repo's TypeScript tooling (tools/), loaded from the bench's plain .mjs
// through tsx, once per module: so the bench reads specs and fixtures with the
// generator's and the test kit's own code instead of copies of it.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const loaded = new Map();

/** The module at `path` (relative to the repo root, e.g. `tools/generator/openapi.ts`). */
export function tool(path) {
  const url = pathToFileURL(join(root, path)).href;
  if (!loaded.has(url)) loaded.set(url, tsImport(url, import.meta.url));
  return loaded.get(url);
}
