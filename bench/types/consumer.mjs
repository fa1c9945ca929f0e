// Consumer source code, written from each package's own operation list (its
// runtime `api` descriptor) and shipped spec (dist/openapi.json): a new
// operation is covered by the bundle and type-check figures without editing
// anything here.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tool } from '../lib/tools.mjs';

/** The five API packages, in a fixed order (the first one makes the "first call"). */
export const API_NAMES = [
  'fortid-issuer',
  'fortid-verifier',
  'fortid-wallet',
  'govuk-status-list',
  'ishare-dcp',
];

const benchDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const requireFromBench = createRequire(join(benchDir, 'package.json'));

/** The directory of `@credstat/<name>` as the bench package resolves it. */
export const packageDir = (name) =>
  dirname(requireFromBench.resolve(`@credstat/${name}/package.json`));

// Values that satisfy the spec's types: its own examples first.
const UUID = '3f2b8c1e-6d4a-4e8b-9c7d-1a2b3c4d5e6f';
function sample(schema = {}, example) {
  if (example !== undefined) return example;
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (schema.type === 'integer' || schema.type === 'number') return 1;
  if (schema.type === 'boolean') return true;
  if (schema.type === 'array') return [];
  if (schema.format === 'uuid') return UUID;
  return 'x';
}

/**
 * The arguments object of one call: path params by name, required query, a
 * body if required; the spec walked with the generator's own helpers.
 */
function callArgs({ operationsById, parametersOf, resolveRef }, spec, operationId, descriptor) {
  const entry = operationsById(spec)[operationId];
  if (!entry) throw new Error(`operation ${operationId} is not in the package's openapi.json`);
  const args = {};
  const query = {};
  for (const p of parametersOf(spec, entry)) {
    const value = sample(resolveRef(spec, p.schema ?? {}), p.example);
    if (p.in === 'path') args[p.name] = value;
    if (p.in === 'query' && p.required) query[p.name] = value;
  }
  if (Object.keys(query).length) args.query = query;
  const body = entry.operation.requestBody && resolveRef(spec, entry.operation.requestBody);
  if (body?.required && descriptor.requestBody) {
    const media = body.content[descriptor.requestBody.mediaType];
    const example = Object.values(media.examples ?? {})[0];
    args.body = sample(
      resolveRef(spec, media.schema ?? {}),
      example && resolveRef(spec, example).value,
    );
  }
  return args;
}

/** @typedef {{ id: string, args: Record<string, unknown> }} ConsumerOperation */
/**
 * @typedef {{ name: string, alias: string, clientOptions: Record<string, unknown>,
 *   operations: ConsumerOperation[] }} ConsumerApi
 */

/** @type {Record<string, Record<string, string>>} */
const CREDENTIALS = { apiKey: { apiKey: 'key' }, bearer: { token: 'token' } };

/**
 * Everything a consumer file needs about one API: its client options and one
 * call per operation (`{ id, args }`), in the descriptor's order.
 * @param {string} name
 * @returns {Promise<ConsumerApi>}
 */
export async function describeApi(name) {
  const dir = packageDir(name);
  const spec = JSON.parse(readFileSync(join(dir, 'dist', 'openapi.json'), 'utf8'));
  const mod = await import(pathToFileURL(join(dir, 'dist', 'index.js')).href);
  const openapi = await tool('tools/generator/openapi.ts');
  const operations = Object.entries(mod.api.operations).map(([id, descriptor]) => {
    if (typeof mod[id] !== 'function') throw new Error(`@credstat/${name} exports no ${id}()`);
    return { id, args: callArgs(openapi, spec, id, descriptor) };
  });
  const clientOptions = { baseUrl: mod.api.baseUrl, ...CREDENTIALS[mod.api.auth?.type] };
  return { name, alias: name.replaceAll('-', '_'), clientOptions, operations };
}

export const describeApis = () => Promise.all(API_NAMES.map(describeApi));

/**
 * A consumer module: `imports` lists the APIs it imports (createClient and
 * every operation), `clients` those it creates a client of, `calls` the
 * operations it calls as `[apiName, operationId]`.
 * @param {ConsumerApi[]} apis
 * @param {{ imports?: ConsumerApi[], clients?: ConsumerApi[], calls?: [string, string][] }} plan
 */
export function consumerSource(apis, { imports = apis, clients = [], calls = [] }) {
  const byName = new Map(apis.map((api) => [api.name, api]));
  const lines = imports.map((api) => {
    const names = [
      `createClient as ${api.alias}_createClient`,
      ...api.operations.map((op) => `${op.id} as ${api.alias}_${op.id}`),
    ];
    return `import { ${names.join(', ')} } from '@credstat/${api.name}';`;
  });
  for (const api of clients) {
    lines.push(
      `export const ${api.alias}_client = ${api.alias}_createClient(${JSON.stringify(api.clientOptions)});`,
    );
  }
  calls.forEach(([apiName, operationId], index) => {
    const api = byName.get(apiName);
    const op = api.operations.find((o) => o.id === operationId);
    lines.push(
      `export const call${index} = ${api.alias}_${op.id}(${api.alias}_client, ${JSON.stringify(op.args)});`,
    );
  });
  return `${lines.join('\n')}\n`;
}

/**
 * Every operation of every API, as `[apiName, operationId]`.
 * @param {ConsumerApi[]} apis
 * @returns {[string, string][]}
 */
export const everyCall = (apis) =>
  apis.flatMap((api) =>
    api.operations.map((op) => /** @type {[string, string]} */ ([api.name, op.id])),
  );
