// `pnpm bench`: throughput of the credstat client against raw fetch, over a
// loopback server in a child process. See bench/README.md.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CASE_NAMES, loadCases } from './cases.mjs';
import {
  measure,
  printTable,
  RESULTS_FILE,
  runBlocks,
  startServer,
  writeResults,
} from './harness.mjs';
import { printTopSelfTime } from './profile.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const env = process.env;

const USAGE = `Usage: pnpm bench [options]
  --blocks N          measurement blocks per concurrency (env BENCH_BLOCKS, default 20)
  --ms N              duration of one case in one block, ms (env BENCH_MS, default 300)
  --warmup-ms N       warm-up per case and concurrency, ms (env BENCH_WARMUP_MS, default 1000)
  --concurrency L     comma list of calls in flight (env BENCH_CONCURRENCY, default 1,16)
  --cases L           comma list of cases (default all: ${CASE_NAMES.join(', ')})
  --out FILE          results file (default bench/results.json)
  --no-write          do not write the results file
  --profile CASE      run only CASE under node --cpu-prof; print the top 15 self-time functions
  --profile-ms N      duration of the profiled run, ms (default 5000)`;

const argv = process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === '--'));
const { values: flags } = parseArgs({
  args: argv,
  options: {
    blocks: { type: 'string', default: env.BENCH_BLOCKS ?? '20' },
    ms: { type: 'string', default: env.BENCH_MS ?? '300' },
    'warmup-ms': { type: 'string', default: env.BENCH_WARMUP_MS ?? '1000' },
    concurrency: { type: 'string', default: env.BENCH_CONCURRENCY ?? '1,16' },
    cases: { type: 'string', default: CASE_NAMES.join(',') },
    out: { type: 'string', default: RESULTS_FILE },
    'no-write': { type: 'boolean', default: false },
    profile: { type: 'string' },
    'profile-ms': { type: 'string', default: '5000' },
    'profile-child': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

function positiveInt(name) {
  const n = Number(flags[name]);
  if (!Number.isInteger(n) || n <= 0) {
    console.error(`--${name} must be a positive integer, got ${flags[name]}\n\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

const list = (text) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const root = join(here, '..');
const concurrencies = list(flags.concurrency).map(Number);
if (concurrencies.some((c) => !Number.isInteger(c) || c <= 0 || c > 256)) {
  console.error(`--concurrency takes integers in 1..256, got ${flags.concurrency}`);
  process.exit(2);
}
const log = (line) => process.stderr.write(`${line}\n`);

/** Re-runs this script for one case under --cpu-prof, then ranks its functions. */
async function profileParent(name) {
  const dir = join(here, 'profiles');
  mkdirSync(dir, { recursive: true });
  const before = new Set(readdirSync(dir));
  const args = [
    '--cpu-prof',
    `--cpu-prof-dir=${dir}`,
    fileURLToPath(import.meta.url),
    '--profile-child',
    name,
    '--profile-ms',
    flags['profile-ms'],
    '--warmup-ms',
    flags['warmup-ms'],
    '--concurrency',
    String(concurrencies[0]),
  ];
  const code = await new Promise((done) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit' });
    process.once('exit', () => child.kill());
    child.on('exit', (c) => done(c ?? 1));
  });
  if (code !== 0) process.exit(code);
  const made = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile') && !before.has(f))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (made.length === 0) throw new Error(`no .cpuprofile written to ${dir}`);
  console.log(`profile: ${made[0]}`);
  printTopSelfTime(made[0], { top: 15, root });
}

async function profileChild(name) {
  const ms = positiveInt('profile-ms');
  const server = await startServer({ maxMs: ms + 120_000 });
  try {
    const { cases, skipped, close } = await loadCases({ baseUrl: server.url, only: [name] });
    if (cases.length === 0) throw new Error(`${name}: not run (${skipped[0]?.reason})`);
    const [{ call }] = cases;
    const concurrency = concurrencies[0];
    await measure(call, { concurrency, ms: positiveInt('warmup-ms') });
    const rate = await measure(call, { concurrency, ms });
    console.log(`${name} c${concurrency}: ${rate.toFixed(0)} calls/s over ${ms} ms (profiled)`);
    await close();
  } finally {
    await server.stop();
  }
}

async function bench() {
  const blocks = positiveInt('blocks');
  const ms = positiveInt('ms');
  const warmupMs = positiveInt('warmup-ms');
  const only = list(flags.cases);
  if (!only.includes('raw')) only.unshift('raw'); // the baseline of every ratio
  const estimateMs = concurrencies.length * only.length * (warmupMs + blocks * ms);
  // A hard bound, far above the estimate, in case a call hangs.
  const watchdog = setTimeout(
    () => {
      console.error('bench: took far longer than expected; giving up');
      process.exit(1);
    },
    estimateMs * 3 + 60_000,
  );
  watchdog.unref();

  const server = await startServer({ maxMs: estimateMs * 3 + 120_000 });
  const { cases, skipped, close } = await loadCases({ baseUrl: server.url, only });
  log(`bench: ${server.url}`);
  for (const s of skipped) log(`bench: ${s.name}: not run (${s.reason})`);
  log(
    `bench: ${cases.length} cases × c${concurrencies.join(',c')}, ${blocks} blocks of ${ms} ms, ` +
      `~${Math.ceil(estimateMs / 1000)} s`,
  );

  const rows = [];
  for (const concurrency of concurrencies) {
    const measured = await runBlocks(cases, {
      concurrency,
      blocks,
      ms,
      warmupMs,
      baseline: 'raw',
      log,
    });
    for (const name of only) {
      const row = measured.find((r) => r.name === name);
      const skip = skipped.find((s) => s.name === name);
      rows.push(row ?? { name, concurrency, note: `not run (${skip?.reason ?? 'unknown'})` });
    }
  }
  await close();
  await server.stop();

  console.log('');
  printTable(rows);

  const figures = [];
  for (const row of rows) {
    if (row.name === 'raw') continue;
    const raw = rows.find((r) => r.name === 'raw' && r.concurrency === row.concurrency);
    // The goals: the default client within 10% of raw fetch; the undici transport faster.
    const goal = { credstat: 0.9, 'credstat-undici': 1.2 }[row.name] ?? null;
    const ratio = row.note ? null : row.ratioMedian;
    figures.push({
      name: `client.${row.name}.c${row.concurrency}`,
      value: row.note ? null : Math.round(row.median),
      unit: 'calls/s',
      baseline: Math.round(raw.median),
      ratio: ratio === null ? null : Number(ratio.toFixed(3)),
      goal,
      met: goal === null || ratio === null ? null : ratio >= goal,
      ...(row.note ? { note: row.note } : {}),
    });
  }
  if (!flags['no-write']) {
    console.log(`\nwrote ${writeResults(figures, { file: resolve(flags.out) })}`);
  }
}

if (flags.help) console.log(USAGE);
else if (flags['profile-child']) await profileChild(flags['profile-child']);
else if (flags.profile) await profileParent(flags.profile);
else await bench();
