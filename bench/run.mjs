// `pnpm bench`: runs every suite in bench/suites/, prints each figure, merges
// them into bench/results.json and renders BENCHMARKS.md's results and chart
// from that file. See BENCHMARKS.md.
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { RESULTS_FILE, writeResults } from './harness.mjs';
import { printFigures, renderReport } from './report.mjs';
import * as client from './suites/client.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

// The order they run in: the deterministic ones first, the ones that load the
// machine (client throughput, the pipeline's builds) last.
export const SUITE_ORDER = [
  'bundle',
  'types',
  'validators',
  'regex',
  'codegen',
  'polling',
  'client',
  'pipeline',
];

async function loadSuites() {
  const names = readdirSync(join(here, 'suites'))
    .filter((file) => file.endsWith('.mjs'))
    .map((file) => file.slice(0, -'.mjs'.length));
  const rank = (name) =>
    SUITE_ORDER.includes(name) ? SUITE_ORDER.indexOf(name) : SUITE_ORDER.length;
  names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return Promise.all(
    names.map(async (name) => ({
      name,
      ...(await import(pathToFileURL(join(here, 'suites', `${name}.mjs`)).href)),
    })),
  );
}

const argv = process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === '--'));
const { values: flags } = parseArgs({
  args: argv,
  options: {
    only: { type: 'string' },
    skip: { type: 'string' },
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: RESULTS_FILE },
    'no-write': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
    ...client.options,
  },
});
const list = (text) =>
  (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const log = (line) => process.stderr.write(`${line}\n`);

async function main() {
  const suites = await loadSuites();
  if (flags.help) {
    console.log(`Usage: pnpm bench [options]
  --only L            comma list of suites to run (default all, in this order):
${suites.map((s) => `                        ${s.name.padEnd(11)} ${s.about}`).join('\n')}
  --skip L            comma list of suites not to run
  --quick             a fast smoke run: few samples (not for the record); the costliest
                      figures (codegen at 500 operations, the pipeline) come back empty
  --out FILE          results file (default bench/results.json)
  --no-write          write neither the results file nor BENCHMARKS.md's results
${client.usage}`);
    return 0;
  }
  if (flags['profile-child']) return (await client.profileChild({ flags })) ?? 0;
  if (flags.profile) return client.profile({ flags, root, script: fileURLToPath(import.meta.url) });

  const known = new Set(suites.map((s) => s.name));
  const only = list(flags.only);
  const skip = list(flags.skip);
  const unknown = [...only, ...skip].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    console.error(`unknown suite(s): ${unknown.join(', ')}; known: ${[...known].join(', ')}`);
    return 2;
  }
  const chosen = suites.filter(
    (s) => (only.length === 0 || only.includes(s.name)) && !skip.includes(s.name),
  );
  const started = performance.now();
  const figures = [];
  const timings = [];
  for (const suite of chosen) {
    log(`── ${suite.name}: ${suite.about}`);
    const t0 = performance.now();
    const made = await suite.run({ log, quick: flags.quick, root, flags });
    const bad = made.filter((f) => !f.name.startsWith(`${suite.name}.`));
    if (bad.length > 0)
      throw new Error(
        `${suite.name}: figure names must start with "${suite.name}.": ${bad[0].name}`,
      );
    figures.push(...made);
    timings.push({ suite: suite.name, seconds: Math.round((performance.now() - t0) / 1000) });
  }
  console.log('');
  printFigures(figures);
  console.log(
    `\n${timings.map((t) => `${t.suite} ${t.seconds} s`).join(', ')}; total ${Math.round((performance.now() - started) / 1000)} s`,
  );
  // A quick run is a smoke test: it writes only where --out says.
  const outGiven = resolve(flags.out) !== RESULTS_FILE;
  if (!flags['no-write'] && (!flags.quick || outGiven)) {
    const file = writeResults(figures, {
      file: resolve(flags.out),
      suites: chosen.map((s) => s.name),
    });
    console.log(`wrote ${file}`);
    if (!outGiven) {
      for (const written of renderReport({ root })) console.log(`wrote ${written}`);
    }
  }
  return 0;
}

process.exitCode = await main();
