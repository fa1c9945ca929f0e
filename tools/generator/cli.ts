// credstat-generate [api…] [--check]
// Without names: every API in redocly.yaml. --check writes nothing and exits 1
// when committed output differs from what the spec produces now.
import { parseArgs } from 'node:util';
import { findApi, listApis } from '../lib/repo.ts';
import { generateApi } from './generate.ts';
import { diffTree, writeTree } from './output.ts';

const { values, positionals } = parseArgs({
  options: { check: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const apis = positionals.length > 0 ? positionals.map(findApi) : listApis();

let stale = 0;
for (const api of apis) {
  const tree = await generateApi(api);
  if (values.check) {
    const problems = diffTree(api.packageDir, tree);
    stale += problems.length;
    for (const problem of problems) console.error(`✗ ${problem}`);
    if (problems.length === 0) console.log(`✓ ${api.packageName}: generated output is current`);
  } else {
    writeTree(api.packageDir, tree);
    const count = [...tree.values()].reduce((sum, files) => sum + files.size, 0);
    console.log(`✓ ${api.packageName}: wrote ${count} files`);
  }
}
if (stale > 0) {
  console.error(
    `\n${stale} generated file(s) out of date: run \`pnpm generate\` and commit the result.`,
  );
  process.exit(1);
}
