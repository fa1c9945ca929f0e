// credstat-scaffold <api> [--spec specs/<api>/openapi.yaml] [--force]
// Registers a hand-written spec in redocly.yaml, generates its code and makes
// packages/<api> from ./template. No tool code changes per API. What it writes
// passes `biome ci` as it is: the rendered files are formatted here, since their
// layout depends on the API's names and examples.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parseDocument } from 'yaml';
import type { Auth } from '../generator/auth.ts';
import { bundleSpec } from '../generator/bundle-spec.ts';
import { generateApi } from '../generator/generate.ts';
import { writeFiles, writeTree } from '../generator/output.ts';
import { generatePackageFiles } from '../generator/package-metadata.ts';
import { credentialFor } from '../lib/credential.ts';
import { apiEntry, redoclyConfigPath, repoRoot } from '../lib/repo.ts';
import { exampleCall } from './example.ts';

const templateDir = join(import.meta.dirname, 'template');

const { values, positionals } = parseArgs({
  options: { spec: { type: 'string' }, force: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const [name] = positionals;
if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
  console.error('usage: credstat-scaffold <api-name in kebab-case> [--spec <path>] [--force]');
  process.exit(2);
}
const specPath = values.spec ?? `specs/${name}/openapi.yaml`;
if (!existsSync(join(repoRoot, specPath))) {
  console.error(`${specPath} does not exist: write the spec first (see README "Adding an API").`);
  process.exit(1);
}
const api = apiEntry(name, specPath);
if (existsSync(api.packageDir) && !values.force) {
  console.error(
    `${relative(repoRoot, api.packageDir)} exists; pass --force to overwrite its files.`,
  );
  process.exit(1);
}

// 1. redocly.yaml: only the new `apis` entry changes (comments, order and line
// breaks kept; lineWidth 0 so that no long line is re-wrapped).
const config = parseDocument(readFileSync(redoclyConfigPath, 'utf8'));
if (!config.hasIn(['apis', name])) {
  config.setIn(['apis', name], config.createNode({ root: specPath }));
  writeFileSync(redoclyConfigPath, config.toString({ lineWidth: 0 }));
}

// 2. Its generated code. The credential comes from the generated descriptor, the
// one reading of the spec's security that the runtime also uses.
writeTree(api.packageDir, await generateApi(api));
const generated = pathToFileURL(join(api.generatedDir, 'api.gen.ts')).href;
const { auth } = ((await import(generated)) as { api: { auth: Auth } }).api;

// 3. The package, from the template.
const { document } = await bundleSpec(api);
const example = exampleCall(document);
const title = (document as { info?: { title?: string } }).info?.title ?? name;
const pascal = name.replace(/(^|-)([a-z0-9])/g, (_m, _dash, c: string) => c.toUpperCase());

const credential = credentialFor(name, auth);

const vars: Record<string, string> = {
  name,
  pascal,
  title,
  specPath,
  specDir: dirname(specPath),
  optionsDefault: credential ? '' : ' = {}',
  clientOptions: credential ? `{ ${credential.option}: process.env.${credential.env} ?? '' }` : '',
  operationId: example.operationId,
  status: String(example.status),
  exampleJson: JSON.stringify(example.body),
  exampleArgs: JSON.stringify(example.args),
};
const render = (text: string) =>
  text.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => vars[key] ?? `{{${key}}}`);

/** Template file → package file, rendered; README.md last (it quotes the formatted examples). */
function renderTemplate(from: string, to: string, out: Map<string, string>): Map<string, string> {
  for (const entry of readdirSync(from)) {
    const source = join(from, entry);
    if (statSync(source).isDirectory()) renderTemplate(source, join(to, entry), out);
    else out.set(join(to, entry.replace(/\.tmpl$/, '')), render(readFileSync(source, 'utf8')));
  }
  return out;
}
const files = renderTemplate(templateDir, api.packageDir, new Map());
const readmePath = join(api.packageDir, 'README.md');
const readme = files.get(readmePath);
files.delete(readmePath);
for (const [path, text] of files) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
formatWithBiome([...files.keys()].filter((path) => /\.(ts|js|json)$/.test(path)));
if (readme !== undefined) {
  const formatted = (file: string) => readFileSync(join(api.packageDir, 'examples', file), 'utf8');
  vars.usageExample = formatted('usage.ts');
  vars.validateExample = formatted('validate.ts');
  writeFileSync(readmePath, render(readme));
}
mkdirSync(join(api.fixturesDir, 'rejected'), { recursive: true });

// 4. What every published package carries, as `pnpm generate` keeps it: its
// package.json metadata, the LICENSE and the README's generated parts.
const published = { dir: api.packageDir, folder: name, name: api.packageName, api };
writeFiles(api.packageDir, generatePackageFiles(published));

/** Biome's formatter and import order over the rendered files, as `pnpm format` would leave them. */
function formatWithBiome(paths: string[]): void {
  const require = createRequire(join(repoRoot, 'package.json'));
  const biome = join(dirname(require.resolve('@biomejs/biome/package.json')), 'bin', 'biome');
  const result = spawnSync(
    process.execPath,
    [biome, 'check', '--write', '--linter-enabled=false', '--colors=off', ...paths],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  if (result.status !== 0) {
    console.error(
      `✗ biome could not format the rendered template:\n${result.stdout}${result.stderr}`,
    );
    process.exit(1);
  }
}

console.log(`✓ ${api.packageName} in ${relative(repoRoot, api.packageDir)}
Next (README "Adding an API"):
  1. pnpm install
  2. add fixtures to ${relative(repoRoot, api.fixturesDir)}/ (README "Recording a fixture"), then pnpm generate
  3. pnpm turbo run lint lint:spec build typecheck lint:package test --filter=${api.packageName}`);
