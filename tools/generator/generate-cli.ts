// credstat-generate [name…] [--check]
// Without names: every API in redocly.yaml and every test spec; a name is
// either (e.g. `fortid-wallet`, `core-test`). --check writes nothing and exits 1
// when committed output differs from what the spec produces now.
import { parseArgs } from 'node:util';
import { findApi, listApis, listTestSpecs } from '../lib/repo.ts';
import { type GeneratedTree, generateApi, generateTestSpec } from './generate.ts';
import { diffTree, writeTree } from './output.ts';

const { values, positionals } = parseArgs({
  options: { check: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const apiNames = new Set(listApis().map((api) => api.name));
const apiTargets = positionals.length > 0 ? positionals.filter((n) => apiNames.has(n)) : [];
const specTargets = positionals.filter((name) => !apiNames.has(name));
// Test specs are read only when asked for (or when nothing is named).
const testSpecs =
  positionals.length === 0 || specTargets.length > 0
    ? listTestSpecs().filter((spec) => positionals.length === 0 || specTargets.includes(spec.name))
    : [];
for (const name of specTargets) if (!testSpecs.some((spec) => spec.name === name)) findApi(name); // throws: unknown name
const targets: { label: string; dir: string; generate: () => Promise<GeneratedTree> }[] = [
  ...(positionals.length > 0 ? apiTargets.map(findApi) : listApis()).map((api) => ({
    label: api.packageName,
    dir: api.packageDir,
    generate: () => generateApi(api),
  })),
  ...testSpecs.map((spec) => ({
    label: `test spec ${spec.name}`,
    dir: spec.outDir,
    generate: () => generateTestSpec(spec),
  })),
];

let stale = 0;
let failed = 0;
for (const target of targets) {
  let tree: GeneratedTree;
  try {
    tree = await target.generate();
  } catch (error) {
    // A mistake in a spec is the author's to fix: say what, not where in the tool.
    console.error(`✗ ${target.label}: ${(error as Error).message}`);
    failed += 1;
    continue;
  }
  if (values.check) {
    const problems = diffTree(target.dir, tree);
    stale += problems.length;
    for (const problem of problems) console.error(`✗ ${problem}`);
    if (problems.length === 0) console.log(`✓ ${target.label}: generated output is current`);
  } else {
    writeTree(target.dir, tree);
    const count = [...tree.values()].reduce((sum, files) => sum + files.size, 0);
    console.log(`✓ ${target.label}: wrote ${count} files`);
  }
}
if (failed > 0) process.exitCode = 1;
if (stale > 0) {
  console.error(
    `\n${stale} generated file(s) out of date: run \`pnpm generate\` and commit the result.`,
  );
  process.exit(1);
}
