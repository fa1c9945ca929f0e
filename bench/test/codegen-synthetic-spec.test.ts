// The synthetic specs of the codegen suite: exactly N operations, each copy of
// a real operation with its own renamed components and fixtures, and the
// generator takes them (its checks pass and every fixture finds its operation).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bundleSpec } from '../../tools/generator/bundle-spec.ts';
import { generateApi } from '../../tools/generator/generate.ts';
import { listOperations } from '../../tools/generator/openapi.ts';
import { syntheticApi } from '../codegen/generator.ts';
import {
  buildSyntheticSpec,
  listSourceOperations,
  readSources,
  writeSyntheticSpec,
} from '../codegen/synthetic-spec.mjs';

const root = resolve(import.meta.dirname, '../..');
const sources = readSources(root);
const scratch = mkdtempSync(join(os.tmpdir(), 'credstat-synthetic-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The operationIds a synthetic spec's files declare, before any bundling. */
function declaredOperations(files: Map<string, string>): string[] {
  return [...files]
    .filter(([path]) => path.startsWith('paths/'))
    .flatMap(([, text]) =>
      Object.values(parse(text) as Record<string, { operationId?: string }>).flatMap((v) =>
        v && typeof v === 'object' && 'operationId' in v ? [v.operationId as string] : [],
      ),
    );
}

describe('buildSyntheticSpec', () => {
  const real = listSourceOperations(sources).length;

  it.each([1, 5, real - 1, real, real + 3, 50])('makes exactly %i operations', (n) => {
    const operations = declaredOperations(buildSyntheticSpec(sources, n));
    expect(operations).toHaveLength(n);
    expect(new Set(operations).size).toBe(n);
  });

  it('gives every copy its own components and fixtures', () => {
    const files = [...buildSyntheticSpec(sources, 2 * real).keys()];
    const schema = (copy: number) => `components/schemas/VerificationSessionStatusFv${copy}.yaml`;
    expect(files).toContain(schema(0));
    expect(files).toContain(schema(1));
    expect(files).toContain('fixtures/200-in-progress-fv1.har');
    expect(files).toContain('fixtures/rejected/200-unknown-status-value-fv1.har');
  });

  it('rejects an operation count that is not a positive integer', () => {
    expect(() => buildSyntheticSpec(sources, 0)).toThrow(/positive integer/);
    expect(() => buildSyntheticSpec(sources, 2.5)).toThrow(/positive integer/);
  });
});

describe('the generator on a synthetic spec', () => {
  // Two full copies and part of a third: copies must not clash, a partial copy
  // takes only the fixtures of the operations it has.
  const n = 2 * listSourceOperations(sources).length + 3;
  const dir = join(scratch, `synthetic-${n}`);
  writeSyntheticSpec(dir, buildSyntheticSpec(sources, n));
  const api = syntheticApi(`synthetic-${n}`, dir);

  it('bundles to exactly N operations', async () => {
    const { document } = await bundleSpec(api);
    expect(listOperations(document)).toHaveLength(n);
  });

  it('generates everything, with a type test per fixture', async () => {
    const tree = await generateApi(api);
    const src = tree.get('src/generated');
    const operations = src?.get('operations.gen.ts') ?? '';
    expect(operations.match(/^export function (?!waitFor|is\w+Error)\w+\(/gm)).toHaveLength(n);
    expect(src?.get('validators.gen.js')).toMatch(
      /^export \{.*\bschema_VerificationSessionStatusFv1\b/m,
    );
    // Every moved fixture matched an operation (else generateApi throws), and there are some.
    const typeTests = tree.get('test/generated')?.get('fixtures.gen.test-d.ts') ?? '';
    expect(typeTests.match(/^test\(/gm)?.length).toBeGreaterThan(2 * n);
    expect(src?.get('mock.gen.ts')).toMatch(/"default": \{/);
  }, 60_000);
});
