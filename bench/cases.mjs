// The client cases: each is one GET of a session status that resolves with the
// parsed body. Workspace packages are resolved from packages/fortid-verifier,
// the package that depends on them, so the root package.json needs no entries.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CASE_NAMES = [
  'raw',
  'openapi-fetch',
  'credstat',
  'credstat-novalidate',
  'credstat-undici',
];

const SESSION_ID = '497f6eca-6276-4993-bfeb-53cbbbba6f08';
const PATH = '/verification-session/status/{verificationSessionId}';
const params = { path: { verificationSessionId: SESSION_ID } };

const CONDITIONS = new Set(['import', 'node', 'default']);

function pickTarget(target, subpathMatch) {
  if (typeof target === 'string') return target.replaceAll('*', subpathMatch ?? '*');
  if (Array.isArray(target)) {
    for (const t of target) {
      const found = pickTarget(t, subpathMatch);
      if (found) return found;
    }
    return undefined;
  }
  if (target && typeof target === 'object') {
    for (const [condition, value] of Object.entries(target)) {
      if (!CONDITIONS.has(condition)) continue;
      const found = pickTarget(value, subpathMatch);
      if (found) return found;
    }
  }
  return undefined;
}

function notExported(name, subpath) {
  return Object.assign(new Error(`${name} does not export '${subpath}'`), {
    code: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
  });
}

/**
 * Resolves `specifier` the way an ES module inside `fromDir` would (the
 * "import" condition, which require.resolve cannot ask for): finds the package
 * by Node's node_modules walk (or a self-reference), then applies its exports.
 */
export function resolveEsm(specifier, fromDir) {
  const parts = specifier.split('/');
  const name = parts.slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
  const subpath = ['.', ...parts.slice(name.split('/').length)].join('/');
  let pkgFile;
  const own = join(fromDir, 'package.json');
  if (existsSync(own) && JSON.parse(readFileSync(own, 'utf8')).name === name) pkgFile = own;
  for (let dir = fromDir; !pkgFile; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(candidate)) pkgFile = candidate;
    else if (dirname(dir) === dir) throw new Error(`cannot find package ${name} from ${fromDir}`);
  }
  const pkgDir = dirname(realpathSync(pkgFile));
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  let target;
  if (pkg.exports === undefined) {
    target = subpath === '.' ? (pkg.main ?? 'index.js') : subpath;
  } else {
    const exports =
      typeof pkg.exports === 'string' ||
      Array.isArray(pkg.exports) ||
      !Object.keys(pkg.exports).every((k) => k.startsWith('.'))
        ? { '.': pkg.exports }
        : pkg.exports;
    if (subpath in exports) target = pickTarget(exports[subpath]);
    else {
      for (const [key, value] of Object.entries(exports)) {
        const star = key.indexOf('*');
        if (star < 0) continue;
        const [prefix, suffix] = [key.slice(0, star), key.slice(star + 1)];
        if (subpath.startsWith(prefix) && subpath.endsWith(suffix)) {
          const match = subpath.slice(prefix.length, subpath.length - suffix.length);
          target = pickTarget(value, match);
          if (target) break;
        }
      }
    }
    if (!target) throw notExported(name, subpath);
  }
  return join(pkgDir, target);
}

/** import() of a package as packages/fortid-verifier would see it under `root`. */
export function importerFor(root) {
  const fromDir = join(root, 'packages', 'fortid-verifier');
  return async (specifier) => import(pathToFileURL(resolveEsm(specifier, fromDir)).href);
}

function short(error) {
  const code = error?.code ? `${error.code}: ` : '';
  return `${code}${String(error?.message ?? error).split('\n')[0]}`;
}

/**
 * Builds the cases named in `only` (default: all). Returns { cases, skipped,
 * close }: `skipped` lists { name, reason } for cases that cannot run here.
 */
export async function loadCases({ root, baseUrl, only = CASE_NAMES }) {
  const load = importerFor(root);
  const { default: createOpenapiClient } = await load('openapi-fetch');
  const verifier = await load('@credstat/fortid-verifier');
  const url = `${baseUrl}/verification-session/status/${SESSION_ID}`;
  const closers = [];
  const skipped = [];

  const viaClient = (client) => async () => {
    const { data, error } = await client.GET(PATH, { params });
    if (error !== undefined) throw new Error(`GET failed: ${JSON.stringify(error)}`);
    return data;
  };

  const builders = {
    raw: async () => async () => {
      const res = await fetch(url);
      return res.json();
    },
    'openapi-fetch': async () => viaClient(createOpenapiClient({ baseUrl })),
    credstat: async () => viaClient(verifier.createClient({ apiKey: 'bench-key', baseUrl })),
    'credstat-novalidate': async () =>
      viaClient(verifier.createClient({ apiKey: 'bench-key', baseUrl, validateResponses: false })),
    'credstat-undici': async () => {
      const { undiciTransport } = await load('@credstat/core/undici');
      if (typeof undiciTransport !== 'function') {
        throw new Error('@credstat/core/undici has no undiciTransport export');
      }
      const transport = undiciTransport();
      if (typeof transport?.close === 'function') closers.push(() => transport.close());
      return viaClient(verifier.createClient({ apiKey: 'bench-key', baseUrl, transport }));
    },
  };

  const cases = [];
  for (const name of only) {
    const build = builders[name];
    if (!build) throw new Error(`unknown case ${name}; known: ${CASE_NAMES.join(', ')}`);
    try {
      const call = await build();
      const body = await call();
      if (
        body?.verificationSessionStatus !== 'VERIFICATION_SUCCEEDED' ||
        body?.presentedClaims?.given_name !== 'Jane'
      ) {
        throw new Error(`unexpected body: ${JSON.stringify(body)}`);
      }
      cases.push({ name, call });
    } catch (error) {
      skipped.push({ name, reason: short(error) });
    }
  }
  return {
    cases,
    skipped,
    close: async () => {
      for (const close of closers) await close();
    },
  };
}
