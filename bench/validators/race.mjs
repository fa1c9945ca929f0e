// The race itself: every validator over the same pool of separately parsed
// bodies, in interleaved blocks (harness.mjs), each sample a measureSync run
// whose results stay alive in its sink.
import { interleaved, measureSync, median } from '../harness.mjs';
import { parsedBody } from './corpus.mjs';

/**
 * `size` bodies or a little more: every item as often as the others, each copy
 * parsed on its own (no object is validated twice in a row, none is shared),
 * items interleaved as responses would come.
 */
export function buildPool(items, size) {
  if (items.length === 0) throw new Error('no bodies to race on');
  const copies = Math.ceil(size / items.length);
  return Array.from({ length: copies }, () =>
    items.map((item) => ({ item, body: parsedBody(item) })),
  ).flat();
}

/** One call per invocation, walking the pool round and round. */
function cycling(run, length) {
  let k = 0;
  return () => {
    const result = run(k);
    k = k + 1 === length ? 0 : k + 1;
    return result;
  };
}

/** A case that checks each pool body with `competitor`'s check for its schema. */
export function validatorCase(competitor, pool) {
  const checks = pool.map(({ item }) => competitor.forBody(item));
  const bodies = pool.map(({ body }) => body);
  return { name: competitor.name, call: cycling((k) => checks[k](bodies[k]), pool.length) };
}

/** A case that parses each pool body's text: what validation is held against. */
export function parseCase(pool, name = 'JSON.parse') {
  const texts = pool.map(({ item }) => item.text);
  return { name, call: cycling((k) => JSON.parse(texts[k]), pool.length) };
}

/** Warms every case, then samples them all (calls/s) in interleaved blocks. */
export async function race(cases, { blocks, ms, warmupMs, log, label }) {
  for (const c of cases) measureSync(c.call, { ms: warmupMs });
  return interleaved(cases, {
    blocks,
    baseline: 'ours',
    log,
    label,
    sample: (c) => measureSync(c.call, { ms }),
  });
}

/**
 * Ours over the fastest of `names` in each block (their calls/s), the median of
 * those per-block ratios; `winners` counts which of `names` was fastest.
 */
export function oursOver(rows, names) {
  const row = (name) => {
    const found = rows.find((r) => r.name === name);
    if (!found) throw new Error(`no case ${name} in the race`);
    return found;
  };
  const ours = row('ours').samples;
  const rivals = names.map(row);
  const winners = Object.fromEntries(names.map((name) => [name, 0]));
  const best = ours.map((_, block) => {
    const fastest = rivals.reduce((a, b) => (b.samples[block] > a.samples[block] ? b : a));
    winners[fastest.name]++;
    return fastest.samples[block];
  });
  return {
    value: median(ours),
    baseline: median(best),
    ratio: median(ours.map((rate, block) => rate / best[block])),
    winners,
  };
}
