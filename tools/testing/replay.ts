// A fetch that answers with one recorded HAR exchange, after checking that the
// client sent the recorded request.
import { type HarEntry, headerValue } from '../fixtures/har.ts';

export interface ReplayFetch {
  (request: Request): Promise<Response>;
  /** Requests the client actually sent. */
  readonly sent: Request[];
}

export function replayFetch(entry: HarEntry): ReplayFetch {
  const sent: Request[] = [];
  const replay = async (request: Request) => {
    sent.push(request);
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

export function requestHeader(entry: HarEntry, name: string): string | undefined {
  return headerValue(entry.request.headers, name);
}
