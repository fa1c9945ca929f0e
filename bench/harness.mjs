// A small, reusable throughput harness: a loopback server in a child process,
// interleaved measurement blocks, and a results file that several benchmarks
// can add figures to.
import { fork } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const RESULTS_FILE = join(here, 'results.json');

/**
 * Starts `script` (a loopback server that sends `{ type: 'listening', host,
 * port }` over IPC) in a child process and resolves with its base URL,
 * `ask(type)` (a request over IPC, answered by a message of the same type and
 * id) and `stop()`. The child is killed when this process exits, and exits by
 * itself if the IPC channel closes (this process crashed or was killed).
 */
export function startChildServer({ script, env = {}, name = script, startTimeoutMs = 10_000 }) {
  const child = fork(script, [], {
    // Never inherit --cpu-prof & co.: only the client side is measured.
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...env },
  });
  const running = () => child.exitCode === null && child.signalCode === null;
  const kill = () => {
    if (running()) child.kill();
  };
  const interrupted = () => {
    kill();
    process.exit(130);
  };
  // Removed again in stop(): not one listener per server left on `process`.
  process.once('exit', kill);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, interrupted);
  const detach = () => {
    process.off('exit', kill);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(signal, interrupted);
  };

  let nextId = 0;
  const ask = (type) =>
    new Promise((resolve, reject) => {
      if (!running()) return reject(new Error(`${name} is not running`));
      const id = ++nextId;
      const onMessage = (message) => {
        if (message?.type !== type || message.id !== id) return;
        child.off('message', onMessage);
        resolve(message);
      };
      child.on('message', onMessage);
      child.send({ type, id });
    });

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      kill();
      detach();
      reject(new Error(`${name} did not report a port within ${startTimeoutMs} ms`));
    }, startTimeoutMs);
    const onEarlyExit = (code, signal) => {
      clearTimeout(timer);
      detach();
      reject(new Error(`${name} exited early (code ${code}, signal ${signal})`));
    };
    child.once('exit', onEarlyExit);
    child.once('message', (message) => {
      clearTimeout(timer);
      child.off('exit', onEarlyExit);
      if (message?.type !== 'listening') {
        kill();
        detach();
        reject(new Error(`unexpected message from ${name}: ${JSON.stringify(message)}`));
        return;
      }
      resolve({
        url: `http://${message.host}:${message.port}`,
        ask,
        async stop() {
          detach();
          if (!running()) return;
          const exited = new Promise((done) => child.once('exit', done));
          child.disconnect();
          const timeout = setTimeout(kill, 2_000);
          await exited;
          clearTimeout(timeout);
        },
      });
    });
  });
}

/** The client suite's loopback server, bench/server.mjs. */
export const startServer = ({ startTimeoutMs = 10_000, maxMs } = {}) =>
  startChildServer({
    script: join(here, 'server.mjs'),
    name: 'bench server',
    env: maxMs ? { BENCH_SERVER_MAX_MS: String(maxMs) } : {},
    startTimeoutMs,
  });

/** Runs `call` with `concurrency` calls in flight for about `ms`; returns calls/s. */
export async function measure(call, { concurrency, ms }) {
  let count = 0;
  const start = performance.now();
  const deadline = start + ms;
  const worker = async () => {
    while (performance.now() < deadline) {
      await call();
      count++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return (count * 1000) / (performance.now() - start);
}

export function median(values) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Interleaved blocks (ABAB…): each block takes one `sample(case)` of every case,
 * in an order rotated by one each block, so that drift in the machine's speed
 * hits all cases alike. A case's ratio in a block is its sample over the
 * baseline's sample in the same block; the figure is the median of those ratios.
 * `sample` returns a rate (higher is better) or a duration: the ratio is the
 * same division either way, so say which in the figure's `better`.
 *
 * Returns one row per case: { name, samples, ratios, median, ratioMedian,
 * ratioMin, ratioMax }.
 */
export async function interleaved(
  cases,
  { blocks, baseline = cases[0].name, sample, log, label = '' },
) {
  if (!cases.some((c) => c.name === baseline)) throw new Error(`no baseline case ${baseline}`);
  const samples = new Map(cases.map((c) => [c.name, []]));
  const ratios = new Map(cases.map((c) => [c.name, []]));
  for (let b = 0; b < blocks; b++) {
    const shift = b % cases.length;
    const order = [...cases.slice(shift), ...cases.slice(0, shift)];
    const block = new Map();
    for (const c of order) block.set(c.name, await sample(c));
    for (const [name, value] of block) {
      samples.get(name).push(value);
      ratios.get(name).push(value / block.get(baseline));
    }
    log?.(`  block ${b + 1}/${blocks}${label ? ` ${label}` : ''}`);
  }
  return cases.map(({ name }) => ({
    name,
    samples: samples.get(name),
    ratios: ratios.get(name),
    median: median(samples.get(name)),
    ratioMedian: median(ratios.get(name)),
    ratioMin: Math.min(...ratios.get(name)),
    ratioMax: Math.max(...ratios.get(name)),
  }));
}

/**
 * Runs the synchronous `fn` in batches for about `ms`; returns calls/s. Batches
 * keep the clock out of the measured loop; `fn`'s results are kept in `sink` so
 * the engine cannot drop the work.
 */
export function measureSync(fn, { ms, batch = 64 }) {
  let count = 0;
  let sink = 0;
  const start = performance.now();
  const deadline = start + ms;
  do {
    for (let i = 0; i < batch; i++) sink ^= fn(i) ? 1 : 0;
    count += batch;
  } while (performance.now() < deadline);
  measureSync.sink = sink;
  return (count * 1000) / (performance.now() - start);
}

/** Measures `cases` ({ name, call }) with `concurrency` calls in flight, in interleaved blocks. */
export async function runBlocks(cases, opts) {
  const { concurrency, blocks, ms, warmupMs = 1_000, baseline = cases[0].name, log } = opts;
  for (const c of cases) {
    log?.(`  warm-up ${c.name} c${concurrency}`);
    await measure(c.call, { concurrency, ms: warmupMs });
  }
  const rows = await interleaved(cases, {
    blocks,
    baseline,
    log,
    label: `c${concurrency}`,
    sample: (c) => measure(c.call, { concurrency, ms }),
  });
  return rows.map((row) => ({ ...row, concurrency }));
}

/**
 * One figure of bench/results.json. `goal` applies to the ratio when the figure
 * has one (`goalOf: 'ratio'`), else to the value; `better` says which way is
 * good ('higher' or 'lower'), so `met` is `ratio >= goal` or `value <= goal`.
 * A figure with no goal has `goal` and `met` null.
 * @param {{ name: string, value: number | null, unit: string, baseline?: number | null,
 *   ratio?: number | null, goal?: number | null, goalOf?: 'ratio' | 'value',
 *   better?: 'higher' | 'lower', note?: string }} fields
 */
export function figure({
  name,
  value,
  unit,
  baseline = null,
  ratio = null,
  goal = null,
  goalOf = ratio === null ? 'value' : 'ratio',
  better = 'higher',
  note,
}) {
  const round = (n, digits) => (n === null || n === undefined ? null : Number(n.toFixed(digits)));
  const measured = goalOf === 'ratio' ? ratio : value;
  const met =
    goal === null || measured === null || measured === undefined || Number.isNaN(measured)
      ? null
      : better === 'higher'
        ? measured >= goal
        : measured <= goal;
  return {
    name,
    value: round(value, Math.abs(value) >= 100 ? 0 : 3),
    unit,
    baseline: round(baseline, Math.abs(baseline ?? 0) >= 100 ? 0 : 3),
    ratio: round(ratio, 3),
    goal,
    met,
    goalOf,
    better,
    ...(note ? { note } : {}),
  };
}

export function machine() {
  return {
    node: process.version,
    cpus: os.availableParallelism?.() ?? os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    date: new Date().toISOString(),
  };
}

/**
 * Adds `figures` (see `figure`) to the results file. A figure replaces the one
 * of the same name; the figures of each suite in `suites` that this run did not
 * make are dropped (renamed or removed); every other figure is kept. Each
 * suite's run is recorded with the machine it ran on.
 */
export function writeResults(figures, { file = RESULTS_FILE, suites = [] } = {}) {
  let existing = { figures: [], runs: {} };
  // An empty file (e.g. one `mktemp` made for --out) holds no results yet.
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (text.trim() !== '') {
    try {
      existing = JSON.parse(text);
    } catch (error) {
      throw new Error(`${file} is not valid JSON; fix or delete it (${error.message})`);
    }
  }
  const suiteOf = (name) => name.split('.')[0];
  const rerun = new Set(suites);
  const incoming = new Map(figures.map((f) => [f.name, f]));
  const kept = (existing.figures ?? []).filter(
    (f) => incoming.has(f.name) || !rerun.has(suiteOf(f.name)),
  );
  const merged = kept.map((f) => incoming.get(f.name) ?? f);
  const known = new Set(kept.map((f) => f.name));
  for (const f of figures) if (!known.has(f.name)) merged.push(f);
  const runs = { ...(existing.runs ?? {}) };
  const here = machine();
  for (const suite of suites) runs[suite] = here;
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ machine: here, runs, figures: merged }, null, 2)}\n`);
  renameSync(tmp, file);
  return file;
}

/** Prints rows ({ name, concurrency, median, ratioMedian, ratioMin, ratioMax } or { ..., note }). */
export function printTable(rows) {
  const fmt = (n, digits) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
  const header = ['case', 'conc', 'median calls/s', 'ratio median', 'ratio min–max'];
  const cells = rows.map((r) =>
    r.note
      ? [r.name, String(r.concurrency)]
      : [
          r.name,
          String(r.concurrency),
          fmt(r.median, 0),
          fmt(r.ratioMedian, 3),
          `${fmt(r.ratioMin, 3)}–${fmt(r.ratioMax, 3)}`,
        ],
  );
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]?.length ?? 0)));
  const line = (c) =>
    c.map((text, i) => (i < 2 ? text.padEnd(widths[i]) : text.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((r, i) => {
    console.log(r.note ? `${line(cells[i])}  ${r.note}` : line(cells[i]));
  });
}
