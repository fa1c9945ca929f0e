// The lines a consumer is expected to print. A value that comes from a recorded
// answer is written `{{<fixture file>#<member path>}}` and read from the API's
// fixture, so re-recording a fixture changes what is expected instead of
// failing the run for a reason that has nothing to do with consumers.

import { findApi } from '../lib/repo.ts';
import { fixtureEntry } from '../testing/replay.ts';
import { linesOf } from './lines.ts';

const PLACEHOLDER = /\{\{([^#{}]+)#([^{}]+)\}\}/g;

/** A member of a fixture's JSON response body, by dotted path (`a.b.0`). */
export function fixtureValue(fixturesDir: string, file: string, path: string): string {
  const text = fixtureEntry(fixturesDir, file).response.content.text ?? '';
  let value: unknown = JSON.parse(text);
  for (const key of path.split('.')) {
    value =
      value !== null && typeof value === 'object'
        ? (value as Record<string, unknown>)[key]
        : undefined;
  }
  if (value === undefined) throw new Error(`${file} has no ${path} in its response body`);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `text`'s lines with every placeholder replaced from `api`'s fixtures. */
export function expectedLines(api: string, text: string): string[] {
  const { fixturesDir } = findApi(api);
  return linesOf(
    text.replace(PLACEHOLDER, (_match, file: string, path: string) =>
      fixtureValue(fixturesDir, file.trim(), path.trim()),
    ),
  );
}
