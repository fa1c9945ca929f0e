// credstat-consumer-test [api…] [--keep] [--timings] (`pnpm test:consumer`, after a build):
// installs the packed packages into fresh npm projects and runs consumer code
// on every TypeScript, module system, Node line and in Chromium. Prints the
// matrix of what ran; exits 1 if anything failed, with the failing output.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { listApis } from '../lib/repo.ts';
import { finished, killAll } from './exec.ts';
import { renderFailures, renderMatrix, totals } from './matrix.ts';
import { runConsumerTests } from './run.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    keep: { type: 'boolean', default: false },
    timings: { type: 'boolean', default: false },
  },
});

const known = listApis().map((api) => api.name);
const unknown = positionals.filter((name) => !known.includes(name));
if (unknown.length > 0) {
  console.error(
    `credstat-consumer-test: no API named ${unknown.join(', ')} (APIs: ${known.join(', ')})`,
  );
  process.exit(2);
}

const started = performance.now();
const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)}s`;
const root = mkdtempSync(join(tmpdir(), 'credstat-consumer-'));
const cleanUp = () => {
  killAll();
  if (values.keep) console.log(`\nkept ${root}`);
  else rmSync(root, { recursive: true, force: true });
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    cleanUp();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

let failed = 1;
try {
  const report = await runConsumerTests({
    root,
    apis: positionals,
    note: (line) => console.log(`[${seconds()}] ${line}`),
  });
  console.log(`\n${report.header.join('\n')}\n`);
  console.log(renderMatrix(report.rows));
  failed = report.rows.length === 0 ? 1 : totals(report.rows).failed;
  if (failed > 0) console.log(`\n${renderFailures(report.rows)}`);
} finally {
  cleanUp();
}
if (values.timings) {
  console.log('\nslowest commands:');
  for (const { command, ms } of finished.sort((a, b) => b.ms - a.ms).slice(0, 20))
    console.log(`${(ms / 1000).toFixed(1).padStart(6)}s  ${command}`);
}
console.log(`\nthe consumer test took ${seconds()}`);
process.exit(failed > 0 ? 1 : 0);
