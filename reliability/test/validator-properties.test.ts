// Every documented response schema of every API, as property tests on its
// package's `validateResponse`: bodies generated from the schema are all
// accepted (the wallet's also meet DCQL's rules beside the schema), one
// mutation of each kind makes every one of them rejected, and the built-ins
// are the same afterwards.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { reportFigures, runs, seedOf } from '../lib/figures.ts';
import { validBodies } from '../properties/bodies.ts';
import { DCQL_FAULTS, queryOf } from '../properties/dcql.ts';
import { MUTATION_KINDS, type MutationKind, Mutator, withSite } from '../properties/mutations.ts';
import { positionsOf } from '../properties/positions.ts';
import { builtInChanges, snapshotBuiltIns } from '../properties/prototypes.ts';
import {
  listResponseSchemas,
  nameOf,
  type ResponseSchema,
  validatedResponses,
} from '../properties/response-schemas.ts';
import type { Schema } from '../properties/schema.ts';

const builtInsBefore = snapshotBuiltIns();

const schemas = listResponseSchemas();
const wallet200 = schemas.find(
  (entry) =>
    entry.api === 'fortid-wallet' &&
    entry.operationId === 'getVerifySessionStatus' &&
    entry.status === '200',
);
if (!wallet200) throw new Error('the wallet documents no 200 body');

interface Target {
  name: string;
  entry: ResponseSchema;
  /** What bodies are generated from: the response schema, or one branch of it. */
  generate: Schema;
}

const CONSENT_REQUEST_READY: Schema = { $ref: '#/components/schemas/ConsentRequestReady' };
const targets: Target[] = [
  ...schemas.map((entry) => ({ name: nameOf(entry), entry, generate: entry.schema })),
  // The one branch with a DCQL query and every bound and format of the wallet:
  // a quarter of the 200 bodies otherwise, all of them here.
  {
    name: `${nameOf(wallet200)}, CONSENT_REQUEST_READY only`,
    entry: wallet200,
    generate: CONSENT_REQUEST_READY,
  },
];

const figures = {
  valid: 0,
  dcqlQueries: 0,
  mutated: Object.fromEntries(MUTATION_KINDS.map((kind) => [kind, 0])) as Record<
    MutationKind,
    number
  >,
  dcqlFaults: Object.fromEntries(Object.keys(DCQL_FAULTS).map((kind) => [kind, 0])),
};

const hasQuery = (body: unknown) =>
  (body as { consentRequestObject?: unknown } | null)?.consentRequestObject !== undefined;

/** A failure message that shows what was checked and what came back. */
const show = (body: unknown, result: unknown) =>
  `body ${JSON.stringify(body)}\nresult ${JSON.stringify(result)}`;

it('lists every response a package checks against a schema, and no other', () => {
  const listed = schemas.map((entry) => `${entry.api} ${entry.operationId} ${entry.status}`);
  expect(listed.sort()).toEqual(validatedResponses().sort());
});

describe.each(targets.map((target) => [target.name, target] as const))('%s', (name, target) => {
  const { entry } = target;
  const bodies = validBodies(entry, target.generate);

  it('accepts every body generated from the schema', () => {
    fc.assert(
      fc.property(bodies, (body) => {
        const result = entry.validate(body);
        if (!result.ok) throw new Error(`rejected a valid body\n${show(body, result)}`);
        figures.valid += 1;
        if (entry === wallet200 && hasQuery(body)) figures.dcqlQueries += 1;
      }),
      { numRuns: runs(), seed: seedOf(`valid ${name}`) },
    );
  });

  it('rejects the body after any one mutation', () => {
    const mutator = new Mutator(entry.reader);
    const picks = fc.tuple(...MUTATION_KINDS.map(() => fc.nat()));
    fc.assert(
      fc.property(bodies, picks, (body, pick) => {
        // Positions are read against the whole response schema, whatever generated the body.
        const positions = positionsOf(entry.reader, entry.schema, body);
        // One copy per run: each mutation is made on it, checked, and undone.
        const copy = structuredClone(body);
        MUTATION_KINDS.forEach((kind, index) => {
          const sites = mutator.sites(kind, positions);
          const site = sites[(pick[index] as number) % Math.max(1, sites.length)];
          if (!site) return;
          withSite(copy, site, (mutated) => {
            const result = entry.validate(mutated);
            if (result.ok)
              throw new Error(
                `accepted (${kind} at /${site.path.join('/')}: ${site.what})\n${show(mutated, result)}`,
              );
          });
          figures.mutated[kind] += 1;
        });
      }),
      { numRuns: runs(), seed: seedOf(`mutated ${name}`) },
    );
  });
});

describe('fortid-wallet: DCQL rules beside the schema', () => {
  const consentRequests = validBodies(wallet200, CONSENT_REQUEST_READY);

  it('rejects a consent request with any one DCQL fault, at its pointer', () => {
    const faults = Object.entries(DCQL_FAULTS);
    const picks = fc.tuple(...faults.map(() => fc.nat()));
    // One body per run for every fault: generating a consent request is the costly part.
    fc.assert(
      fc.property(consentRequests, picks, (body, pick) => {
        faults.forEach(([kind, fault], index) => {
          const mutated = structuredClone(body);
          const where = fault(queryOf(mutated), pick[index] as number);
          const result = wallet200.validate(mutated);
          const named = !result.ok && result.issues.some((issue) => issue.path.startsWith(where));
          if (!named) throw new Error(`${kind}: no issue at ${where}\n${show(mutated, result)}`);
          figures.dcqlFaults[kind] = (figures.dcqlFaults[kind] ?? 0) + 1;
        });
      }),
      { numRuns: runs(), seed: seedOf('dcql faults') },
    );
  });
});

it('applied every mutation kind somewhere', () => {
  const unused = MUTATION_KINDS.filter((kind) => figures.mutated[kind] === 0);
  expect(unused).toEqual([]);
});

it('left Object.prototype, Array.prototype, Object and Function.prototype unchanged', () => {
  expect(builtInChanges(builtInsBefore, snapshotBuiltIns())).toEqual([]);
});

afterAll(() => {
  const mutated = Object.values(figures.mutated).reduce((a, b) => a + b, 0);
  const dcqlFaults = Object.values(figures.dcqlFaults).reduce((a, b) => a + b, 0);
  reportFigures('validators', 1, [
    {
      label: 'response schemas covered (JSON bodies)',
      value: schemas.filter((entry) => entry.json).length,
    },
    {
      label: 'response schemas covered (raw bodies with a pattern)',
      value: schemas.filter((entry) => !entry.json).length,
    },
    { label: 'valid bodies generated from the schemas, all accepted', value: figures.valid },
    {
      label: 'of them wallet 200 bodies with a DCQL query, all meeting the DCQL rules',
      value: figures.dcqlQueries,
    },
    { label: 'mutated bodies, all rejected', value: mutated },
    ...MUTATION_KINDS.map((kind) => ({
      label: `mutated and rejected: ${kind}`,
      value: figures.mutated[kind],
    })),
    { label: 'DCQL faults, all rejected at their pointer', value: dcqlFaults },
    ...Object.entries(figures.dcqlFaults).map(([kind, value]) => ({
      label: `DCQL fault rejected: ${kind}`,
      value,
    })),
    {
      label: 'changes to Object.prototype, Array.prototype, Object',
      value: builtInChanges(builtInsBefore, snapshotBuiltIns()).length,
    },
  ]);
});
