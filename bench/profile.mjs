// Reads a V8 .cpuprofile (as written by `node --cpu-prof`) and ranks functions
// by self time.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

function where(callFrame, root) {
  const { url, lineNumber } = callFrame;
  if (!url) return '';
  let file = url;
  if (url.startsWith('file://')) {
    const path = fileURLToPath(url);
    const inModules = path.lastIndexOf('node_modules/');
    file = inModules >= 0 ? path.slice(inModules + 'node_modules/'.length) : relative(root, path);
  }
  return `${file}:${lineNumber + 1}`;
}

/**
 * Self time per function (summed over every node of the call tree that names
 * the same function and location), largest first.
 */
export function selfTimes(profile, root = process.cwd()) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map();
  const { samples, timeDeltas } = profile;
  // Sample i lasts until the next sample is taken (as Chrome DevTools counts it).
  for (let i = 0; i < samples.length; i++) {
    const duration = i + 1 < timeDeltas.length ? timeDeltas[i + 1] : 0;
    selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + Math.max(0, duration));
  }
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map();
  for (const [id, us] of selfUs) {
    const { callFrame } = byId.get(id);
    const name = callFrame.functionName || '(anonymous)';
    const key = `${name}\u0000${where(callFrame, root)}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  return {
    totalMs: total / 1000,
    functions: [...byFunction]
      .map(([key, us]) => {
        const [name, location] = key.split('\u0000');
        return { name, location, selfMs: us / 1000, share: total ? us / total : 0 };
      })
      .sort((a, b) => b.selfMs - a.selfMs),
  };
}

export function printTopSelfTime(file, { top = 15, root } = {}) {
  const { totalMs, functions } = selfTimes(JSON.parse(readFileSync(file, 'utf8')), root);
  console.log(`\nTop ${top} functions by self time (${totalMs.toFixed(0)} ms sampled):`);
  console.log(`${'self ms'.padStart(9)}  ${'self %'.padStart(6)}  function  (location)`);
  for (const f of functions.slice(0, top)) {
    const ms = f.selfMs.toFixed(1).padStart(9);
    const pct = (f.share * 100).toFixed(1).padStart(6);
    console.log(`${ms}  ${pct}  ${f.name}${f.location ? `  (${f.location})` : ''}`);
  }
}
