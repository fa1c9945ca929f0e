// A scratch copy of the repo for the docs site, preview and browser tests, safe
// to edit: redocly.yaml (its plugins pointed back at this checkout), the spec
// folder of every API it lists, and each package's committed generated code
// (the coverage matrix runs its validators). Point the tools at it with
// CREDSTAT_ROOT before they are imported.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { copyRedoclyConfig } from '../lint/scratch-config.ts';

export const sourceRoot = join(import.meta.dirname, '../..');

export interface Scratch {
  root: string;
  /** The APIs redocly.yaml lists, by name, with their spec's root file. */
  apis: { name: string; root: string }[];
  remove: () => void;
}

export function scratchRepo(prefix = 'credstat-site-'): Scratch {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const config = join(sourceRoot, 'redocly.yaml');
  const apis = Object.entries(
    (parse(readFileSync(config, 'utf8')) as { apis?: Record<string, { root: string }> }).apis ?? {},
  ).map(([name, { root: specRoot }]) => ({ name, root: specRoot }));
  copyRedoclyConfig(config, join(root, 'redocly.yaml'));
  for (const api of apis) {
    cpSync(join(sourceRoot, dirname(api.root)), join(root, dirname(api.root)), {
      recursive: true,
    });
    const generated = join('packages', api.name, 'src', 'generated');
    if (existsSync(join(sourceRoot, generated)))
      cpSync(join(sourceRoot, generated), join(root, generated), { recursive: true });
  }
  return { root, apis, remove: () => rmSync(root, { recursive: true, force: true }) };
}
