// credstat-site [--out site]: the static docs site (site.ts) with every API's
// coverage matrix; `pnpm build` runs it as the root `site` turbo task.
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../lib/repo.ts';
import { buildSite, defaultSiteDir } from './site.ts';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const started = Date.now();
const { dir, coverages, files } = await buildSite(values.out ?? defaultSiteDir);
for (const { name, totals, errors } of coverages) {
  const mark = totals.pass === totals.cells && errors.length === 0 ? '✓' : '!';
  console.log(
    `${mark} ${name}: ${totals.pass}/${totals.cells} cells green, ${totals.missing} without a fixture, ${totals.flagged} flagged${errors.length > 0 ? ` (${errors.join('; ')})` : ''}`,
  );
}
console.log(
  `✓ ${relative(process.cwd(), `${dir}/index.html`) || repoRoot} (${files.length} files, ${((Date.now() - started) / 1000).toFixed(1)}s)`,
);
