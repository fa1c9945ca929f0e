// The type-level fixture tests: a negative fixture expects a type error only
// when it says types can see its fault.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emitFixtureTypes } from '../generator/fixture-types.ts';
import type { OpenApiDocument } from '../generator/openapi.ts';
import { apiEntry } from '../lib/repo.ts';

const scratch = mkdtempSync(join(tmpdir(), 'credstat-fixture-types-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const document: OpenApiDocument = {
  openapi: '3.1.0',
  paths: {
    '/items': {
      get: {
        operationId: 'listItems',
        responses: { '200': { description: 'Items', content: { 'application/json': {} } } },
      },
    },
  },
};

function har(body: unknown, extra: Record<string, unknown> = {}) {
  const entry = {
    comment: 'Derived (negative)',
    ...extra,
    request: { method: 'GET', url: 'https://api.test/items', headers: [] },
    response: {
      status: 200,
      content: { mimeType: 'application/json', text: JSON.stringify(body) },
    },
  };
  return JSON.stringify({ log: { version: '1.2', entries: [entry] } });
}

describe('emitFixtureTypes', () => {
  const fixtures = join(scratch, 'fixtures');
  mkdirSync(join(fixtures, 'rejected'), { recursive: true });
  writeFileSync(join(fixtures, 'ok.har'), har({ items: [] }));
  writeFileSync(join(fixtures, 'rejected', 'wrong-type.har'), har({ items: 'x' }));
  writeFileSync(
    join(fixtures, 'rejected', 'empty-list.har'),
    har({ items: [] }, { _credstatRejectedBy: 'runtime-only' }),
  );
  const api = { ...apiEntry('demo', 'specs/demo/openapi.yaml'), fixturesDir: fixtures };
  const code = emitFixtureTypes(api, document);
  const testOf = (file: string) =>
    code.slice(code.indexOf(`test("${file}`), code.indexOf('});', code.indexOf(`test("${file}`)));

  it.each([
    ['ok.har', 'satisfies', false],
    ['rejected/wrong-type.har', 'is rejected by', true],
    ['rejected/empty-list.har', 'type-checks (its fault is runtime-only) as', false],
  ])('%s %s its type', (file, verb, expectsError) => {
    expect(testOf(file)).toContain(`${file}#0 ${verb} Body<'listItems', 200>`);
    expect(testOf(file).includes('@ts-expect-error')).toBe(expectsError);
  });
});
