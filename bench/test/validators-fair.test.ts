import { beforeAll, describe, expect, it } from 'vitest';
import { raceBodies } from '../suites/validators.mjs';
import { API_NAMES } from '../validators/bodies.mjs';
import { ajvRuntime, ours, typebox, zod } from '../validators/competitors.mjs';
import { loadCorpus, parsedBody } from '../validators/corpus.mjs';
import { FORMAT_EDGES } from '../validators/invalid.mjs';

type Corpus = Awaited<ReturnType<typeof loadCorpus>>;
type Item = Corpus['recorded'][number] & {
  mutation?: string;
  structural?: boolean;
  probe?: string;
  expect?: string;
};
type Competitor = { name: string; forBody: (item: Item) => (body: unknown) => unknown };

/**
 * Every body on which a competitor answers otherwise than ours, by the format
 * value that makes it differ: `accepts` is the competitor's answer.
 */
const KNOWN_DIFFERENCES: { competitors: RegExp; probe: string; accepts: boolean; why: string }[] = [
  {
    competitors: /^zod/,
    probe: 'https://example.com/a b',
    accepts: true,
    why: "zod's uri is z.url(), the WHATWG URL parser, which percent-encodes the space; RFC 3986 (ajv-formats, TypeBox) has no space in a URI",
  },
  {
    competitors: /^(zod|typebox)/,
    probe: 'x:',
    accepts: true,
    why: "RFC 3986 allows an empty hier-part, so 'x:' is a URI to zod and TypeBox; ajv-formats' full uri pattern wants something after the scheme",
  },
  {
    competitors: /^zod/,
    probe: '12345678-1234-1234-1234-123456789abc',
    accepts: false,
    why: "z.uuid() requires the RFC 9562 variant bits (8, 9, a or b opening the 4th group); ajv-formats' uuid checks the hex layout only",
  },
  {
    competitors: /^(zod|typebox)/,
    probe: 'urn:uuid:2f1e3a1c-3d4b-4c5d-8e6f-7a8b9c0d1e2f',
    accepts: false,
    why: "ajv-formats' uuid takes an optional urn:uuid: prefix; zod and TypeBox take the bare UUID only",
  },
];

const verdict = (competitor: Competitor, item: Item) =>
  Boolean(competitor.forBody(item)(parsedBody(item)));

describe.each(API_NAMES)('%s: the validator race is fair', (name) => {
  let corpus: Corpus;
  let mine: Competitor;
  let all: Item[];
  beforeAll(async () => {
    corpus = await loadCorpus(name);
    mine = ours(corpus.api);
    all = [...corpus.recorded, ...corpus.rejected, ...corpus.made];
  });

  it('ours accepts every recorded body and refuses every rejected one and every made break', () => {
    expect(corpus.recorded.length).toBeGreaterThan(0);
    expect(corpus.rejected.length).toBeGreaterThan(0);
    const wrong = all
      .filter((item) => {
        const expected = corpus.recorded.includes(item)
          ? true
          : item.expect === 'either'
            ? undefined
            : false;
        return expected !== undefined && verdict(mine, item) !== expected;
      })
      .map((item) => item.name);
    expect(wrong).toEqual([]);
  });

  it('the race has valid and invalid bodies of several kinds', () => {
    const { valid, invalid } = raceBodies(corpus, (item: Item) => verdict(mine, item));
    expect(valid.length).toBeGreaterThan(0);
    const kinds = new Set(invalid.map((item: Item) => item.mutation ?? 'recorded'));
    expect([...kinds]).toEqual(
      expect.arrayContaining(['recorded', 'wrong-type', 'missing-required', 'bad-enum']),
    );
  });

  it('ajv, zod (formats; safeParse, validate, compiled) and TypeBox agree with ours, save the listed format readings', () => {
    const { api } = corpus;
    const rivals = [
      ajvRuntime(api),
      zod(api),
      zod(api, { compiled: true }),
      zod(api, { firstError: true }),
      zod(api, { firstError: true, compiled: true }),
      typebox(api),
    ];
    const unlisted: string[] = [];
    const listed = new Set<string>();
    for (const item of all) {
      const expected = verdict(mine, item);
      for (const rival of rivals) {
        const answer = verdict(rival, item);
        if (answer === expected) continue;
        const known = KNOWN_DIFFERENCES.find(
          (d) => d.competitors.test(rival.name) && d.probe === item.probe && d.accepts === answer,
        );
        if (known) listed.add(`${rival.name} ${known.probe}`);
        else unlisted.push(`${rival.name} ${answer ? 'accepts' : 'refuses'} ${item.name}`);
      }
    }
    expect(unlisted).toEqual([]);
    // A listed difference that no longer shows is stale: drop it from the list.
    const formats = new Set(all.filter((item) => item.probe).map((item) => item.probe as string));
    const expectedListed = rivals.flatMap((rival) =>
      KNOWN_DIFFERENCES.filter((d) => d.competitors.test(rival.name) && formats.has(d.probe)).map(
        (d) => `${rival.name} ${d.probe}`,
      ),
    );
    expect([...listed].sort()).toEqual(expectedListed.sort());
  });

  it('zod without formats agrees with ours on the valid bodies and on every break of structure', () => {
    const structural = zod(corpus.api, { formats: false });
    const schemaOnly = ajvRuntime(corpus.api, { formats: false });
    // A recorded rejected body is a break of structure when ajv without formats refuses it too.
    const bodies = all.filter((item) =>
      item.mutation
        ? item.structural
        : corpus.recorded.includes(item) || !verdict(schemaOnly, item),
    );
    expect(bodies.length).toBeGreaterThan(corpus.recorded.length);
    const differing = bodies
      .filter((item) => verdict(structural, item) !== verdict(mine, item))
      .map((item) => item.name);
    expect(differing).toEqual([]);
  });
});

describe('the checks beside the schema are raced too', () => {
  it('fortid-wallet: bodies only the DCQL checks refuse are refused by every competitor', async () => {
    const corpus = await loadCorpus('fortid-wallet');
    const { api } = corpus;
    const mine = ours(api);
    // ajv on the bare schema, without the checks every competitor runs.
    const bare = ajvRuntime({
      ...api,
      schemas: new Map([...api.schemas].map(([key, entry]) => [key, { ...entry, checks: [] }])),
    });
    const checkOnly = corpus.made.filter(
      (item: Item) => verdict(bare, item) && !verdict(mine, item),
    );
    expect(checkOnly.length).toBeGreaterThan(0);
    for (const rival of [ajvRuntime(api), zod(api), zod(api, { firstError: true }), typebox(api)])
      expect(checkOnly.filter((item: Item) => verdict(rival, item))).toEqual([]);
  });
});

describe('the listed format readings', () => {
  it('cover only formats the made bodies probe', () => {
    for (const d of KNOWN_DIFFERENCES)
      expect(Object.values(FORMAT_EDGES).flat()).toContain(d.probe);
  });
});
