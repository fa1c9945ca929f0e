// Codegen scaling: the generator (types, validators, operation layer, mock and
// fixture types: all of `pnpm generate`, in memory) on synthetic specs of 5, 50
// and 500 operations built from our own specs, against openapi-typescript alone
// on the same spec file, in interleaved blocks in one process; and our five
// real specs generated in one process, warm.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { buildSyntheticSpec, readSources, writeSyntheticSpec } from '../codegen/synthetic-spec.mjs';
import { figure, median } from '../harness.mjs';

export const about =
  'generator on synthetic specs of 5/50/500 operations vs openapi-typescript; five real specs warm';

export const SIZES = [5, 50, 500];
/** A quick run leaves out the largest spec (its two runs alone take ~12 s); its figures are null. */
const QUICK_SIZES = SIZES.slice(0, -1);
/** The API timed alone: the one with the most schemas. */
const ONE_API = 'fortid-wallet';

/** Per-block ratios of two sample series taken in the same blocks, and their median. */
export function blockRatios(top, bottom, scale = 1) {
  return median(top.map((value, i) => (value / bottom[i]) * scale));
}

/** Runs bench/codegen/driver.ts under tsx; resolves its JSON result. */
function runDriver(root, plan, log) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx/esm',
        join(root, 'bench/codegen/driver.ts'),
        JSON.stringify(plan),
      ],
      { cwd: join(root, 'bench'), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const kill = () => child.kill('SIGKILL');
    process.once('exit', kill);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      for (const line of String(chunk).split('\n')) if (line.trim()) log(line);
    });
    child.once('error', reject);
    child.once('close', (code) => {
      process.off('exit', kill);
      if (code !== 0) {
        reject(
          new Error(`codegen driver exited ${code}:\n${stderr.split('\n').slice(-20).join('\n')}`),
        );
        return;
      }
      resolve(JSON.parse(stdout.trim().split('\n').at(-1)));
    });
  });
}

export async function run({ log, quick, root }) {
  const dir = mkdtempSync(join(os.tmpdir(), 'credstat-codegen-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  process.once('exit', remove);
  try {
    const sources = readSources(root);
    const synthetic = (quick ? QUICK_SIZES : SIZES).map((operations) => {
      const specDir = join(dir, `synthetic-${operations}`);
      writeSyntheticSpec(specDir, buildSyntheticSpec(sources, operations));
      return { operations, dir: specDir };
    });
    log(
      `  synthetic specs of ${synthetic.map((s) => s.operations).join(', ')} operations in ${dir}`,
    );
    const result = await runDriver(
      root,
      { synthetic, blocks: quick ? 1 : 3, realRuns: quick ? 1 : 3, oneApi: ONE_API },
      log,
    );
    return figures(result, { quick });
  } finally {
    remove();
    process.off('exit', remove);
  }
}

/** The suite's figures from the driver's samples (exported for tests). */
export function figures({ real, synthetic }, { quick = false } = {}) {
  const blocks = synthetic[`ours ${SIZES[0]}`].length;
  const how = `median of ${blocks} interleaved block${blocks === 1 ? '' : 's'}${quick ? ' (quick)' : ''}`;
  const skipped = 'not run in a quick run (500 operations take ~10 s)';
  const out = SIZES.map((n) => {
    const ours = synthetic[`ours ${n}`];
    const theirs = synthetic[`openapi-typescript ${n}`];
    const ran = Boolean(ours && theirs);
    return figure({
      name: `codegen.synthetic.${n}.vs-openapi-typescript`,
      value: ran ? median(ours) : null,
      unit: 'ms',
      baseline: ran ? median(theirs) : null,
      ratio: ran ? blockRatios(ours, theirs) : null,
      goalOf: 'ratio',
      goal: n === SIZES.at(-1) ? 1.5 : null,
      better: 'lower',
      note: ran
        ? `${n} operations: ours (types + validators + operation layer + mock + fixture types) over openapi-typescript alone; ${how}`
        : skipped,
    });
  });
  const [mid, big] = SIZES.slice(-2);
  const ours = (n) => synthetic[`ours ${n}`];
  const linear = Boolean(ours(mid) && ours(big));
  out.push(
    figure({
      name: 'codegen.synthetic.linearity',
      value: linear ? median(ours(big)) / big : null,
      unit: 'ms/op',
      baseline: linear ? median(ours(mid)) / mid : null,
      ratio: linear ? blockRatios(ours(big), ours(mid), mid / big) : null,
      goalOf: 'ratio',
      goal: 1.2,
      better: 'lower',
      note: linear
        ? `cost per operation at ${big} over cost per operation at ${mid} (1 = linear); ${how}`
        : skipped,
    }),
    figure({
      name: 'codegen.real.five-specs-warm',
      value: median(real.fiveWarm),
      unit: 'ms',
      goal: 3000,
      better: 'lower',
      note: `our five specs in one process after a first run of ${Math.round(real.firstRunMs)} ms; median of ${real.fiveWarm.length}`,
    }),
    figure({
      name: 'codegen.real.one-spec-warm',
      value: median(real.oneWarm),
      unit: 'ms',
      better: 'lower',
      note: `${ONE_API} alone, warm; median of ${real.oneWarm.length}`,
    }),
  );
  return out;
}
