// The request and error paths the canary suite drives for each operation:
// what the local server answers (often echoing what it received, as a careless
// or hostile server would), and what the client is set to do.
import type { ServerResponse } from 'node:http';
import type { ClientOptions } from '@credstat/core';
import type { RecordedRequest } from '../requests/recording-server.ts';
import type { RecordedAnswer } from './fixture-answers.ts';

/** What the server received, echoed back: the credential headers and the request body. */
export function echoOf(request: RecordedRequest): string {
  const { authorization = '', 'x-api-key': apiKey = '' } = request.headers;
  return [authorization, apiKey, request.body].flat().filter(Boolean).join(' ') || 'nothing';
}

/** A body shaped like `recorded` with the echo in every string and as a member name. */
export function echoBody(recorded: string | undefined, echo: string): string {
  let shape: unknown;
  try {
    shape = recorded ? JSON.parse(recorded) : undefined;
  } catch {
    shape = undefined;
  }
  const withEcho = (value: unknown): unknown => {
    if (typeof value === 'string') return `${value} ${echo}`;
    if (Array.isArray(value)) return value.map(withEcho);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withEcho(v)]));
    return value;
  };
  const base =
    shape && typeof shape === 'object' && !Array.isArray(shape)
      ? (withEcho(shape) as Record<string, unknown>)
      : { message: echo, error: echo };
  return JSON.stringify({ ...base, [echo]: echo });
}

export type Reply = (request: RecordedRequest, response: ServerResponse, index: number) => void;

export interface Drive {
  name: string;
  /** The server's answer to the `index`th request of the call. */
  reply: Reply;
  client?: Partial<ClientOptions>;
  /** Needs a token function (refresh after a 401). */
  tokenFunctionOnly?: boolean;
}

const json = (response: ServerResponse, status: number, body: string, headers = {}) => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(body);
};

function answer(response: ServerResponse, recorded: RecordedAnswer) {
  response.writeHead(recorded.status, { 'content-type': recorded.contentType });
  response.end(recorded.body);
}

/** Every server-side path for one operation, given its recorded answers and documented statuses. */
export function serverDrives(recorded: RecordedAnswer[], statuses: number[]): Drive[] {
  const success = recorded.find((r) => r.status < 300);
  const bodyFor = (status: number) => recorded.find((r) => r.status === status)?.body;
  const drives: Drive[] = recorded.map((r, i) => ({
    name: `recorded ${r.status} (#${i + 1})`,
    reply: (_req, res) => answer(res, r),
  }));
  for (const status of statuses) {
    drives.push({
      name: `documented ${status}, the server echoing the credential`,
      reply: (req, res) => json(res, status, echoBody(bodyFor(status), echoOf(req))),
    });
  }
  drives.push(
    {
      name: 'undocumented 418 echoing',
      reply: (req, res) => {
        res.writeHead(418, { 'content-type': 'text/plain' });
        res.end(`teapot: ${echoOf(req)}`);
      },
    },
    {
      name: 'HTML 502 echoing, retried until spent',
      reply: (req, res) => {
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end(`<html><body>bad gateway for ${echoOf(req)}</body></html>`);
      },
    },
    {
      name: '503 then 429 (Retry-After 0) then the recorded success',
      reply: (req, res, index) => {
        if (index === 0) json(res, 503, echoBody(undefined, echoOf(req)));
        else if (index === 1) json(res, 429, '{}', { 'retry-after': '0' });
        else if (success) answer(res, success);
        else json(res, 503, '{}');
      },
    },
    {
      name: '401 echoing, then the recorded success (a token refresh)',
      tokenFunctionOnly: true,
      reply: (req, res, index) => {
        if (index === 0 || !success) json(res, 401, echoBody(bodyFor(401), echoOf(req)));
        else answer(res, success);
      },
    },
    {
      name: 'redirect to another origin, the credential in its query',
      reply: (req, res) => {
        res.writeHead(302, {
          location: `http://other.invalid/x?k=${encodeURIComponent(echoOf(req))}`,
        });
        res.end();
      },
    },
    {
      name: 'redirect to another origin, the credential in its path',
      reply: (req, res) => {
        res.writeHead(307, { location: `http://other.invalid/${encodeURIComponent(echoOf(req))}` });
        res.end();
      },
    },
    {
      name: 'redirect within the origin, the credential in its path (refused)',
      reply: (req, res) => {
        res.writeHead(308, { location: `/moved/${encodeURIComponent(echoOf(req))}` });
        res.end();
      },
    },
    {
      name: 'redirect within the origin followed, then 418 echoing',
      client: { redirect: 'same-origin' },
      reply: (req, res, index) => {
        if (index === 0) {
          res.writeHead(302, { location: `/moved?k=${encodeURIComponent(echoOf(req))}` });
          res.end();
        } else {
          res.writeHead(418);
          res.end(echoOf(req));
        }
      },
    },
    {
      name: 'redirect within the origin followed, then another origin',
      client: { redirect: 'same-origin' },
      reply: (req, res, index) => {
        const to =
          index === 0 ? '/moved' : `http://other.invalid/?k=${encodeURIComponent(echoOf(req))}`;
        res.writeHead(301, { location: to });
        res.end();
      },
    },
    { name: 'no answer: timeouts, retried', client: { timeoutMs: 25 }, reply: () => undefined },
    {
      name: 'headers, then the body stalls past the timeout',
      client: { timeoutMs: 25 },
      reply: (req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write(`{"echo":"${echoOf(req)}`);
      },
    },
    { name: 'connection reset before an answer', reply: (_req, res) => res.socket?.destroy() },
    {
      name: 'body cut short (truncated)',
      reply: (req, res) => {
        const text = `{"message":"${echoOf(req)}"}`;
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-length': text.length * 2,
        });
        res.write(text, () => res.socket?.destroy());
      },
    },
    {
      name: 'a 200 that fails its schema, echoing',
      reply: (req, res) => json(res, 200, echoBody(undefined, echoOf(req))),
    },
    {
      name: 'a 200 that is not JSON, echoing',
      reply: (req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(`<${echoOf(req)}`);
      },
    },
    { name: 'an empty 200', reply: (_req, res) => json(res, 200, '') },
  );
  return drives;
}
