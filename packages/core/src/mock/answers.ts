// The Responses the mock sends: recorded answers as recorded, and the ones it
// makes up itself, each marked with why (`X-Credstat-Mock`), so that nobody
// mistakes the mock's own answer for the API's.
import type { MockExample } from './definition.js';

/** The header that marks an answer the mock made up, with the reason. */
export const MOCK_HEADER = 'X-Credstat-Mock';

export interface AnswerInit {
  status: number;
  contentType?: string | undefined;
  /** A JSON value, sent as JSON text. */
  json?: unknown;
  /** A body sent as it is. */
  text?: string | undefined;
  headers?: Readonly<Record<string, string>> | undefined;
  /** Why the mock made this answer up; absent for a recorded one. */
  reason?: string | undefined;
}

/** A Response with `json` or `text` as its body, in `contentType`. */
export function answer(init: AnswerInit): Response {
  const headers = new Headers(init.headers);
  const body = init.json !== undefined ? JSON.stringify(init.json) : init.text;
  const contentType =
    init.contentType ??
    (init.json !== undefined ? 'application/json' : body ? 'text/plain' : undefined);
  if (contentType && !headers.has('content-type')) headers.set('content-type', contentType);
  if (init.reason) headers.set(MOCK_HEADER, init.reason);
  const empty = body === undefined || [204, 205, 304].includes(init.status);
  return new Response(empty ? null : body, { status: init.status, headers });
}

/** A recorded answer, as recorded (status, media type and body). */
export function exampleAnswer(example: MockExample, reason?: string): Response {
  return answer({
    status: example.status,
    contentType: example.contentType,
    json: example.json,
    text: example.text,
    reason,
  });
}

/** The mock's own error (RFC 9457 problem details), marked with `reason`. */
export function problem(status: number, reason: string, title: string, detail: string): Response {
  return answer({
    status,
    contentType: 'application/problem+json',
    json: { type: `urn:credstat:mock:${reason}`, title, status, detail },
    reason,
  });
}

/** Adds the mark to a Response that lacks one (a responder's own answer). */
export function marked(response: Response, reason: string): Response {
  if (response.headers.has(MOCK_HEADER)) return response;
  const headers = new Headers(response.headers);
  headers.set(MOCK_HEADER, reason);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
