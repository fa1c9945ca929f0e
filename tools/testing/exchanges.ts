// An API's recorded exchanges (its HAR fixtures), each matched to the
// operation it was for, as the contract and wait suites replay them.
import type { ApiDescriptor, ResponseDescriptor } from '@credstat/core';
import { type FixtureFile, type HarEntry, listFixtures } from '../har/har.ts';
import { matchOperation } from '../lib/match.ts';
import { findApi } from '../lib/repo.ts';

export interface Exchange {
  name: string;
  fixture: FixtureFile;
  entry: HarEntry;
  operationId: string;
  pathParams: Record<string, string>;
  status: number;
  body: unknown;
  /** How the spec documents this status's body (`empty`: none). */
  documentedBody: ResponseDescriptor['body'] | undefined;
}

/** The body as the client hands it on: raw text stays text; `any` is JSON when it parses. */
function recordedBody(text: string, kind: Exchange['documentedBody']): unknown {
  if (text === '') return undefined;
  if (kind === 'text') return text;
  if (kind === 'any') {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return JSON.parse(text);
}

/** Every entry of every fixture of an API, matched to its operation. */
export function recordedExchanges(api: ApiDescriptor): Exchange[] {
  const { fixturesDir } = findApi(api.name);
  return listFixtures(fixturesDir).flatMap((fixture) =>
    fixture.har.log.entries.map((entry, index) => {
      const match = matchOperation(api.operations, entry.request.method, entry.request.url);
      if (!match) throw new Error(`${fixture.path}#${index} matches no operation of ${api.name}`);
      const documentedBody =
        api.operations[match.operationId]?.responses[String(entry.response.status)]?.body;
      return {
        name: `${fixture.path.slice(fixturesDir.length + 1)}#${index}`,
        fixture,
        entry,
        ...match,
        status: entry.response.status,
        body: recordedBody(entry.response.content.text ?? '', documentedBody),
        documentedBody,
      };
    }),
  );
}
