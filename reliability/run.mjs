// `pnpm test:reliability [--runs N]`: the reliability suite, then its figures.
// At the default runs (1,000 per schema or operation, what `pnpm test` runs and
// checks the README against) it rewrites the README's reliability section; a
// longer local run (`--runs 100000`) prints its figures and leaves the README.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === '--'));
const { values } = parseArgs({ args: argv, options: { runs: { type: 'string' } } });
if (values.runs !== undefined && !/^[1-9]\d*$/.test(values.runs)) {
  console.error(`--runs takes a positive integer, got ${values.runs}`);
  process.exit(2);
}
const env = { ...process.env, ...(values.runs ? { RELIABILITY_RUNS: values.runs } : {}) };
// vitest's bin (its exports do not list it).
const vitest = join(
  dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
  'vitest.mjs',
);
const suite = spawnSync(process.execPath, [vitest, 'run'], { cwd: here, env, stdio: 'inherit' });
if (suite.status !== 0) process.exit(suite.status ?? 1);
// Only a default run is what `pnpm test` checks the README against.
const mode = values.runs === undefined ? '--write' : '--print';
const report = spawnSync(process.execPath, ['report.mjs', mode], {
  cwd: here,
  stdio: 'inherit',
});
process.exit(report.status ?? 1);
