// The `./mock` leg: a test file a user would write (node:test), using only
// two packages' published `./mock` handlers with msw's `setupServer`, in a
// project of its own per msw major, compiled by each TypeScript and run with
// `node --test` on the Node lines that msw major supports. No mock server and
// no network: the test's last handler fails any request the mocks leave.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from './compile.ts';
import { dependenciesOf, type RunContext, slots } from './context.ts';
import { installChecked } from './install.ts';
import { firstFailure, type MatrixRow, type Outcome } from './matrix.ts';
import { runNodeTest } from './node-run.ts';
import { importedPackages, manifest, readFixture, writeProject } from './project.ts';
import { nodenextConfig } from './tsconfig.ts';
import type { MswLine } from './versions.ts';

const TEST_FILE = 'mock.test.mts';

export async function mswProjectRows(context: RunContext, msw: MswLine): Promise<MatrixRow[]> {
  const major = msw.spec.replace(/^msw@/, '').split('.')[0];
  const dir = join(context.root, `msw-${major}`);
  const source = readFixture('msw', TEST_FILE);
  const apis = importedPackages(source)
    .filter((name) => name.startsWith('@credstat/'))
    .map((name) => name.replace('@credstat/', ''));
  const packages = `@credstat/{${apis.join(',')}}/mock`;

  const prepared = (async (): Promise<{ outcome: Outcome; version: string }> => {
    writeProject(dir, {
      'package.json': manifest(`consumer-of-mocks-msw-${major}`),
      [`src/${TEST_FILE}`]: source,
      // msw's own declarations name DOM types (its docs ask for the `dom` lib).
      'tsconfig.nodenext.json': nodenextConfig([`src/${TEST_FILE}`], { dom: true }),
    });
    const dependencies = await dependenciesOf(context, [source], { msw: msw.spec });
    if (!dependencies.outcome.ok) return { outcome: dependencies.outcome, version: msw.spec };
    const installed = await context.installs(() =>
      installChecked(`npm install in msw-${major}`, dir, dependencies.specs, dependencies.tarballs),
    );
    context.note(`${installed.ok ? 'installed' : 'FAILED to install'} msw-${major}`);
    return { outcome: installed, version: installedVersion(dir, 'msw') ?? msw.spec };
  })();

  const toolchain = await context.toolchain;
  const { typescripts, nodes } = slots(toolchain.toolchain);
  const { version } = await prepared;
  const rows: Promise<MatrixRow>[] = [];
  for (const { line, label, ts } of typescripts) {
    const outDir = `out/ts-${line}`;
    const compiled = prepared.then(async ({ outcome }): Promise<Outcome[]> => {
      if (!outcome.ok || !toolchain.outcome.ok || !ts) return [outcome, toolchain.outcome];
      return [await context.cpu(() => compile(ts, dir, 'tsconfig.nodenext.json', outDir))];
    });
    for (const { major: nodeMajor, label: runtime, node } of nodes) {
      if (!msw.nodes.includes(nodeMajor)) continue;
      rows.push(
        compiled.then(async (before) => ({
          package: packages,
          module: `esm, msw ${version}`,
          typescript: label,
          runtime,
          outcome: firstFailure(
            !firstFailure(before).ok || !node
              ? before
              : [
                  await context.cpu(() =>
                    runNodeTest(node, dir, join(outDir, TEST_FILE.replace(/\.mts$/, '.mjs'))),
                  ),
                ],
          ),
        })),
      );
    }
  }
  return Promise.all(rows);
}

function installedVersion(dir: string, name: string): string | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8'))
      .version;
  } catch {
    return undefined;
  }
}
