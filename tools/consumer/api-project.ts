// One API package's consumer: a fresh project with the API's and core's
// tarballs, its consumer code compiled as ESM and CommonJS by each TypeScript
// and run on each Node line against `credstat-mock`, and type-checked for a
// bundler, bundled and run in Chromium against the same mock.
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { CHROMIUM } from '../testing/browser.ts';
import { bundleForBrowser, runPage } from './browser.ts';
import { compile, emitOutcome } from './compile.ts';
import { dependenciesOf, type RunContext, slots } from './context.ts';
import { coverageOutcome } from './coverage.ts';
import { expectedLines } from './expected.ts';
import { installChecked } from './install.ts';
import { lineMismatch } from './lines.ts';
import { failure, firstFailure, type MatrixRow, type Outcome, PASSED } from './matrix.ts';
import { type MockServer, startMock } from './mock-server.ts';
import { runConsumer } from './node-run.ts';
import type { PublicPackage } from './pack.ts';
import { fixturesDir, manifest, readFixture, withCommonJsTwins, writeProject } from './project.ts';
import { bundlerConfig, nodenextConfig } from './tsconfig.ts';

/** How many pending answers the mock gives before a session's terminal one. */
const POLLS = 1;

const SYSTEMS = [
  { module: 'esm', main: 'main.mjs' },
  { module: 'cjs', main: 'main.cjs' },
] as const;

/** The browser entry: bundled, never compiled for Node (it reads `window`). */
const BROWSER_ENTRY = 'src/browser.mts';

export async function apiProjectRows(
  context: RunContext,
  pkg: PublicPackage,
): Promise<MatrixRow[]> {
  const api = basename(pkg.dir);
  const dir = join(context.root, api);
  const rows: Promise<MatrixRow>[] = [];
  const prepared = prepare(context, pkg, api, dir);
  const row = (
    module: string,
    typescript: string,
    runtime: string,
    outcomes: Promise<Outcome[]>,
  ): void => {
    rows.push(
      Promise.all([outcomes, prepared]).then(([list, { coverage }]) => ({
        package: pkg.name,
        module,
        typescript,
        runtime,
        // What ran comes first; a consumer that skips an operation fails every row too.
        outcome: firstFailure([...list, coverage]),
      })),
    );
  };

  const toolchain = await context.toolchain;
  const { typescripts, nodes } = slots(toolchain.toolchain);
  // The mock serves every run of this API; each run uses session ids of its own.
  const mock = prepared.then(async ({ outcome }) =>
    outcome.ok ? startMock(dir, [api], { polls: POLLS }) : outcome,
  );
  const bundle = prepared.then(async ({ outcome }) =>
    outcome.ok ? bundleForBrowser(dir, BROWSER_ENTRY) : { outcome },
  );

  // One page per API; each TypeScript's bundler type-check is a row of its own.
  const page = Promise.all([prepared, bundle, mock]).then(
    async ([{ outcome, expected }, bundled, server]): Promise<Outcome[]> => {
      const before = [outcome, 'code' in bundled ? PASSED : bundled.outcome, serverOutcome(server)];
      if (!firstFailure(before).ok || !('code' in bundled) || !isServer(server)) return before;
      return [await pageOutcome(context, api, bundled.code, server, expected)];
    },
  );

  for (const { line, label, ts } of typescripts) {
    const outDir = `out/ts-${line}`;
    const nodenext = prepared.then(async ({ outcome }): Promise<Outcome[]> => {
      if (!outcome.ok || !toolchain.outcome.ok || !ts) return [outcome, toolchain.outcome];
      const compiled = await context.cpu(() => compile(ts, dir, 'tsconfig.nodenext.json', outDir));
      if (!compiled.ok) return [compiled];
      return [emitOutcome(`TypeScript ${ts.version} emit`, join(dir, outDir), 'calls', pkg.name)];
    });
    const bundler = prepared.then(async ({ outcome }): Promise<Outcome[]> => {
      if (!outcome.ok || !toolchain.outcome.ok || !ts) return [outcome, toolchain.outcome];
      return [await context.cpu(() => compile(ts, dir, 'tsconfig.bundler.json'))];
    });

    for (const { module, main } of SYSTEMS) {
      for (const { label: runtime, node } of nodes) {
        row(
          module,
          label,
          runtime,
          Promise.all([prepared, nodenext, mock]).then(
            async ([{ outcome, expected }, compiled, server]): Promise<Outcome[]> => {
              const before = [outcome, ...compiled, serverOutcome(server)];
              if (!firstFailure(before).ok || !node || !isServer(server)) return before;
              const ran = await context.cpu(() =>
                runConsumer(node, dir, join(outDir, main), server.url, expected),
              );
              return [withMockOutput(ran, server)];
            },
          ),
        );
      }
    }

    row(
      'browser',
      label,
      'chromium',
      Promise.all([bundler, page]).then(([checked, ran]) => [...checked, ...ran]),
    );
  }

  const done = await Promise.all(rows);
  const server = await mock;
  if (isServer(server)) await server.stop();
  return done;
}

interface Prepared {
  /** Writing and installing the project. */
  outcome: Outcome;
  /** The lines the consumer code must print. */
  expected: string[];
  /** Whether those lines name every operation and wait of the package. */
  coverage: Outcome;
}

/** Writes the project, installs it, and checks the consumer code calls every operation. */
async function prepare(
  context: RunContext,
  pkg: PublicPackage,
  api: string,
  dir: string,
): Promise<Prepared> {
  if (!existsSync(join(fixturesDir, api, 'calls.mts'))) {
    const none = failure(
      `consumer code of ${pkg.name}`,
      `there is none: write tools/consumer/fixtures/${api}/calls.mts and expected.txt`,
    );
    return { outcome: none, expected: [], coverage: none };
  }
  const expected = expectedLines(api, readFixture(api, 'expected.txt'));
  const sources = withCommonJsTwins(
    {
      'src/calls.mts': readFixture(api, 'calls.mts'),
      'src/main.mts': readFixture('shared', 'main.mts'),
      [BROWSER_ENTRY]: readFixture('shared', 'browser.mts'),
    },
    [BROWSER_ENTRY],
  );
  writeProject(dir, {
    'package.json': manifest(`consumer-of-${api}`),
    ...sources,
    'tsconfig.nodenext.json': nodenextConfig(
      Object.keys(sources).filter((path) => path !== BROWSER_ENTRY),
    ),
    'tsconfig.bundler.json': bundlerConfig(['src/calls.mts', BROWSER_ENTRY]),
  });
  const dependencies = await dependenciesOf(context, Object.values(sources));
  if (!dependencies.outcome.ok)
    return { outcome: dependencies.outcome, expected, coverage: dependencies.outcome };
  const installed = await context.installs(() =>
    installChecked(`npm install in ${api}`, dir, dependencies.specs, dependencies.tarballs),
  );
  context.note(`${installed.ok ? 'installed' : 'FAILED to install'} ${api}`);
  if (!installed.ok) return { outcome: installed, expected, coverage: installed };
  return { outcome: installed, expected, coverage: coverageOutcome(dir, pkg.name, expected) };
}

function isServer(server: MockServer | Outcome): server is MockServer {
  return 'url' in server;
}

function serverOutcome(server: MockServer | Outcome): Outcome {
  return isServer(server) ? PASSED : server;
}

/** A failed run shows what the mock said too. */
function withMockOutput(outcome: Outcome, server: MockServer): Outcome {
  if (outcome.ok) return outcome;
  return {
    ...outcome,
    output: `${outcome.output ?? ''}\n── credstat-mock said:\n${server.output()}`,
  };
}

async function pageOutcome(
  context: RunContext,
  api: string,
  code: string,
  server: MockServer,
  expected: readonly string[],
): Promise<Outcome> {
  context.bundles.set(api, code);
  const url = `${context.pagesOrigin}/${api}/?mock=${encodeURIComponent(server.url)}`;
  const step = `the ${api} page in Chromium`;
  let browser: Browser;
  try {
    browser = await context.browser();
  } catch (error) {
    return failure(`Chromium at ${CHROMIUM}`, 'did not start', { output: String(error) });
  }
  const page = await runPage(browser, url, server.url);
  if (page.error !== undefined)
    return failure(step, 'the consumer code failed', {
      command: url,
      output: [page.error, ...page.consoleErrors, '', ...page.lines].join('\n'),
    });
  if (page.consoleErrors.length > 0)
    return failure(step, 'console errors', { command: url, output: page.consoleErrors.join('\n') });
  const mismatch = lineMismatch(expected, page.lines);
  return mismatch
    ? failure(step, 'printed other lines than expected', { command: url, output: mismatch })
    : PASSED;
}
