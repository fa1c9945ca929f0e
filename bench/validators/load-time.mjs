// What importing one API's validators module adds to a process: a fresh Node
// that imports it against a fresh Node that does nothing, in interleaved
// blocks. Each child reports its own CPU time (user + system) when its script
// is done: on a shared 2-core machine the wall time of a spawn swings by tens
// of ms with the other processes, its CPU time by about one.
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { interleaved, median } from '../harness.mjs';

// Neither child may inherit the runner's flags (--cpu-prof, a test runner's loader…).
const { NODE_OPTIONS: _inherited, ...childEnv } = process.env;

/** Prints [CPU ms so far, wall ms since the process started]. */
const REPORT =
  'const u=process.cpuUsage();' +
  'process.stdout.write(JSON.stringify([(u.user+u.system)/1000,performance.now()]))';

/** One `node -e code`: its CPU and wall ms when `code` is done; throws if it fails. */
function childCost(code) {
  const child = spawnSync(process.execPath, ['-e', code], { env: childEnv, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`node -e ${code} failed: ${child.stderr}`);
  const [cpuMs, wallMs] = JSON.parse(child.stdout);
  return { cpuMs, wallMs };
}

/**
 * The median over blocks of (importing `modulePath`) − (an empty process) in
 * CPU ms; the same in the children's own wall ms; the empty process's CPU ms.
 */
export async function loadCost(modulePath, { blocks, log, label }) {
  const url = JSON.stringify(pathToFileURL(modulePath).href);
  const cases = [
    { name: 'empty', code: REPORT },
    { name: 'import', code: `import(${url}).then(()=>{${REPORT}})` },
  ];
  // Once each unmeasured: the file system cache, and a failing import, show up here.
  for (const c of cases) childCost(c.code);
  const walls = { empty: [], import: [] };
  const [empty, imported] = await interleaved(cases, {
    blocks,
    baseline: 'empty',
    log,
    label,
    sample: (c) => {
      const { cpuMs, wallMs } = childCost(c.code);
      walls[c.name].push(wallMs);
      return cpuMs;
    },
  });
  const extra = (after, before) => median(after.map((ms, block) => ms - before[block]));
  return {
    extraMs: extra(imported.samples, empty.samples),
    extraWallMs: extra(walls.import, walls.empty),
    emptyMs: empty.median,
  };
}
