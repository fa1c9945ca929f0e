// A release, rehearsed for real: the working tree as a repo of its own, its
// pending changesets applied (`pnpm version-packages`), then `pnpm release`
// (build, packaging checks, `changeset publish`) to a local Verdaccio on
// 127.0.0.1. A fresh project installs the published packages from it and imports
// them in Node, and what was published passes publint and attw. Verdaccio serves
// @credstat/* itself and proxies everything else to the public registry.
import { type ChildProcess, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import {
  checkout,
  commitAll,
  env,
  ok,
  run,
  scratchRepo,
  stop,
  stopAll,
} from '../release/scratch.ts';
import { freePort } from '../testing/local-server.ts';
import { sequence } from '../testing/steps.ts';

const PNPM = ['--yes', 'pnpm@10.34.9'];
const STEP_TIMEOUT = 300_000;
const bin = (name: string) => join(checkout, 'tools', 'node_modules', '.bin', name);
const verdaccioBin = join(
  dirname(createRequire(import.meta.url).resolve('verdaccio/package.json')),
  'bin',
  'verdaccio',
);

let root: string;
let repo: string;
let consumer: string;
let registry: string;
let verdaccio: ChildProcess | undefined;
/** Every package `changeset publish` publishes, by directory. */
let packages: { dir: string; name: string }[] = [];

const pnpm = (cwd: string, ...args: string[]) =>
  ok(cwd, 'npx', [...PNPM, ...args], { timeout: STEP_TIMEOUT });
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

const step = sequence(STEP_TIMEOUT);

async function startVerdaccio(dir: string): Promise<string> {
  const port = await freePort();
  mkdirSync(dir, { recursive: true });
  const config = join(dir, 'config.yaml');
  writeFileSync(
    config,
    [
      `storage: ${join(dir, 'storage')}`,
      'auth:',
      '  htpasswd:',
      `    file: ${join(dir, 'htpasswd')}`,
      '    max_users: -1',
      'uplinks:',
      '  npmjs:',
      '    url: https://registry.npmjs.org/',
      // A loaded machine is slow, not offline: never mark the uplink down.
      '    timeout: 120s',
      '    max_fails: 50',
      '    fail_timeout: 1s',
      'packages:',
      // Ours are published here, by anyone, and never looked up upstream.
      "  '@credstat/*':",
      '    access: $all',
      '    publish: $all',
      '    unpublish: $all',
      "  '**':",
      '    access: $all',
      '    proxy: npmjs',
      'web:',
      '  enable: false',
      'log: { type: stdout, format: pretty, level: warn }',
      '',
    ].join('\n'),
  );
  const url = `http://127.0.0.1:${port}/`;
  verdaccio = spawn(
    process.execPath,
    [verdaccioBin, '--config', config, '--listen', `127.0.0.1:${port}`],
    { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let log = '';
  verdaccio.stdout?.on('data', (chunk) => {
    log += chunk;
  });
  verdaccio.stderr?.on('data', (chunk) => {
    log += chunk;
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (verdaccio.exitCode !== null) throw new Error(`verdaccio exited:\n${log}`);
    try {
      if ((await fetch(`${url}-/ping`)).ok) return url;
    } catch {
      // Not listening yet.
    }
    await new Promise((wait) => setTimeout(wait, 200));
  }
  throw new Error(`verdaccio did not answer on ${url} within 30s:\n${log}`);
}

/** The registry's document for a package (its versions, their package.json and tarball). */
async function packument(name: string): Promise<{
  versions: Record<string, { dependencies?: Record<string, string>; dist: { tarball: string } }>;
  'dist-tags': Record<string, string>;
}> {
  const response = await fetch(`${registry}${name.replace('/', '%2f')}`);
  expect(response.status, `${name} on the local registry`).toBe(200);
  return (await response.json()) as never;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'credstat-release-rehearsal-'));
  repo = join(root, 'repo');
  consumer = join(root, 'consumer');
});

afterAll(() => {
  if (verdaccio) stop(verdaccio);
  stopAll();
  rmSync(root, { recursive: true, force: true });
}, 120_000);

describe('release rehearsal', () => {
  step('the working tree as a repo of its own, installed from its lockfile', async () => {
    scratchRepo(repo);
    packages = readdirSync(join(repo, 'packages'))
      .map((entry) => join(repo, 'packages', entry))
      .filter((dir) => existsSync(join(dir, 'package.json')))
      .map((dir) => ({ dir, json: readJson(join(dir, 'package.json')) }))
      .filter(({ json }) => !json.private)
      .map(({ dir, json }) => ({ dir, name: json.name as string }));
    expect(packages.map((pkg) => pkg.name)).toContain('@credstat/core');
    await pnpm(repo, 'install', '--frozen-lockfile', '--prefer-offline');
  });

  // Never released, every package is at 0.0.0 and its pending changesets make its
  // first release 0.1.0 (README, "Releasing"), however many there are.
  step('`pnpm version-packages`: 0.1.0 for all, changelogs, dependents updated', async () => {
    await pnpm(repo, 'version-packages');
    const left = readdirSync(join(repo, '.changeset')).filter((file) => file !== 'README.md');
    expect(left).toEqual(['config.json']);
    for (const { dir, name } of packages) {
      const json = readJson(join(dir, 'package.json'));
      expect(json.version, name).toBe('0.1.0');
      const changelog = readFileSync(join(dir, 'CHANGELOG.md'), 'utf8');
      expect(changelog, name).toMatch(
        new RegExp(`^# ${name}\\n\\n## 0\\.1\\.0\\n\\n### Minor Changes\\n`),
      );
      // One release, whatever number of changesets it collects: no 0.2.0, no 0.0.1.
      expect(changelog.match(/^## /gm), name).toHaveLength(1);
      if (name === '@credstat/core') continue;
      // Internal dependents keep the workspace range and say what they were bumped with.
      expect(json.dependencies['@credstat/core'], name).toBe('workspace:^');
      expect(changelog, name).toContain('\n### Patch Changes\n\n');
      expect(changelog, name).toMatch(
        /\n- Updated dependencies(?: \[[0-9a-f]+\])?\n {2}- @credstat\/core@0\.1\.0\n/,
      );
    }
    commitAll(repo, 'Version packages');
  });

  step('`pnpm release` publishes every package to the local registry', async () => {
    registry = await startVerdaccio(join(root, 'verdaccio'));
    const host = registry.replace(/^http:/, '');
    writeFileSync(
      join(repo, '.npmrc'),
      `${readFileSync(join(repo, '.npmrc'), 'utf8')}@credstat:registry=${registry}\n${host}:_authToken=rehearsal\n`,
    );
    const output = await pnpm(repo, 'release');
    for (const { name } of packages) {
      expect(output).toContain(`${name}@0.1.0`);
      const published = await packument(name);
      expect(published['dist-tags'].latest, name).toBe('0.1.0');
      expect(published.versions['0.1.0']?.dist.tarball, name).toContain(registry);
    }
  });

  step('a fresh project installs them from it and imports them in Node', async () => {
    mkdirSync(consumer);
    writeFileSync(join(consumer, '.npmrc'), `registry=${registry}\n`);
    const npmEnv = { env: { npm_config_cache: join(root, 'npm-cache') }, timeout: STEP_TIMEOUT };
    await ok(consumer, 'npm', ['init', '-y'], npmEnv);
    // Everything but @credstat/* comes through Verdaccio's uplink to the public
    // registry, with the machine's proxy and CA (turbo passes them through).
    const install = ['install', '--no-audit', '--no-fund', ...packages.map(({ name }) => name)];
    const attempt = await run(consumer, 'npm', install, npmEnv);
    const hint =
      'a 404 here usually means Verdaccio could not reach the public registry (proxy or CA: NODE_EXTRA_CA_CERTS, HTTPS_PROXY)';
    expect(attempt.code, `${hint}\n${attempt.output.slice(-4000)}`).toBe(0);
    const names = JSON.stringify(packages.map(({ name }) => name));
    const imported = await ok(consumer, process.execPath, [
      '--input-type=module',
      '-e',
      `for (const name of ${names}) { const m = await import(name); console.log(name, Object.keys(m).length, typeof (m.createClient ?? m.isCredstatError)); }`,
    ]);
    for (const { name } of packages)
      expect(imported).toMatch(new RegExp(`^${name} \\d+ function$`, 'm'));
  });

  step('what was published names real versions: no workspace: or catalog: range', async () => {
    for (const { name } of packages) {
      const installed = readJson(
        join(consumer, 'node_modules', ...name.split('/'), 'package.json'),
      );
      expect(installed.version, name).toBe('0.1.0');
      expect(JSON.stringify(installed), name).not.toMatch(/"(?:workspace|catalog):/);
      const published = (await packument(name)).versions['0.1.0'];
      expect(JSON.stringify(published), name).not.toMatch(/"(?:workspace|catalog):/);
      if (name !== '@credstat/core') {
        expect(installed.dependencies['@credstat/core'], name).toBe('^0.1.0');
        expect(published?.dependencies?.['@credstat/core'], name).toBe('^0.1.0');
      }
    }
  });

  step('publint and attw pass on the published tarballs', async () => {
    const tarballs = join(root, 'tarballs');
    mkdirSync(tarballs);
    const npmEnv = { env: { npm_config_cache: join(root, 'npm-cache') } };
    await ok(
      consumer,
      'npm',
      ['pack', '--pack-destination', tarballs, ...packages.map(({ name }) => `${name}@0.1.0`)],
      npmEnv,
    );
    const files = readdirSync(tarballs).filter((file) => file.endsWith('.tgz'));
    expect(files).toHaveLength(packages.length);
    await Promise.all(
      files.flatMap((file) => [
        ok(root, bin('publint'), ['run', join(tarballs, file), '--strict']),
        ok(root, bin('attw'), [join(tarballs, file), '--profile', 'esm-only', '--format', 'ascii']),
      ]),
    );
  });
});
