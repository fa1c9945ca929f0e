// Bundle sizes per API (issue 21): what a browser app that creates a client and
// calls one operation ships, min+gz, and how that splits into the client
// runtime and the validators. Deterministic, so every figure has a budget
// (bench/budgets.json) checked in `pnpm test`.
import { figure } from '../harness.mjs';
import { measureSizes } from '../sizes/measure.mjs';

export const about = 'bundle sizes per API (size-limit: esbuild for the browser, min+gz)';

/** Goals of issue 21, in bytes min+gz; `entry` has none. */
export const SIZE_GOALS = { entry: null, runtime: 4096, validators: 5120, types: 0 };

const NOTES = {
  entry: 'consumer file: createClient + one operation call, from dist/, browser, minified, gzip -9',
  runtime:
    'the entry with the generated validators stubbed out: core, openapi-fetch, the generated layer',
  validators: 'the generated validators module alone (ajv standalone code)',
  types:
    "bytes a type-only use of './types' adds to the entry (minified; gzip can differ by a byte for the same program)",
};

/** The figures of the bundle suite, from `measureSizes()`'s result. */
export function sizeFigures(sizes) {
  return Object.entries(sizes).flatMap(([api, kinds]) =>
    Object.entries(kinds).map(([kind, bytes]) =>
      figure({
        name: `bundle.${api}.${kind}`,
        value: bytes,
        unit: 'B',
        goal: SIZE_GOALS[kind],
        better: 'lower',
        note: NOTES[kind],
      }),
    ),
  );
}

// Quick and full runs are the same: a few esbuild builds, under two seconds.
export async function run({ log = () => {} } = {}) {
  log('bundle: size-limit on every API (entry, runtime, validators, ./types)');
  return sizeFigures(await measureSizes());
}
