// `pnpm test:consumer`, start to end: pack, install the toolchain, then every
// API's project and each msw line's project side by side; returns the rows.
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { listApis } from '../lib/repo.ts';
import { launchChromium } from '../testing/browser.ts';
import { apiProjectRows } from './api-project.ts';
import { servePages } from './browser.ts';
import type { RunContext } from './context.ts';
import { runCommand } from './exec.ts';
import type { MatrixRow } from './matrix.ts';
import { mswProjectRows } from './msw-project.ts';
import { packPackage, publicPackages } from './pack.ts';
import { pool } from './pool.ts';
import { installToolchain } from './toolchain.ts';
import { mswLines } from './versions.ts';

export interface RunOptions {
  /** An empty folder for this run's projects, tarballs and toolchain. */
  root: string;
  /** Only these APIs (default: all); a selection leaves the msw leg out. */
  apis?: readonly string[];
  note(line: string): void;
}

export interface RunReport {
  rows: MatrixRow[];
  /** What ran on what: versions of npm, TypeScript, Node and Chromium, and the tarballs. */
  header: string[];
}

export async function runConsumerTests(options: RunOptions): Promise<RunReport> {
  const { root } = options;
  const packsDir = join(root, 'packs');
  mkdirSync(packsDir);
  const packages = publicPackages();
  const apiNames = new Set(listApis().map((api) => api.name));
  const isApi = (dir: string) => apiNames.has(basename(dir));
  const selected = packages.filter(
    (pkg) => isApi(pkg.dir) && (!options.apis?.length || options.apis.includes(basename(pkg.dir))),
  );
  const installs = pool(3);
  let browser: Promise<Browser> | undefined;
  const bundles = new Map<string, string>();
  const pages = await servePages(bundles);

  const context: RunContext = {
    root,
    cpu: pool(Math.max(2, availableParallelism())),
    installs,
    packs: Promise.all(packages.map((pkg) => packPackage(pkg, packsDir))),
    shared: packages.filter((pkg) => !isApi(pkg.dir)),
    toolchain: installs(() => installToolchain(join(root, 'toolchain'))),
    browser: () => {
      browser ??= launchChromium();
      return browser;
    },
    bundles,
    pagesOrigin: pages.origin,
    note: options.note,
  };
  context.packs.then((packs) =>
    options.note(`packed ${packs.filter((pack) => pack.tarball).length} of ${packs.length}`),
  );
  context.toolchain.then(({ outcome }) =>
    options.note(outcome.ok ? 'installed the toolchain' : 'FAILED to install the toolchain'),
  );

  const selectedNames = new Set(selected.map((pkg) => pkg.name));
  try {
    const groups = await Promise.all([
      ...selected.map((pkg) => apiProjectRows(context, pkg)),
      ...(!options.apis?.length ? mswLines().map((msw) => mswProjectRows(context, msw)) : []),
    ]);
    const header = await describe(context, selectedNames, browser);
    return { rows: groups.flat(), header };
  } finally {
    await (await browser?.catch(() => undefined))?.close();
    await pages.close();
  }
}

async function describe(
  context: RunContext,
  selected: ReadonlySet<string>,
  browser: Promise<Browser> | undefined,
): Promise<string[]> {
  const npm = await runCommand('npm', ['--version'], { cwd: context.root });
  const { toolchain } = await context.toolchain;
  const packs = await context.packs;
  const chromium = await browser?.then((b) => b.version()).catch(() => undefined);
  return [
    `packed with pnpm pack: ${packs
      .filter((pack) => selected.has(pack.pkg.name) || context.shared.includes(pack.pkg))
      .map((pack) => `${pack.pkg.name}@${pack.pkg.version}`)
      .join(', ')}`,
    `installed with npm ${npm.stdout.trim()} into fresh projects under ${context.root}`,
    `TypeScript ${toolchain?.typescripts.map((ts) => ts.version).join(' and ') ?? '(not installed)'}; ` +
      `Node ${toolchain?.nodes.map((node) => node.version).join(', ') ?? '(not installed)'}; ` +
      `Chromium ${chromium ?? '(not run)'}`,
  ];
}
