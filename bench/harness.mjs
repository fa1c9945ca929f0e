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
 * Starts bench/server.mjs in a child process and resolves with its base URL.
 * The child is killed when this process exits, and exits by itself if the IPC
 * channel closes (this process crashed or was killed).
 */
export function startServer({ startTimeoutMs = 10_000, maxMs } = {}) {
  const child = fork(join(here, 'server.mjs'), [], {
    // Never inherit --cpu-prof & co.: only the client side is measured.
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...(maxMs ? { BENCH_SERVER_MAX_MS: String(maxMs) } : {}) },
  });
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
  };
  process.once('exit', kill);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      kill();
      process.exit(130);
    });
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      kill();
      reject(new Error(`bench server did not report a port within ${startTimeoutMs} ms`));
    }, startTimeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`bench server exited early (code ${code}, signal ${signal})`));
    });
    child.once('message', (message) => {
      clearTimeout(timer);
      if (message?.type !== 'listening') {
        kill();
        reject(new Error(`unexpected message from bench server: ${JSON.stringify(message)}`));
        return;
      }
      resolve({
        url: `http://${message.host}:${message.port}`,
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return;
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
 * Measures `cases` ({ name, call }) in interleaved blocks. Each block runs every
 * case for `ms`, in an order rotated by one each block, so that drift in the
 * machine's speed hits all cases alike. A case's ratio in a block is its calls/s
 * over the baseline's calls/s in the same block.
 *
 * Returns one row per case: { name, concurrency, samples, ratios, median,
 * ratioMedian, ratioMin, ratioMax }.
 */
export async function runBlocks(cases, opts) {
  const { concurrency, blocks, ms, warmupMs = 1_000, baseline = cases[0].name, log } = opts;
  if (!cases.some((c) => c.name === baseline)) throw new Error(`no baseline case ${baseline}`);
  for (const c of cases) {
    log?.(`  warm-up ${c.name} c${concurrency}`);
    await measure(c.call, { concurrency, ms: warmupMs });
  }
  const samples = new Map(cases.map((c) => [c.name, []]));
  const ratios = new Map(cases.map((c) => [c.name, []]));
  for (let b = 0; b < blocks; b++) {
    const shift = b % cases.length;
    const order = [...cases.slice(shift), ...cases.slice(0, shift)];
    const block = new Map();
    for (const c of order) block.set(c.name, await measure(c.call, { concurrency, ms }));
    for (const [name, value] of block) {
      samples.get(name).push(value);
      ratios.get(name).push(value / block.get(baseline));
    }
    log?.(`  block ${b + 1}/${blocks} c${concurrency}`);
  }
  return cases.map(({ name }) => ({
    name,
    concurrency,
    samples: samples.get(name),
    ratios: ratios.get(name),
    median: median(samples.get(name)),
    ratioMedian: median(ratios.get(name)),
    ratioMin: Math.min(...ratios.get(name)),
    ratioMax: Math.max(...ratios.get(name)),
  }));
}

export function machine() {
  return {
    node: process.version,
    cpus: os.availableParallelism?.() ?? os.cpus().length,
    date: new Date().toISOString(),
  };
}

/**
 * Adds `figures` ({ name, value, unit, baseline, ratio, goal, met }) to the
 * results file: a figure replaces the one of the same name, every other figure
 * already in the file is kept.
 */
export function writeResults(figures, { file = RESULTS_FILE } = {}) {
  let existing = [];
  if (existsSync(file)) {
    try {
      existing = JSON.parse(readFileSync(file, 'utf8')).figures ?? [];
    } catch (error) {
      throw new Error(`${file} is not valid JSON; fix or delete it (${error.message})`);
    }
  }
  const incoming = new Map(figures.map((f) => [f.name, f]));
  const merged = existing.map((f) => incoming.get(f.name) ?? f);
  const known = new Set(existing.map((f) => f.name));
  for (const f of figures) if (!known.has(f.name)) merged.push(f);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ machine: machine(), figures: merged }, null, 2)}\n`);
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
