// ReDoS (issue 22): every regex of every API — each spec's `pattern`s and the
// regexes its generated validators run, formats included — is checked for
// catastrophic backtracking with recheck. The worst 10 kB input of each is
// timed in the bench (bench/suites/regex.mjs), not here: no timed assertions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFigures } from '../lib/figures.js';
import { type CheckedRegex, checkRegex, FUZZ_ONLY, UNKNOWN, verdict } from '../redos/check.mjs';
import { listRegexes, ROOT, readApis } from '../redos/patterns.mjs';
import { sourceRegexes } from '../redos/source-regexes.mjs';
import { specRegexes } from '../redos/spec-patterns.mjs';
import { validatorRegexes } from '../redos/validator-regexes.mjs';

const PLANTED = { api: 'planted', source: '^(a+)+$', flags: '', where: 'test' };

const apis = readApis();
let checked: CheckedRegex[] = [];

beforeAll(() => {
  checked = listRegexes().map(checkRegex);
});

afterAll(() => {
  if (checked.length === 0) return;
  const { counts } = verdict(checked);
  const specPlaces = apis.reduce((n, api) => n + api.spec.regexes.length, 0);
  reportFigures('redos', 4, [
    {
      label: 'distinct regexes checked (spec patterns, validators, formats, hand-written source)',
      value: counts.checked,
    },
    { label: 'spec pattern places covered', value: specPlaces },
    { label: 'safe, proved by the automaton checker', value: counts.safeProved },
    { label: 'safe by fuzzing, linear by a written argument', value: counts.safeFuzzed },
    { label: 'vulnerable', value: counts.vulnerable },
    { label: 'unknown', value: counts.unknown },
  ]);
});

describe('the listing', () => {
  it('covers every API, and each validators module runs exactly its spec’s patterns', () => {
    expect(apis.map((a) => a.api)).toHaveLength(5);
    for (const { api, spec, validators } of apis) {
      const run = new Set(validators.regexes.map((r) => `/${r.source}/${r.flags}`));
      const inSpec = new Set(spec.regexes.map((r) => `/${r.source}/${r.flags}`));
      for (const key of inSpec)
        expect(run, `${api}: spec pattern ${key} not in validators`).toContain(key);
      const unicodePatterns = validators.regexes.filter((r) => /^pattern\d+$/.test(r.where));
      for (const r of unicodePatterns)
        expect(inSpec, `${api}: validators pattern ${r.source} not in spec`).toContain(
          `/${r.source}/${r.flags}`,
        );
    }
  });

  it('reaches every format the specs use', () => {
    for (const { api, spec, validators } of apis) {
      const reached = new Set([
        ...validators.formats,
        ...validators.regexes.flatMap((r) => /^ajv format (\S+):/.exec(r.where)?.[1] ?? []),
      ]);
      for (const format of spec.formats)
        expect(reached, `${api}: format ${format}`).toContain(format);
    }
  });

  it('no validator builds a regex from run-time data (ajv $data, format "regex")', () => {
    expect(
      apis.flatMap(({ api, validators }) =>
        validators.dynamic.map((d) => `${api} ${d.where}: ${d.text}`),
      ),
    ).toEqual([]);
  });

  it('reads patterns wherever a schema sits, and not from examples', () => {
    const found = specRegexes({
      paths: {
        '/x/{id}': {
          parameters: [{ name: 'id', in: 'path', schema: { type: 'string', pattern: '^p$' } }],
        },
      },
      components: {
        schemas: {
          pattern: { type: 'object', properties: { pattern: { type: 'string', pattern: '^q$' } } },
          Map: { patternProperties: { '^k-': { type: 'string', pattern: '^v$' } } },
          Example: { type: 'string', example: { pattern: '^not-a-schema$' }, format: 'uri' },
        },
      },
    });
    expect(found.regexes.map((r) => r.source).sort()).toEqual(['^k-', '^p$', '^q$', '^v$']);
    expect([...found.formats]).toEqual(['uri']);
  });

  it('finds regexes built at run time in a validators module', () => {
    const { regexes, dynamic } = validatorRegexes(
      'const pattern0 = new RegExp("^a$", "u");\nconst p1 = new RegExp(input);\n',
      'synthetic.js',
    );
    expect(regexes).toEqual([{ source: '^a$', flags: 'u', where: 'pattern0' }]);
    expect(dynamic).toEqual([{ where: 'p1', text: 'new RegExp(input)' }]);
  });
});

describe("the packages' hand-written source", () => {
  const packages = sourceRegexes(ROOT);

  it('is listed: every regex literal and RegExp of packages/*/src outside src/generated', () => {
    const listed = new Set(listRegexes().map((r) => `/${r.source}/${r.flags}`));
    const found = packages.flatMap((p) => p.regexes);
    expect(found.length).toBeGreaterThan(20);
    for (const r of found) expect(listed, r.where).toContain(`/${r.source}/${r.flags}`);
  });

  // A RegExp built at run time is checked where it is built: each one here is
  // reviewed, and a new one fails this test until it is.
  it('builds a RegExp at run time only where reviewed', () => {
    const dynamic = packages.flatMap((p) => p.dynamic.map((where) => where.replace(/:\d+$/, '')));
    expect(dynamic.sort()).toEqual([
      // Each route's base path and template, escaped literal text (literalPattern)
      // but for `([^/]+)` per parameter, anchored at both ends.
      'packages/core/src/mock/routes.ts',
      // `^(.*)/${kind}/([^/]+)$`, kind 't' or 'b' (checked below).
      'packages/govuk-status-list/src/status-list-reference.ts',
    ]);
  });

  it.each(['t', 'b'])("GOV.UK's status list URI pattern for kind %s is safe", (kind) => {
    const checkedOne = checkRegex({
      name: `status-list-uri-${kind}`,
      api: 'govuk-status-list',
      source: `^(.*)/${kind}/([^/]+)$`,
      flags: '',
      origins: ['packages/govuk-status-list/src/status-list-reference.ts'],
    });
    expect(checkedOne.status).toBe('safe');
  });
});

describe('recheck', () => {
  it('judges every listed regex safe; a fuzz-only or unknown verdict has its argument', () => {
    expect(checked.length).toBeGreaterThan(0);
    expect(verdict(checked).problems).toEqual([]);
    // Arguments are written for the regexes we have, by name.
    expect(Object.keys({ ...FUZZ_ONLY, ...UNKNOWN }).sort()).toEqual(
      checked
        .filter((r) => r.status === 'unknown' || r.checker === 'fuzz')
        .map((r) => r.name)
        .sort(),
    );
  });

  it('catches a planted ^(a+)+$ as vulnerable, with an attack string', () => {
    const planted = listRegexes({ extra: [PLANTED] }).find((r) => r.api === 'planted');
    if (!planted) throw new Error('the planted regex is not listed');
    const result = checkRegex(planted);
    expect(result.status).toBe('vulnerable');
    expect(result.attack?.string).toMatch(/^a+/);
    const { problems, counts } = verdict([...checked, result]);
    expect(counts.vulnerable).toBe(1);
    expect(problems).toEqual([expect.stringContaining('planted test /^(a+)+$/ is vulnerable')]);
  });
});
