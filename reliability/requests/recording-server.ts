// A server on 127.0.0.1 that records each request exactly as it arrived: the
// raw request target (`req.url` is never normalised by node:http), the method,
// the headers and the body; the answer comes from a handler the test sets.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '@credstat/tools/testing';

export interface RecordedRequest {
  method: string;
  /** The request target as sent on the request line. */
  target: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Answer = (request: RecordedRequest, response: ServerResponse) => void;

export interface RecordingServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  received: RecordedRequest[];
  answer(next: Answer): void;
  /**
   * Records only the requests `accepted` says are this test's (a late request of
   * an earlier one, still in flight on a loaded machine, is answered 418 and not
   * recorded); `undefined` records every request.
   */
  accept(accepted: ((request: RecordedRequest) => boolean) | undefined): void;
  close(): Promise<void>;
}

const noContent: Answer = (_request, response) => {
  response.writeHead(418, { 'content-type': 'text/plain' });
  response.end('recorded');
};

export async function startRecordingServer(): Promise<RecordingServer> {
  let answer = noContent;
  let accepted: ((request: RecordedRequest) => boolean) | undefined;
  const received: RecordedRequest[] = [];
  // Path values of 10 kB and more, percent-encoded, are far past node's 16 kB default.
  const server = createServer({ maxHeaderSize: 8 * 1024 * 1024 }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const recorded = {
        method: request.method ?? '',
        target: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      if (accepted && !accepted(recorded)) return noContent(recorded, response);
      received.push(recorded);
      answer(recorded, response);
    });
  });
  const { url, close } = await listenOnLoopback(server);
  return {
    origin: url,
    received,
    answer(next) {
      answer = next;
    },
    accept(next) {
      accepted = next;
    },
    close,
  };
}
