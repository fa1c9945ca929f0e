// Throughput of the credstat client against raw fetch, over a loopback server
// in a child process: one session-status GET per call, at each concurrency.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CASE_NAMES, loadCases } from '../cases.mjs';
import { figure, measure, printTable, runBlocks, startServer } from '../harness.mjs';
import { printTopSelfTime } from '../profile.mjs';

export const about = 'calls/s of one GET through the client against raw fetch, on loopback';

// The goals: the default client within 10% of raw fetch; the undici transport faster.
const GOALS = { credstat: 0.9, 'credstat-undici': 1.2 };

/** The client suite's own flags (all strings, as parseArgs gives them). */
export const options = {
  blocks: { type: 'string', default: process.env.BENCH_BLOCKS ?? '16' },
  ms: { type: 'string', default: process.env.BENCH_MS ?? '300' },
  'warmup-ms': { type: 'string', default: process.env.BENCH_WARMUP_MS ?? '1000' },
  concurrency: { type: 'string', default: process.env.BENCH_CONCURRENCY ?? '1,16' },
  cases: { type: 'string', default: CASE_NAMES.join(',') },
  profile: { type: 'string' },
  'profile-ms': { type: 'string', default: '5000' },
  'profile-child': { type: 'string' },
};

export const usage = `client suite:
  --blocks N          measurement blocks per concurrency (env BENCH_BLOCKS, default 16)
  --ms N              duration of one case in one block, ms (env BENCH_MS, default 300)
  --warmup-ms N       warm-up per case and concurrency, ms (env BENCH_WARMUP_MS, default 1000)
  --concurrency L     comma list of calls in flight (env BENCH_CONCURRENCY, default 1,16)
  --cases L           comma list of cases (default all: ${CASE_NAMES.join(', ')})
  --profile CASE      run only CASE under node --cpu-prof; print the top 15 self-time functions
  --profile-ms N      duration of the profiled run, ms (default 5000)`;

const list = (text) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function positiveInt(flags, name) {
  const n = Number(flags[name]);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`--${name} must be a positive integer, got ${flags[name]}`);
  return n;
}

function concurrencies(flags) {
  const values = list(flags.concurrency).map(Number);
  if (values.some((c) => !Number.isInteger(c) || c <= 0 || c > 256)) {
    throw new Error(`--concurrency takes integers in 1..256, got ${flags.concurrency}`);
  }
  return values;
}

export async function run({ log, quick, flags = {} }) {
  const opts = {
    ...Object.fromEntries(Object.entries(options).map(([k, o]) => [k, o.default])),
    ...flags,
  };
  const blocks = quick ? 2 : positiveInt(opts, 'blocks');
  const ms = quick ? 100 : positiveInt(opts, 'ms');
  const warmupMs = quick ? 200 : positiveInt(opts, 'warmup-ms');
  const levels = concurrencies(opts);
  const only = list(opts.cases);
  if (!only.includes('raw')) only.unshift('raw'); // the baseline of every ratio
  const estimateMs = levels.length * only.length * (warmupMs + blocks * ms);
  const server = await startServer({ maxMs: estimateMs * 3 + 120_000 });
  const rows = [];
  try {
    const { cases, skipped, close } = await loadCases({ baseUrl: server.url, only });
    for (const s of skipped) log(`client: ${s.name}: not run (${s.reason})`);
    log(
      `client: ${cases.length} cases × c${levels.join(',c')}, ~${Math.ceil(estimateMs / 1000)} s`,
    );
    for (const concurrency of levels) {
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
  } finally {
    await server.stop();
  }
  printTable(rows);
  return rows
    .filter((row) => row.name !== 'raw')
    .map((row) => {
      const raw = rows.find((r) => r.name === 'raw' && r.concurrency === row.concurrency);
      return figure({
        name: `client.${row.name}.c${row.concurrency}`,
        value: row.note ? null : row.median,
        unit: 'calls/s',
        baseline: raw.median,
        ratio: row.note ? null : row.ratioMedian,
        goalOf: 'ratio',
        goal: GOALS[row.name] ?? null,
        ...(row.note ? { note: row.note } : {}),
      });
    });
}

/** Re-runs the bench for one case under --cpu-prof, then ranks its functions by self time. */
export async function profile({ flags, root, script }) {
  const dir = join(root, 'bench', 'profiles');
  mkdirSync(dir, { recursive: true });
  const before = new Set(readdirSync(dir));
  const args = [
    '--cpu-prof',
    `--cpu-prof-dir=${dir}`,
    script,
    '--profile-child',
    flags.profile,
    '--profile-ms',
    flags['profile-ms'],
    '--warmup-ms',
    flags['warmup-ms'],
    '--concurrency',
    String(concurrencies(flags)[0]),
  ];
  const code = await new Promise((done) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit' });
    process.once('exit', () => child.kill());
    child.on('exit', (c) => done(c ?? 1));
  });
  if (code !== 0) return code;
  const made = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile') && !before.has(f))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (made.length === 0) throw new Error(`no .cpuprofile written to ${dir}`);
  console.log(`profile: ${made[0]}`);
  printTopSelfTime(made[0], { top: 15, root });
  return 0;
}

/** The profiled child: one case, measured once after a warm-up. */
export async function profileChild({ flags }) {
  const name = flags['profile-child'];
  const ms = positiveInt(flags, 'profile-ms');
  const server = await startServer({ maxMs: ms + 120_000 });
  try {
    const { cases, skipped, close } = await loadCases({ baseUrl: server.url, only: [name] });
    if (cases.length === 0) throw new Error(`${name}: not run (${skipped[0]?.reason})`);
    const [{ call }] = cases;
    const concurrency = concurrencies(flags)[0];
    await measure(call, { concurrency, ms: positiveInt(flags, 'warmup-ms') });
    const rate = await measure(call, { concurrency, ms });
    console.log(`${name} c${concurrency}: ${rate.toFixed(0)} calls/s over ${ms} ms (profiled)`);
    await close();
  } finally {
    await server.stop();
  }
}
