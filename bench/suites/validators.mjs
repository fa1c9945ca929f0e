// Validators: our generated validators against ajv compiled at run time,
// zod 4 and TypeBox 1, on each API's recorded bodies and invalid ones made from
// them; against JSON.parse of the same text; and what loading them costs.
// bench/test/validators-fair.test.ts shows the competitors accept and reject
// exactly what ours does, so the race is fair.
import { figure } from '../harness.mjs';
import { API_NAMES, validatorsModulePath } from '../validators/bodies.mjs';
import { ajvRuntime, ours, typebox, zod } from '../validators/competitors.mjs';
import { loadCorpus, parsedBody } from '../validators/corpus.mjs';
import { loadCost } from '../validators/load-time.mjs';
import { buildPool, oursOver, parseCase, race, validatorCase } from '../validators/race.mjs';

export const about = 'generated validators vs ajv, zod 4, TypeBox and JSON.parse; load time';

const FULL = { blocks: 7, ms: 100, warmupMs: 150, loadBlocks: 11, poolSize: 512 };
const QUICK = { blocks: 2, ms: 15, warmupMs: 20, loadBlocks: 2, poolSize: 128 };

/**
 * The bodies the race runs on: JSON ones (a raw JWT has no JSON.parse to hold
 * it against); the valid are the recorded ones, the invalid the recorded
 * rejected ones and those made from the valid. Format near misses are left
 * out: the libraries read those formats differently (the fairness test lists how).
 */
export function raceBodies({ recorded, rejected, made }, check) {
  const json = (item) => item.kind === 'json' && item.mutation !== 'format-edge';
  const valid = recorded.filter(json);
  const invalid = [...rejected, ...made].filter(json).filter((item) => !check(item));
  return { valid, invalid };
}

/** Every competitor must agree with ours on every raced body, or the race is not fair. */
function assertAgreement(competitors, bodies, expected) {
  for (const competitor of competitors) {
    for (const item of bodies) {
      if (Boolean(competitor.forBody(item)(parsedBody(item))) !== expected) {
        throw new Error(
          `${competitor.name} ${expected ? 'rejects' : 'accepts'} ${item.name}; ` +
            'see bench/test/validators-fair.test.ts',
        );
      }
    }
  }
}

async function apiFigures(name, { log, settings }) {
  const prefix = `validators.${name}`;
  const corpus = await loadCorpus(name);
  const { api } = corpus;
  const mine = ours(api);
  const { valid, invalid } = raceBodies(corpus, (item) => mine.forBody(item)(parsedBody(item)));

  const validRivals = [
    zod(api),
    zod(api, { formats: false }),
    zod(api, { compiled: true }),
    ajvRuntime(api),
    typebox(api),
  ];
  // zod's first-error modes: validate() stops at the first issue; through
  // z.compile its fast path answers "invalid" without a re-parse.
  const invalidRivals = [
    zod(api, { firstError: true }),
    zod(api, { firstError: true, compiled: true }),
    ajvRuntime(api),
    typebox(api),
  ];
  assertAgreement([mine, ...validRivals], valid, true);
  assertAgreement([mine, ...invalidRivals], invalid, false);

  const validPool = buildPool(valid, settings.poolSize);
  log(`validators: ${name}: ${valid.length} valid bodies (pool ${validPool.length})`);
  const validRows = await race(
    [mine, ...validRivals].map((c) => validatorCase(c, validPool)).concat(parseCase(validPool)),
    { ...settings, log, label: `${name} valid` },
  );
  const invalidPool = buildPool(invalid, settings.poolSize);
  log(`validators: ${name}: ${invalid.length} invalid bodies (pool ${invalidPool.length})`);
  const invalidRows = await race(
    [mine, ...invalidRivals].map((c) => validatorCase(c, invalidPool)),
    { ...settings, log, label: `${name} invalid` },
  );
  log(`validators: ${name}: load time`);
  const load = await loadCost(validatorsModulePath(name), {
    blocks: settings.loadBlocks,
    log,
    label: `${name} load`,
  });

  const bodies = (n, what) =>
    `${n} ${what} JSON bodies, pool of ${settings.poolSize}+ parsed copies`;
  const validNote = `ours = validateResponse() of @credstat/${name}/validators; ${bodies(valid.length, 'valid')}`;
  const vs = (rows, rivals, { goal = null, note }) => {
    const { value, baseline, ratio } = oursOver(rows, rivals);
    return { value, baseline, ratio, unit: 'calls/s', goal, better: 'higher', note };
  };
  const firstError = oursOver(invalidRows, ['zod-validate', 'zod-compiled-validate']);
  const winners = Object.entries(firstError.winners)
    .map(([mode, n]) => `${mode} ${n}`)
    .join(', ');
  return [
    figure({
      name: `${prefix}.valid.vs-zod`,
      ...vs(validRows, ['zod'], {
        goal: 2,
        note: `${validNote}; zod 4 z.fromJSONSchema safeParse, string formats checked`,
      }),
    }),
    figure({
      name: `${prefix}.valid.vs-zod-structural`,
      ...vs(validRows, ['zod-structural'], {
        goal: 10,
        note: `${validNote}; zod 4 safeParse, schema without formats`,
      }),
    }),
    figure({
      name: `${prefix}.valid.vs-zod-compiled`,
      ...vs(validRows, ['zod-compiled'], {
        note: `${validNote}; zod 4 z.compile(schema).safeParse, string formats checked`,
      }),
    }),
    figure({
      name: `${prefix}.valid.vs-ajv`,
      ...vs(validRows, ['ajv'], {
        note: `${validNote}; ajv 8 compiled at run time, the generator's options`,
      }),
    }),
    figure({
      name: `${prefix}.valid.vs-typebox`,
      ...vs(validRows, ['typebox'], { note: `${validNote}; TypeBox 1 Compile().Check` }),
    }),
    figure({
      name: `${prefix}.valid.vs-parse`,
      ...vs(validRows, ['JSON.parse'], {
        goal: 1,
        note: `JSON.parse time / validation time of the same bodies (≥ 1: validating costs no more than parsing); ${validNote}`,
      }),
    }),
    figure({
      name: `${prefix}.invalid.vs-zod`,
      value: firstError.value,
      baseline: firstError.baseline,
      ratio: firstError.ratio,
      unit: 'calls/s',
      goal: 10,
      note:
        `time to first error; ours = validateResponse() (all issues, as ajv allErrors); ` +
        `zod 4 = the faster per block of validate() and z.compile(schema).validate() ` +
        `(fastest: ${winners}); ${bodies(invalid.length, 'invalid')}`,
    }),
    figure({
      name: `${prefix}.invalid.vs-ajv`,
      ...vs(invalidRows, ['ajv'], {
        note: `ajv 8 run-time compiled, allErrors like ours; ${bodies(invalid.length, 'invalid')}`,
      }),
    }),
    figure({
      name: `${prefix}.invalid.vs-typebox`,
      ...vs(invalidRows, ['typebox'], {
        note: `TypeBox 1 Check (boolean, stops at the first error); ${bodies(invalid.length, 'invalid')}`,
      }),
    }),
    figure({
      name: `${prefix}.load`,
      value: load.extraMs,
      baseline: load.emptyMs,
      unit: 'ms',
      goal: 10,
      better: 'lower',
      note:
        `extra CPU ms (user + system) of node -e "import('@credstat/${name}/validators')" ` +
        `when the import is done, over node -e "" (baseline: its CPU ms); median of ` +
        `${settings.loadBlocks} interleaved blocks; the same in the children's own wall time: ` +
        `${load.extraWallMs.toFixed(1)} ms`,
    }),
  ];
}

/** @returns {Promise<ReturnType<typeof figure>[]>} every figure of this suite */
export async function run({ log, quick }) {
  const settings = quick ? QUICK : FULL;
  const figures = [];
  for (const name of API_NAMES) figures.push(...(await apiFigures(name, { log, settings })));
  return figures;
}
