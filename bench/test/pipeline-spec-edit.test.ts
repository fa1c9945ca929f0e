// The one-spec change edits only the spec's description, and differently each time.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { withDescriptionLine } from '../pipeline/spec-edit.mjs';

const spec = readFileSync(
  resolve(import.meta.dirname, '../../specs/fortid-verifier/openapi.yaml'),
  'utf8',
);

describe('withDescriptionLine', () => {
  it('puts the line first in info.description and changes nothing else', () => {
    const before = parse(spec);
    const after = parse(withDescriptionLine(spec, 'Benchmark edit 1.'));
    expect(after.info.description).toBe(`Benchmark edit 1.\n${before.info.description}`);
    expect({ ...after, info: { ...after.info, description: '' } }).toEqual({
      ...before,
      info: { ...before.info, description: '' },
    });
  });

  it('makes a different spec for each edit', () => {
    const once = withDescriptionLine(spec, 'Benchmark edit 1.');
    expect(withDescriptionLine(spec, 'Benchmark edit 2.')).not.toBe(once);
  });

  it('fails on a spec without a block description under info', () => {
    expect(() => withDescriptionLine('openapi: 3.1.0\ninfo:\n  title: x\n', 'x')).toThrow(
      /no block `description/,
    );
  });
});
