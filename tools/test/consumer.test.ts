// The consumer test's own logic: its report, how it checks npm took the
// tarballs, how it makes the CommonJS twins, and what it compares. The real
// proof of the packages is `pnpm test:consumer` itself.
import { describe, expect, it } from 'vitest';
import { loadsPackage } from '../consumer/compile.ts';
import { callableNames } from '../consumer/coverage.ts';
import { consumerEnv } from '../consumer/exec.ts';
import { expectedLines } from '../consumer/expected.ts';
import { tarballLinkProblems } from '../consumer/install.ts';
import { lineMismatch, linesOf, uncalled } from '../consumer/lines.ts';
import {
  failure,
  firstFailure,
  type MatrixRow,
  PASSED,
  renderFailures,
  renderMatrix,
  totals,
} from '../consumer/matrix.ts';
import { commonJsSource, importedPackages, withCommonJsTwins } from '../consumer/project.ts';
import type { OpenApiDocument } from '../generator/openapi.ts';
import { findApi } from '../lib/repo.ts';
import { fixtureEntry } from '../testing/replay.ts';

describe('the matrix', () => {
  const compileFailed = failure('tsc 7.0.2 -p tsconfig.nodenext.json in api-a', 'exited with 2', {
    command: '(cd /tmp/x && tsc -p tsconfig.nodenext.json)',
    output: "src/calls.mts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.",
  });
  const row = (module: string, runtime: string, outcome = PASSED): MatrixRow => ({
    package: '@credstat/api-a',
    module,
    typescript: '7.0.2',
    runtime,
    outcome,
  });
  const rows = [
    row('esm', 'node 20.20.2'),
    row('esm', 'node 22.23.3', compileFailed),
    row('cjs', 'node 22.23.3', compileFailed),
    row('browser', 'chromium'),
  ];

  it('has a row per combination, pass or the failed step, and totals', () => {
    const lines = renderMatrix(rows).split('\n');
    expect(lines[0]).toMatch(/^package\s+module\s+TypeScript\s+runtime\s+result$/);
    expect(lines.slice(2, 6)).toEqual([
      expect.stringMatching(/^@credstat\/api-a\s+esm\s+7\.0\.2\s+node 20\.20\.2\s+pass$/),
      expect.stringMatching(/^@credstat\/api-a\s+esm\s+7\.0\.2\s+node 22\.23\.3\s+FAIL \(tsc 7/),
      expect.stringMatching(/^@credstat\/api-a\s+cjs\s+7\.0\.2\s+node 22\.23\.3\s+FAIL \(tsc 7/),
      expect.stringMatching(/^@credstat\/api-a\s+browser\s+7\.0\.2\s+chromium\s+pass$/),
    ]);
    expect(lines.at(-1)).toBe('4 combinations: 2 passed, 2 failed');
    expect(totals(rows)).toEqual({ passed: 2, failed: 2 });
  });

  it('prints each failure once, with its command and output, however many rows it failed', () => {
    const report = renderFailures(rows);
    expect(report.match(/── FAIL/g)).toHaveLength(1);
    expect(report).toContain('(2 combinations)');
    expect(report).toContain('$ (cd /tmp/x && tsc -p tsconfig.nodenext.json)');
    expect(report).toContain('error TS2322');
    expect(renderFailures([row('esm', 'node 20.20.2')])).toBe('');
  });

  it('one entry for failures that printed the same, listing each command', () => {
    const run = (node: string) =>
      failure(`node ${node} out/main.mjs`, 'printed other lines than expected', {
        command: `(cd /tmp/x && node-${node} out/main.mjs)`,
        output: '- getThing: DONE',
      });
    const report = renderFailures([
      row('esm', 'node 22.23.3', run('22')),
      row('esm', 'node 24.21.0', run('24')),
      row('cjs', 'node 24.21.0', failure('node 24 out/main.cjs', 'exited with 1', { output: 'x' })),
    ]);
    expect(report.match(/── FAIL/g)).toHaveLength(2);
    expect(report).toMatch(
      /── FAIL node 22 out\/main\.mjs: printed other lines than expected \(2 combinations\)\n\$ \(cd \/tmp\/x && node-22 out\/main\.mjs\)\n\$ \(cd \/tmp\/x && node-24 out\/main\.mjs\)\n- getThing: DONE/,
    );
  });

  it("a row's outcome is its first failed step", () => {
    const later = failure('node 22 out/main.mjs', 'exited with 1');
    expect(firstFailure([PASSED, compileFailed, later])).toBe(compileFailed);
    expect(firstFailure([PASSED, PASSED])).toBe(PASSED);
  });
});

describe('tarballLinkProblems', () => {
  const project = '/tmp/run/api-a';
  const expected = new Map([
    ['@credstat/core', '/tmp/run/packs/credstat-core-0.0.0.tgz'],
    ['@credstat/api-a', '/tmp/run/packs/credstat-api-a-0.0.0.tgz'],
  ]);
  const fromTarballs = {
    '': { name: 'consumer' },
    'node_modules/@credstat/core': {
      version: '0.0.0',
      resolved: 'file:../packs/credstat-core-0.0.0.tgz',
    },
    'node_modules/@credstat/api-a': {
      version: '0.0.0',
      resolved: 'file:../packs/credstat-api-a-0.0.0.tgz',
    },
    'node_modules/openapi-fetch': {
      version: '0.17.0',
      resolved: 'https://registry.npmjs.org/openapi-fetch/-/openapi-fetch-0.17.0.tgz',
    },
  };

  it('accepts each @credstat package once, at the top, from its tarball', () => {
    expect(tarballLinkProblems({ packages: fromTarballs }, project, expected)).toEqual([]);
  });

  it('refuses a copy from the registry, a nested copy, a missing one and a stranger', () => {
    const problems = tarballLinkProblems(
      {
        packages: {
          ...fromTarballs,
          'node_modules/@credstat/core': {
            version: '0.0.0',
            resolved: 'https://registry.npmjs.org/@credstat/core/-/core-0.0.0.tgz',
          },
          'node_modules/@credstat/api-a/node_modules/@credstat/core': {
            version: '0.0.0',
            resolved: 'file:../packs/credstat-core-0.0.0.tgz',
          },
          'node_modules/@credstat/api-b': { version: '1.0.0', resolved: 'https://x/api-b.tgz' },
        },
      },
      project,
      expected,
    );
    expect(problems).toEqual([
      expect.stringMatching(/^node_modules\/@credstat\/core: resolved from https:/),
      expect.stringMatching(/a second copy of @credstat\/core/),
      expect.stringMatching(/@credstat\/api-b is not one of this run's tarballs/),
      '@credstat/core is not installed from its tarball',
    ]);
    const { 'node_modules/@credstat/api-a': _, ...withoutApi } = fromTarballs;
    expect(tarballLinkProblems({ packages: withoutApi }, project, expected)).toEqual([
      '@credstat/api-a is not installed from its tarball',
    ]);
  });
});

describe('the CommonJS twins', () => {
  it('name the twins of relative .mjs imports and leave packages alone', () => {
    const source = [
      "import { run } from './calls.mjs';",
      "import type { Log } from '../shared/log.mjs';",
      "import { createClient } from '@credstat/api-a';",
      "const later = await import('./later.mjs');",
      "const text = 'from ./calls.mjs';",
    ].join('\n');
    expect(commonJsSource(source)).toBe(
      [
        "import { run } from './calls.cjs';",
        "import type { Log } from '../shared/log.cjs';",
        "import { createClient } from '@credstat/api-a';",
        "const later = await import('./later.cjs');",
        "const text = 'from ./calls.mjs';",
      ].join('\n'),
    );
  });

  it('adds a .cts beside every .mts but the ESM-only ones', () => {
    const files = withCommonJsTwins(
      { 'src/main.mts': "import './calls.mjs';", 'src/browser.mts': 'x', 'src/a.json': '{}' },
      ['src/browser.mts'],
    );
    expect(Object.keys(files).sort()).toEqual([
      'src/a.json',
      'src/browser.mts',
      'src/main.cts',
      'src/main.mts',
    ]);
    expect(files['src/main.cts']).toBe("import './calls.cjs';");
  });
});

it('importedPackages: package names of bare imports, no builtins or relative paths', () => {
  const source = [
    "import { createClient } from '@credstat/api-a';",
    "import { handlers } from '@credstat/api-b/mock';",
    "import { setupServer } from 'msw/node';",
    "import { generateKeyPair } from 'jose';",
    "import test from 'node:test';",
    "import { run } from './calls.mjs';",
    "import type { X } from '@credstat/api-a/types';",
  ].join('\n');
  expect(importedPackages(source)).toEqual(['@credstat/api-a', '@credstat/api-b', 'jose', 'msw']);
});

describe('lines', () => {
  it('compares printed lines with the expected ones, in order', () => {
    expect(lineMismatch(['a: 1', 'b: 2'], linesOf('a: 1\n\nb: 2  \n'))).toBeUndefined();
    expect(lineMismatch(['a: 1', 'b: 2'], ['a: 1', 'b: 3'])).toMatch(/^- b: 2\n\+ b: 3\n/);
    expect(lineMismatch(['a: 1', 'b: 2'], ['b: 2', 'a: 1'])).toContain('in another order');
    expect(lineMismatch(['a: 1'], ['a: 1', 'a: 1'])).toBeDefined();
  });

  it('finds the operations no line names, as whole words', () => {
    const lines = ['getThing default: DONE', 'waitForThingDone expired: session-expired'];
    expect(uncalled(['getThing', 'waitForThing', 'waitForThingDone'], lines)).toEqual([
      'waitForThing',
    ]);
  });
});

it("callableNames: every operation's function and every wait's waitFor…", () => {
  const document = {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/things/{id}': {
        get: {
          operationId: 'getThing',
          'x-credstat-session': { waits: { thingReady: {}, thingDone: {} } },
          responses: {},
        },
      },
      '/issue': { post: { operationId: 'issueThing', responses: {} } },
    },
  } as unknown as OpenApiDocument;
  expect(callableNames(document)).toEqual([
    'getThing',
    'waitForThingReady',
    'waitForThingDone',
    'issueThing',
  ]);
});

it('loadsPackage: require() in CommonJS output, import in ESM output', () => {
  const cjs = 'const api_a_1 = require("@credstat/api-a");';
  const esm = "import { createClient } from '@credstat/api-a';";
  expect(loadsPackage(cjs, '@credstat/api-a', 'cjs')).toBe(true);
  expect(loadsPackage(esm, '@credstat/api-a', 'esm')).toBe(true);
  expect(loadsPackage(esm, '@credstat/api-a', 'cjs')).toBe(false);
  expect(loadsPackage(cjs, '@credstat/api-a', 'esm')).toBe(false);
  expect(loadsPackage('require("@credstat/api-ab")', '@credstat/api-a', 'cjs')).toBe(false);
});

it("consumerEnv: the machine's npm settings, not the outer pnpm run's, no repo bins on PATH", () => {
  const env = consumerEnv({
    PATH: '/repo/node_modules/.bin:/repo/tools/node_modules/.bin:/usr/local/bin:/usr/bin',
    HOME: '/root',
    HTTPS_PROXY: 'http://proxy:3128',
    npm_config_cache: '/var/cache/npm',
    npm_config_registry: 'https://registry.internal/',
    npm_config_user_agent: 'pnpm/10',
    npm_config_frozen_lockfile: '',
    npm_config_engine_strict: 'true',
    npm_config_globalconfig: '/root/.config/pnpm/rc',
    npm_package_name: 'credstat',
    npm_lifecycle_event: 'test:consumer',
    npm_execpath: '/usr/lib/node_modules/pnpm/bin/pnpm.cjs',
    pnpm_config_verify_deps_before_run: 'false',
    NODE_OPTIONS: '--import tsx',
  });
  expect(env.PATH).toBe('/usr/local/bin:/usr/bin');
  expect(env).toMatchObject({
    HOME: '/root',
    HTTPS_PROXY: 'http://proxy:3128',
    npm_config_cache: '/var/cache/npm',
    npm_config_registry: 'https://registry.internal/',
  });
  for (const key of [
    'npm_config_user_agent',
    'npm_config_frozen_lockfile',
    'npm_config_engine_strict',
    'npm_config_globalconfig',
    'npm_package_name',
    'npm_lifecycle_event',
    'npm_execpath',
    'pnpm_config_verify_deps_before_run',
    'NODE_OPTIONS',
  ])
    expect(env).not.toHaveProperty(key);
});

describe('expected lines', () => {
  it('take a value that comes from a recorded answer from its fixture', () => {
    const [line] = expectedLines(
      'fortid-verifier',
      'failed: {{200-verification-failed.har#description}} ({{200-verification-failed.har#verificationSessionStatus}})\n',
    );
    const recorded = JSON.parse(
      fixtureEntry(findApi('fortid-verifier').fixturesDir, '200-verification-failed.har').response
        .content.text ?? '',
    );
    expect(line).toBe(`failed: ${recorded.description} (${recorded.verificationSessionStatus})`);
  });

  it('refuse a placeholder naming a member the fixture does not have', () => {
    expect(() => expectedLines('fortid-verifier', '{{404-session-not-found.har#nope}}')).toThrow(
      '404-session-not-found.har has no nope in its response body',
    );
  });
});
