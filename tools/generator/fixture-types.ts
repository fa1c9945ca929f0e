// A type-level test per fixture: every recorded body must satisfy its generated
// type, and every rejected one must not (so `@ts-expect-error` is required).
import { relative } from 'node:path';
import { listFixtures } from '../har/har.ts';
import type { ApiEntry } from '../lib/repo.ts';
import { type OpenApiDocument, operationsById, routeMatcher } from './openapi.ts';

export function emitFixtureTypes(api: ApiEntry, document: OpenApiDocument): string {
  const match = routeMatcher(operationsById(document));
  const lines = [
    "import type { ResponseBody } from '@credstat/core';",
    "import { test } from 'vitest';",
    "import type { operations } from '../../src/generated/types.gen.js';",
    '',
    'type Body<K extends keyof operations, S extends number> = ResponseBody<operations[K], S>;',
    '',
  ];
  for (const fixture of listFixtures(api.fixturesDir)) {
    const file = relative(api.fixturesDir, fixture.path);
    fixture.har.log.entries.forEach((entry, index) => {
      const { text, mimeType } = entry.response.content;
      if (!text) return;
      const matched = match(entry.request.method, entry.request.url);
      if (!matched)
        throw new Error(
          `${file}#${index}: no operation for ${entry.request.method} ${entry.request.url}`,
        );
      const type = `Body<'${matched.operationId}', ${entry.response.status}>`;
      // A raw body (e.g. a status list JWT) is the string it is.
      const body = /json/.test(mimeType) ? JSON.stringify(JSON.parse(text)) : JSON.stringify(text);
      const verb = !fixture.rejected
        ? 'satisfies'
        : entry._credstatRejectedBy === 'runtime-only'
          ? 'type-checks (its fault is runtime-only) as'
          : 'is rejected by';
      lines.push(`test(${JSON.stringify(`${file}#${index} ${verb} ${type}`)}, () => {`);
      // Only what types can express is expected to fail them (see HarEntry).
      if (fixture.rejected && entry._credstatRejectedBy !== 'runtime-only')
        lines.push(`  // @ts-expect-error ${entry.comment ?? 'negative fixture'}`);
      lines.push(`  const body: ${type} = ${body};`, '  void body;', '});', '');
    });
  }
  return lines.join('\n');
}
