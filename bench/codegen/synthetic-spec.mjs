// Synthetic OpenAPI 3.1 specs of exactly N operations, made from our own five
// specs so that the generator sees what it sees in real life: the same schemas,
// sessions, security, examples and recorded fixtures, split into files the way
// specs/* are. Operation k is a copy of real operation k mod 8; copy c of an API
// renames everything it brings (operationIds, paths, components, session and
// wait names, fixture files) with that API's tag and c, so the copies never
// clash and each brings its own components (the cost per operation stays real).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';

/** The APIs in redocly.yaml's order; their bundled specs are committed as openapi.gen.json. */
export const SOURCE_APIS = [
  'fortid-verifier',
  'fortid-issuer',
  'fortid-wallet',
  'ishare-dcp',
  'govuk-status-list',
];

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const COMPONENT_REF = /^#\/components\/(\w+)\/(.+)$/;

/** `fortid-verifier` → `fv`: short and distinct for the five APIs. */
export const tagOf = (api) =>
  api
    .split('-')
    .map((word) => word[0])
    .join('');

/** Each API's bundled spec and fixtures, read once from the repo at `root`. */
export function readSources(root, apis = SOURCE_APIS) {
  return apis.map((api) => ({
    api,
    tag: tagOf(api),
    document: JSON.parse(
      readFileSync(join(root, 'packages', api, 'src/generated/openapi.gen.json'), 'utf8'),
    ),
    fixtures: readFixtures(join(root, 'specs', api, 'fixtures')),
  }));
}

function readFixtures(dir) {
  const files = [];
  for (const [folder, rejected] of [
    [dir, false],
    [join(dir, 'rejected'), true],
  ]) {
    let names = [];
    try {
      names = readdirSync(folder).filter((name) => name.endsWith('.har'));
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      files.push({ name, rejected, har: JSON.parse(readFileSync(join(folder, name), 'utf8')) });
    }
  }
  return files;
}

/** Every operation of the sources, in order: { source, path, method }. */
export function listSourceOperations(sources) {
  return sources.flatMap((source) =>
    Object.entries(source.document.paths ?? {}).flatMap(([path, item]) =>
      HTTP_METHODS.filter((method) => item[method]).map((method) => ({ source, path, method })),
    ),
  );
}

/** The regex an OpenAPI path template matches at the end of a URL's path (as tools/lib/match.ts). */
function templateRegex(template) {
  const pattern = template
    .split(/(\{[^}]+\})/)
    .map((part) =>
      /^\{[^}]+\}$/.test(part) ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`${pattern}$`);
}

/** Every `#/components/<kind>/<name>` that `value` uses, directly or through other components. */
function reachableComponents(document, value) {
  const found = new Set();
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    for (const [key, item] of Object.entries(node)) {
      const refs =
        key === '$ref' ? [item] : key === 'mapping' && item ? Object.values(item) : undefined;
      for (const ref of refs ?? []) {
        const [, kind, name] = (typeof ref === 'string' && COMPONENT_REF.exec(ref)) || [];
        if (!kind || found.has(`${kind}/${name}`)) continue;
        found.add(`${kind}/${name}`);
        visit(document.components?.[kind]?.[name]);
      }
      if (key !== '$ref') visit(item);
    }
  };
  visit(value);
  return [...found].map((key) => key.split(/\/(.*)/s).slice(0, 2));
}

/**
 * A copy of `value` whose component references point at the renamed files,
 * relative to the folder the copy is written in (`from`: 'paths' or a
 * components kind).
 */
function relink(value, rename, from) {
  const fileOf = (ref) => {
    const [, kind, name] = COMPONENT_REF.exec(ref) ?? [];
    if (!kind) return ref;
    const file = `${rename(name)}.yaml`;
    if (from === 'paths') return `../components/${kind}/${file}`;
    return kind === from ? file : `../${kind}/${file}`;
  };
  const walk = (node) => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const out = {};
    for (const [key, item] of Object.entries(node)) {
      if (key === '$ref' && typeof item === 'string') out[key] = fileOf(item);
      else if (key === 'mapping' && item && typeof item === 'object' && !Array.isArray(item))
        out[key] = Object.fromEntries(Object.entries(item).map(([k, ref]) => [k, fileOf(ref)]));
      else out[key] = walk(item);
    }
    return out;
  };
  return walk(value);
}

/** The operation renamed for copy `suffix`; its credential becomes the spec's one bearer scheme, or none. */
function renameOperation(source, operation, suffix) {
  const copy = structuredClone(operation);
  copy.operationId = `${operation.operationId}${suffix}`;
  // One API, one credential: the synthetic spec's bearer scheme stands in for each.
  const requirements = operation.security ?? source.document.security ?? [];
  const none = requirements.length === 0 || requirements.some((r) => Object.keys(r).length === 0);
  if (none) copy.security = [];
  else delete copy.security;
  const session = copy['x-credstat-session'];
  if (session) {
    session.name = `${session.name}${suffix}`;
    session.waits = Object.fromEntries(
      Object.entries(session.waits ?? {}).map(([name, wait]) => [`${name}${suffix}`, wait]),
    );
  }
  return copy;
}

/** The fixture's entries moved under `prefix`, or undefined if one matches no operation taken. */
function moveFixture(har, taken, prefix) {
  const copy = structuredClone(har);
  for (const entry of copy.log.entries) {
    const url = new URL(entry.request.url);
    const route = taken.find(
      ({ method, regex }) =>
        method === entry.request.method.toLowerCase() && regex.test(url.pathname),
    );
    if (!route) return undefined;
    const at = url.pathname.length - (route.regex.exec(url.pathname)?.[0].length ?? 0);
    url.pathname = `${url.pathname.slice(0, at)}${prefix}${url.pathname.slice(at)}`;
    entry.request.url = url.href;
  }
  return copy;
}

/**
 * The files of a synthetic spec with exactly `operations` operations:
 * Map<path relative to the spec folder, contents>. The root is `openapi.yaml`;
 * fixtures go to `fixtures/` (and `fixtures/rejected/`).
 */
export function buildSyntheticSpec(sources, operations) {
  if (!Number.isInteger(operations) || operations < 1)
    throw new Error(`operations must be a positive integer (got ${operations})`);
  const all = listSourceOperations(sources);
  /** (api, copy) → { source, copy, ops: [{ path, method }] } */
  const groups = new Map();
  for (let k = 0; k < operations; k++) {
    const { source, path, method } = all[k % all.length];
    const copy = Math.floor(k / all.length);
    const key = `${source.api} ${copy}`;
    if (!groups.has(key)) groups.set(key, { source, copy, ops: [] });
    groups.get(key).ops.push({ path, method });
  }

  const files = new Map();
  const paths = {};
  const tags = new Map();
  for (const { source, copy, ops } of groups.values()) {
    const { document, tag } = source;
    const suffix = `${tag[0].toUpperCase()}${tag.slice(1)}${copy}`;
    const prefix = `/${tag}${copy}`;
    const rename = (name) => `${name}${suffix}`;
    const items = new Map();
    for (const { path, method } of ops) {
      const item = document.paths[path];
      const { servers, parameters } = item;
      const target = items.get(path) ?? {
        ...(servers ? { servers } : {}),
        ...(parameters ? { parameters } : {}),
      };
      target[method] = renameOperation(source, item[method], suffix);
      items.set(path, target);
      for (const name of item[method].tags ?? []) {
        const known = document.tags?.find((t) => t.name === name);
        tags.set(name, known ?? { name, description: `Operations tagged ${name}.` });
      }
    }
    for (const [path, item] of items) {
      const file = `paths/${tag}${copy}${path.replace(/[{}]/g, '').replace(/\//g, '-')}.yaml`;
      files.set(file, stringify(relink(item, rename, 'paths')));
      paths[`${prefix}${path}`] = { $ref: file };
      for (const [kind, name] of reachableComponents(document, item)) {
        const component = document.components[kind][name];
        files.set(
          `components/${kind}/${rename(name)}.yaml`,
          stringify(relink(component, rename, kind)),
        );
      }
    }
    // Fixtures whose every request is for an operation of this copy.
    const taken = ops.map(({ path, method }) => ({ method, regex: templateRegex(path) }));
    for (const fixture of source.fixtures) {
      const moved = moveFixture(fixture.har, taken, prefix);
      if (!moved) continue;
      const name = fixture.name.replace(/\.har$/, `-${tag}${copy}.har`);
      const folder = fixture.rejected ? 'fixtures/rejected' : 'fixtures';
      files.set(`${folder}/${name}`, `${JSON.stringify(moved, null, 2)}\n`);
    }
  }

  const root = {
    openapi: '3.1.0',
    info: {
      title: `Synthetic spec of ${operations} operations`,
      version: '1.0.0',
      description: 'Built by bench/codegen/synthetic-spec.mjs from the five specs in specs/.',
      license: { name: 'Apache 2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
    },
    servers: [{ url: 'https://synthetic.invalid', description: 'Nowhere: a benchmark input.' }],
    security: [{ bearerAuth: [] }],
    tags: [...tags.values()],
    paths,
    components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
  };
  files.set('openapi.yaml', stringify(root));
  return files;
}

/** Writes `files` (from buildSyntheticSpec) under `dir`; returns the root file's path. */
export function writeSyntheticSpec(dir, files) {
  for (const [path, contents] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), contents);
  }
  return join(dir, 'openapi.yaml');
}
