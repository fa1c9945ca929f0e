// A fetch that answers with one recorded HAR exchange, after checking that the
// client sent the recorded request.
import { type HarEntry, listFixtures } from '../har/har.ts';

export interface ReplayFetch {
  (url: string, init?: RequestInit): Promise<Response>;
  /** Requests the client actually sent. */
  readonly sent: Request[];
}

/**
 * A fetch that answers with recorded exchanges in order (the last one again
 * once they run out), after checking each request matches its recording.
 */
export function replayFetch(...entries: HarEntry[]): ReplayFetch {
  const sent: Request[] = [];
  const replay = async (url: string, init?: RequestInit) => {
    const request = new Request(url, init);
    const entry = entries[Math.min(sent.length, entries.length - 1)];
    sent.push(request);
    if (!entry) throw new Error('replayFetch needs at least one entry');
    if (request.method !== entry.request.method || request.url !== entry.request.url) {
      throw new Error(
        `expected ${entry.request.method} ${entry.request.url}, got ${request.method} ${request.url}`,
      );
    }
    const { status, statusText, headers, content } = entry.response;
    const body = [204, 304].includes(status) ? null : (content.text ?? '');
    return new Response(body, {
      status,
      statusText,
      headers: headers.map(({ name, value }): [string, string] => [name, value]),
    });
  };
  return Object.assign(replay, { sent });
}

/** The first entry of a fixture file, by file name (rejected/ included). */
export function fixtureEntry(fixturesDir: string, file: string): HarEntry {
  const fixture = listFixtures(fixturesDir).find((candidate) =>
    candidate.path.endsWith(`/${file}`),
  );
  const entry = fixture?.har.log.entries[0];
  if (!entry) throw new Error(`no fixture ${file} in ${fixturesDir}`);
  return entry;
}

/** The same exchange, answered for another URL (e.g. another session id). */
export function withUrl(entry: HarEntry, url: string): HarEntry {
  return { ...entry, request: { ...entry.request, url } };
}
