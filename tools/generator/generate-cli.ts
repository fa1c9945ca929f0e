// credstat-generate [name…] [--check]
// Without names: every API in redocly.yaml and every test spec; a name is
// either (e.g. `fortid-wallet`, `core-test`). --check writes nothing and exits 1
// when committed output differs from what the spec produces now.
import { parseArgs } from 'node:util';
import { findApi, listApis, listTestSpecs } from '../lib/repo.ts';
import { type GeneratedTree, generateApi, generateTestSpec } from './generate.ts';
import { diffFiles, diffTree, writeFiles, writeTree } from './output.ts';
import { generatePackageFiles, listPublishedPackages } from './package-metadata.ts';

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
// A published package's package.json metadata, LICENSE and README blocks
// (core's too, though it has no spec), made after its code: the README's
// options table reads the types just written.
const published = listPublishedPackages();
const packageFiles = (dir: string) => {
  const pkg = published.find((candidate) => candidate.dir === dir);
  return pkg ? () => generatePackageFiles(pkg) : undefined;
};
const noSpec = published.filter((pkg) => !pkg.api && positionals.length === 0);
const targets: {
  label: string;
  dir: string;
  generate: () => Promise<GeneratedTree>;
  files?: (() => Map<string, string>) | undefined;
}[] = [
  ...(positionals.length > 0 ? apiTargets.map(findApi) : listApis()).map((api) => ({
    label: api.packageName,
    dir: api.packageDir,
    generate: () => generateApi(api),
    files: packageFiles(api.packageDir),
  })),
  ...noSpec.map((pkg) => ({
    label: pkg.name,
    dir: pkg.dir,
    generate: async (): Promise<GeneratedTree> => new Map(),
    files: packageFiles(pkg.dir),
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
  let files = new Map<string, string>();
  try {
    tree = await target.generate();
    if (!values.check) writeTree(target.dir, tree);
    files = target.files?.() ?? files;
  } catch (error) {
    // A mistake in a spec is the author's to fix: say what, not where in the tool.
    console.error(`✗ ${target.label}: ${(error as Error).message}`);
    failed += 1;
    continue;
  }
  if (values.check) {
    const problems = [...diffTree(target.dir, tree), ...diffFiles(target.dir, files)];
    stale += problems.length;
    for (const problem of problems) console.error(`✗ ${problem}`);
    if (problems.length === 0) console.log(`✓ ${target.label}: generated output is current`);
  } else {
    writeFiles(target.dir, files);
    const count = [...tree.values()].reduce((sum, dir) => sum + dir.size, files.size);
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
