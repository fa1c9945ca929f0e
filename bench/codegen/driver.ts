// The codegen suite's child process (run by tsx, as `pnpm generate` is): one
// process for every spec, so each figure after the first run is a warm one.
//
//   node --expose-gc --import tsx/esm bench/codegen/driver.ts '<plan as JSON>'
//
// Prints one JSON line on stdout: { real, synthetic }; progress goes to stderr.
import { performance } from 'node:perf_hooks';
import { interleaved } from '../harness.mjs';
import { generate, openapiTypescript, realApis, syntheticApi } from './generator.ts';

export interface Plan {
  /** Synthetic spec folders by operation count. */
  synthetic: { operations: number; dir: string }[];
  blocks: number;
  /** Warm runs of the real specs (after one first run). */
  realRuns: number;
  /** The real API timed alone. */
  oneApi: string;
}

const plan = JSON.parse(process.argv[2] ?? '') as Plan;
const log = (line: string) => process.stderr.write(`${line}\n`);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** Milliseconds `work` takes, after a GC so that one run's garbage is not the next one's cost. */
async function time(work: () => Promise<unknown>): Promise<number> {
  gc();
  const start = performance.now();
  const made = await work();
  const ms = performance.now() - start;
  if (!made) throw new Error('the generator made nothing');
  return ms;
}

const apis = realApis();
const one = apis.find((api) => api.name === plan.oneApi);
if (!one) throw new Error(`no API named ${plan.oneApi}`);
const all = async () => {
  let made = 0;
  for (const api of apis) made += await generate(api);
  return made;
};

// The five real specs: the first run in this process, then warm ones.
const firstRunMs = await time(all);
log(`  five specs, first run: ${Math.round(firstRunMs)} ms`);
const fiveWarm: number[] = [];
const oneWarm: number[] = [];
for (let i = 0; i < plan.realRuns; i++) {
  fiveWarm.push(await time(all));
  oneWarm.push(await time(() => generate(one)));
}
log(`  five specs, warm: ${fiveWarm.map(Math.round).join(', ')} ms`);

// Synthetic specs, ours and openapi-typescript alone, in interleaved blocks.
const cases = plan.synthetic.flatMap(({ operations, dir }) => {
  const api = syntheticApi(`synthetic-${operations}`, dir);
  return [
    { name: `ours ${operations}`, run: () => generate(api) },
    { name: `openapi-typescript ${operations}`, run: () => openapiTypescript(api) },
  ];
});
// One untimed run of each at the smallest size loads and warms both code paths.
for (const c of cases.slice(0, 2)) await c.run();
const rows = await interleaved(cases, {
  blocks: plan.blocks,
  baseline: cases[0]?.name,
  log,
  label: 'codegen',
  sample: (c: (typeof cases)[number]) => time(c.run),
});
const synthetic = Object.fromEntries(
  rows.map((row: { name: string; samples: number[] }) => [row.name, row.samples]),
);

process.stdout.write(`${JSON.stringify({ real: { firstRunMs, fiveWarm, oneWarm }, synthetic })}\n`);
