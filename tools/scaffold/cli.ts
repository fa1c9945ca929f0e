// credstat-scaffold <api> [--spec specs/<api>/openapi.yaml] [--force]
// Registers a hand-written spec in redocly.yaml and makes packages/<api> from
// ./template, then generates its code. No tool code changes per API.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDocument } from 'yaml';
import { bundleSpec } from '../generator/bundle.ts';
import { generateApi } from '../generator/generate.ts';
import { writeTree } from '../generator/output.ts';
import { apiEntry, redoclyConfigPath, repoRoot } from '../lib/repo.ts';
import { exampleBody } from './example.ts';

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

// 1. redocly.yaml: comments and order kept.
const config = parseDocument(readFileSync(redoclyConfigPath, 'utf8'));
if (!config.hasIn(['apis', name])) {
  config.setIn(['apis', name], config.createNode({ root: specPath }));
  writeFileSync(redoclyConfigPath, config.toString());
}

// 2. The package, from the template.
const { document } = await bundleSpec(api);
const example = exampleBody(document);
const schemes = Object.values(document.components?.securitySchemes ?? {});
const credential = schemes.some((scheme) => scheme.type === 'http') ? 'token' : 'apiKey';
const pascal = name.replace(/(^|-)([a-z0-9])/g, (_m, _dash, c: string) => c.toUpperCase());
const validateExample = [
  `import { validateResponse } from '@credstat/${name}/validators';`,
  '',
  `const body: unknown = ${JSON.stringify(example.body)};`,
  `const result = validateResponse('${example.operationId}', ${example.status}, body);`,
  "console.log(result.ok ? 'valid' : result.issues);",
  '',
].join('\n');
const vars: Record<string, string> = {
  name,
  pascal,
  title: (document as { info?: { title?: string } }).info?.title ?? name,
  specPath,
  specDir: dirname(specPath),
  credential,
  credentialDoc:
    credential === 'token'
      ? '/** Sent as `Authorization: Bearer …`; never logged. */'
      : '/** The API key; never logged. */',
  exampleJson: JSON.stringify(example.body),
  operationId: example.operationId,
  status: String(example.status),
  validateExample,
};
const render = (text: string) =>
  text.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => vars[key] ?? `{{${key}}}`);

function copyTemplate(from: string, to: string): void {
  for (const entry of readdirSync(from)) {
    const source = join(from, entry);
    if (statSync(source).isDirectory()) {
      copyTemplate(source, join(to, entry));
      continue;
    }
    mkdirSync(to, { recursive: true });
    writeFileSync(join(to, entry.replace(/\.tmpl$/, '')), render(readFileSync(source, 'utf8')));
  }
}
copyTemplate(templateDir, api.packageDir);
mkdirSync(join(api.fixturesDir, 'rejected'), { recursive: true });

// 3. Its generated code.
writeTree(api.packageDir, await generateApi(api));

console.log(`✓ ${api.packageName} in ${relative(repoRoot, api.packageDir)}
Next:
  1. pnpm install
  2. record or derive fixtures in ${relative(repoRoot, api.fixturesDir)}/ (README: "Recording a fixture")
  3. pnpm generate && pnpm build && pnpm test`);
