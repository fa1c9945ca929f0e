// The catalogue of faults: each a way for a server to answer badly, applied to
// the statuses of one operation. A fault says how to answer (`respond`) and
// what a client that holds up must make of it (`expect`).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ClientOptions } from '@credstat/core';

/** What the client heard, so which outcomes fit. */
export type Expect =
  /** A complete answer with this status: the checked body, or the typed error for it. */
  | { type: 'answer'; status: number }
  /** The status line arrived, the body broke off: a truncated body, status kept. */
  | { type: 'broken-body'; status: number }
  /** Nothing arrived (reset or closed before the status line). */
  | { type: 'no-answer' }
  /** The attempt outlived the timeout; `status` when the headers had arrived. */
  | { type: 'timeout'; status?: number }
  /** A redirect, refused; never followed to another origin. */
  | { type: 'redirect'; status: number; crossOrigin: boolean | undefined };

export interface FaultContext {
  /** Another origin (127.0.0.1, another port) that records any request it gets. */
  otherOrigin: string;
  /** Runs when the connection closes: clears the fault's own timers. */
  onClose(cleanup: () => void): void;
}

export interface Fault {
  /** `truncated-json 404`: unique within an operation. */
  name: string;
  expect: Expect;
  /** Client options this fault needs (a short timeout, a redirect policy, a token function). */
  client?: Partial<ClientOptions> & { token?: unknown };
  respond(req: IncomingMessage, res: ServerResponse, ctx: FaultContext): void;
}

/** A slow fault waits this long: far past any timeout a case uses. */
const FOREVER_MS = 60_000;
/** The client timeout when nothing at all arrives: short, so the suite stays fast. */
export const SLOW_TIMEOUT_MS = 100;
/**
 * The client timeout when the headers arrive at once and the body stalls:
 * long enough that the headers are always in before it, even on a loaded
 * machine (the error must keep their status), and still short.
 */
export const STALLED_BODY_TIMEOUT_MS = 250;
const BIG = 10 * 1024 * 1024;
const DEPTH = 10_000;

// Built as strings: JSON.stringify itself overflows the stack at this depth.
const deepArray = '['.repeat(DEPTH) + ']'.repeat(DEPTH);
const deepObject = `${'{"a":'.repeat(DEPTH)}{}${'}'.repeat(DEPTH)}`;
const deepMember = `{"message":"deep","error":"deep","detail":${deepArray}}`;
const bigJson = `{"message":"${'a'.repeat(BIG)}","error":"big"}`;
const bigGarbage = '<'.repeat(BIG);

/** A body with the framing Node picks (Content-Length). */
function send(status: number, type: string | undefined, body: string | Buffer) {
  return (_req: IncomingMessage, res: ServerResponse) => {
    const headers: Record<string, string> = {};
    if (type) headers['content-type'] = type;
    res.writeHead(status, headers);
    res.end(body);
  };
}

/** Raw bytes on the socket, then close it: framings Node's response would not produce. */
function raw(text: string, how: 'end' | 'reset' = 'end') {
  return (req: IncomingMessage) => {
    const { socket } = req;
    socket.write(text, () => {
      if (how === 'reset') socket.resetAndDestroy();
      else socket.end();
    });
  };
}

const reason = (status: number) => (status === 200 ? 'OK' : 'Status');
const JSON_TYPE = 'application/json';

/** Bodies that are not what any documented response holds (or hold it badly). */
const BODIES: {
  name: string;
  type: string | undefined;
  body: string | Buffer;
  /** 10 MB: sent at one status only (the first success, or the first error). */
  big?: 'success' | 'error';
}[] = [
  { name: 'html', type: 'text/html', body: '<html><body><h1>502 Bad Gateway</h1></body></html>' },
  { name: 'empty-content-length-0', type: JSON_TYPE, body: '' },
  { name: 'truncated-json', type: JSON_TYPE, body: '{"message":"half a bo' },
  { name: 'wrong-content-type-text', type: 'text/plain', body: 'OK' },
  { name: 'wrong-content-type-xml', type: 'application/xml', body: '<error>nope</error>' },
  { name: 'no-content-type-json', type: undefined, body: '{"message":"no type"}' },
  { name: 'null', type: JSON_TYPE, body: 'null' },
  { name: 'empty-array', type: JSON_TYPE, body: '[]' },
  { name: 'array', type: JSON_TYPE, body: '[{"message":"in an array"}]' },
  { name: 'string', type: JSON_TYPE, body: '"error"' },
  { name: 'number', type: JSON_TYPE, body: '42' },
  { name: 'boolean', type: JSON_TYPE, body: 'true' },
  { name: 'empty-object', type: JSON_TYPE, body: '{}' },
  {
    name: 'wrong-types',
    type: JSON_TYPE,
    body: '{"message":42,"error":false,"verificationSessionStatus":7,"status":[],"code":{},"uri":1,"idx":"x"}',
  },
  {
    name: 'proto-keys',
    type: JSON_TYPE,
    body: '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
  },
  {
    name: 'invalid-utf8',
    type: JSON_TYPE,
    body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
  },
  { name: 'deep-array-10000', type: JSON_TYPE, body: deepArray },
  { name: 'deep-object-10000', type: JSON_TYPE, body: deepObject },
  { name: 'deep-member-10000', type: JSON_TYPE, body: deepMember },
  { name: 'big-json-10mb', type: JSON_TYPE, body: bigJson, big: 'success' },
  { name: 'big-garbage-10mb', type: 'text/html', body: bigGarbage, big: 'error' },
];

/** Faults on the framing of a body with this status. */
function framingFaults(status: number): Fault[] {
  const head = `HTTP/1.1 ${status} ${reason(status)}\r\nContent-Type: ${JSON_TYPE}\r\n`;
  return [
    {
      name: `empty-close-delimited ${status}`,
      expect: { type: 'answer', status },
      respond: raw(`${head}Connection: close\r\n\r\n`),
    },
    {
      name: `empty-chunked ${status}`,
      expect: { type: 'answer', status },
      respond: raw(`${head}Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n`),
    },
    {
      name: `reset-mid-body ${status}`,
      expect: { type: 'broken-body', status },
      respond: raw(`${head}Content-Length: 200\r\n\r\n{"message":"cut`, 'reset'),
    },
    {
      name: `closed-mid-body ${status}`,
      expect: { type: 'broken-body', status },
      respond: raw(`${head}Content-Length: 200\r\n\r\n{"message":"cut`),
    },
    {
      name: `reset-mid-chunk ${status}`,
      expect: { type: 'broken-body', status },
      respond: raw(`${head}Transfer-Encoding: chunked\r\n\r\n20\r\n{"message":"cut`, 'reset'),
    },
  ];
}

/**
 * Bodies that stall after their headers, once each (no retry, so the suite
 * stays fast: the retry of a timeout is the slow-headers fault's).
 */
function slowFaults(success: number, error: number): Fault[] {
  const client = { timeoutMs: STALLED_BODY_TIMEOUT_MS, retry: false as const };
  return [
    {
      name: `slow-body ${success}`,
      expect: { type: 'timeout', status: success },
      client,
      respond: (_req, res, ctx) => {
        res.writeHead(success, { 'content-type': JSON_TYPE, 'content-length': '100' });
        res.write('{"message":');
        const timer = setTimeout(() => res.end(), FOREVER_MS);
        ctx.onClose(() => clearTimeout(timer));
      },
    },
    {
      name: `slow-trickle-body ${error}`,
      expect: { type: 'timeout', status: error },
      client,
      respond: (_req, res, ctx) => {
        res.writeHead(error, { 'content-type': JSON_TYPE });
        res.write('[');
        const timer = setInterval(() => res.write('0,'), 20);
        ctx.onClose(() => clearInterval(timer));
      },
    },
  ];
}

const RETRY_AFTER = [
  ['huge', '999999999'],
  ['far-date', 'Fri, 31 Dec 9999 23:59:59 GMT'],
  ['past-date', 'Wed, 21 Oct 2015 07:28:00 GMT'],
  ['garbage', 'soon, maybe'],
  ['negative', '-1'],
  ['fraction', '0.5'],
  ['overflow', '9'.repeat(400)],
] as const;

const REDIRECTS = [301, 302, 303, 307, 308] as const;

function redirectFaults(otherOrigin: () => string): Fault[] {
  const to =
    (status: number, location: string | undefined) =>
    (_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(status, location === undefined ? {} : { location });
      res.end();
    };
  const faults: Fault[] = [];
  for (const status of REDIRECTS) {
    faults.push(
      {
        name: `redirect-same-origin ${status}`,
        expect: { type: 'redirect', status, crossOrigin: false },
        respond: to(status, '/moved/here?token=x'),
      },
      {
        name: `redirect-other-origin ${status}`,
        expect: { type: 'redirect', status, crossOrigin: true },
        respond: (req, res) => to(status, `${otherOrigin()}${req.url}`)(req, res),
      },
      {
        name: `redirect-other-origin-followable ${status}`,
        expect: { type: 'redirect', status, crossOrigin: true },
        client: { redirect: 'same-origin' },
        respond: (req, res) => to(status, `${otherOrigin()}${req.url}`)(req, res),
      },
    );
  }
  faults.push(
    {
      name: 'redirect-protocol-relative 302',
      expect: { type: 'redirect', status: 302, crossOrigin: true },
      client: { redirect: 'same-origin' },
      respond: (req, res) => to(302, otherOrigin().replace(/^http:/, '') + req.url)(req, res),
    },
    {
      name: 'redirect-loop-same-origin 307',
      expect: { type: 'redirect', status: 307, crossOrigin: false },
      client: { redirect: 'same-origin' },
      respond: to(307, '/loop'),
    },
    {
      name: 'redirect-no-location 302',
      expect: { type: 'redirect', status: 302, crossOrigin: undefined },
      respond: to(302, undefined),
    },
    {
      name: 'redirect-garbage-location 301',
      expect: { type: 'redirect', status: 301, crossOrigin: undefined },
      respond: to(301, 'http://[::1'),
    },
  );
  return faults;
}

/**
 * Every fault for an operation documenting `documented` statuses. Body faults
 * go to each documented status (big bodies to the first success and first
 * error only), framing faults to each too, and the rest to the statuses that
 * show them.
 */
export function catalogue(documented: readonly number[], otherOrigin: () => string): Fault[] {
  const success = documented.find((s) => s < 300) ?? 200;
  const error = documented.find((s) => s >= 400) ?? 500;
  const faults: Fault[] = [];
  for (const status of documented) {
    for (const body of BODIES) {
      if (body.big && status !== (body.big === 'success' ? success : error)) continue;
      faults.push({
        name: `${body.name} ${status}`,
        expect: { type: 'answer', status },
        respond: send(status, body.type, body.body),
      });
    }
    faults.push(...framingFaults(status));
  }
  faults.push(...slowFaults(success, error));
  faults.push(
    {
      name: 'html 502',
      expect: { type: 'answer', status: 502 },
      respond: send(502, 'text/html', '<html><body>502 Bad Gateway (nginx)</body></html>'),
    },
    {
      name: 'html 418',
      expect: { type: 'answer', status: 418 },
      respond: send(418, 'text/html', "<html><body>I'm a teapot</body></html>"),
    },
    {
      name: 'slow-headers',
      expect: { type: 'timeout' },
      client: { timeoutMs: SLOW_TIMEOUT_MS },
      respond: (_req, res, ctx) => {
        const timer = setTimeout(() => res.end(), FOREVER_MS);
        ctx.onClose(() => clearTimeout(timer));
      },
    },
    { name: 'reset-before-headers', expect: { type: 'no-answer' }, respond: raw('', 'reset') },
    { name: 'closed-before-headers', expect: { type: 'no-answer' }, respond: raw('') },
    {
      name: 'garbage-status-line',
      expect: { type: 'no-answer' },
      respond: raw('HTTP/1.1 abc\r\n\r\n'),
    },
    {
      name: '401-with-body',
      expect: { type: 'answer', status: 401 },
      respond: send(401, JSON_TYPE, '{"error":"invalid_token","message":"who are you"}'),
    },
    {
      name: '401-with-body-token-function',
      expect: { type: 'answer', status: 401 },
      // Bearer APIs refresh once after a 401; others ignore `token`.
      client: { token: 'function' },
      respond: send(401, JSON_TYPE, '{"error":"invalid_token"}'),
    },
  );
  for (const status of [429, 503]) {
    for (const [name, value] of RETRY_AFTER) {
      faults.push({
        name: `retry-after-${name} ${status}`,
        expect: { type: 'answer', status },
        respond: (_req, res) => {
          res.writeHead(status, { 'content-type': JSON_TYPE, 'retry-after': value });
          res.end('{"message":"slow down","error":"slow_down"}');
        },
      });
    }
  }
  faults.push(...redirectFaults(otherOrigin));
  return faults;
}
