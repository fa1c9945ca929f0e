// An opt-in Node transport on undici's `request()`: keep-alive pooling, proxies
// and custom TLS through the caller's dispatcher, without fetch's per-call
// Request/Response machinery. A separate entry (`@credstat/core/undici`) so the
// static `undici` import never reaches a browser bundle; `undici` is the
// caller's own install (an optional peer dependency).
//
// `request()` never follows redirects (undici 7 moved that to an interceptor
// we do not compose), so a 3xx comes back as is and core decides. Nor does it
// decompress: it sends no `accept-encoding` of its own, so a server only
// compresses if core asks it to.
import { Agent, type Dispatcher, request } from 'undici';
import type { IncomingResponse, OutgoingRequest, Transport } from './transport.js';

export interface UndiciTransportOptions {
  /**
   * Sends through this dispatcher (an `Agent`, `Pool`, `ProxyAgent`…). It stays
   * the caller's: `close()` leaves it open. Default: an `Agent` of our own.
   */
  dispatcher?: Dispatcher;
}

// The fetch spec forbids a body for these; `new Response` throws on one.
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export function undiciTransport(options: UndiciTransportOptions = {}): Transport {
  const owned = options.dispatcher ? undefined : new Agent();
  const dispatcher = options.dispatcher ?? (owned as Agent);
  let closing: Promise<void> | undefined;

  return {
    async send(outgoing: OutgoingRequest): Promise<IncomingResponse> {
      // The signal covers the body too: on abort undici destroys the body
      // stream, so a pending text() rejects and the socket is not left busy.
      const options = {
        dispatcher,
        method: outgoing.method,
        headers: outgoing.headers,
        body: outgoing.body,
        signal: outgoing.signal,
        // Even a caller's dispatcher composed with undici's redirect interceptor
        // must not follow: a redirect is core's to refuse (credentials stay home).
        // (undici 7 types no longer list it; its request() accepts 0 only.)
        maxRedirections: 0,
      };
      const { statusCode, statusText, headers, body } = await request(
        outgoing.url,
        options as Parameters<typeof request>[1],
      );
      // Until the body is read to its end the connection cannot be reused;
      // core always reads it, once, and a second reader gets the same text.
      let read: Promise<string> | undefined;
      const header = (name: string): string | null => {
        const key = name.toLowerCase();
        // A plain object: `constructor` or `toString` must not read its prototype.
        const value = Object.hasOwn(headers, key) ? headers[key] : undefined;
        if (value === undefined) return null;
        return Array.isArray(value) ? value.join(', ') : value;
      };
      return {
        status: statusCode,
        // HTTP/1.1 reason phrase when the server sent one; HTTP/2 has none.
        statusText: statusText ?? '',
        headers: { get: header },
        text: () => {
          read ??= body.text();
          return read;
        },
        toResponse(text: string): Response {
          const init = new Headers();
          for (const [name, value] of Object.entries(headers)) {
            if (value === undefined) continue;
            // Each set-cookie stays its own entry, as in a fetch Response.
            for (const item of Array.isArray(value) ? value : [value]) init.append(name, item);
          }
          return new Response(NULL_BODY_STATUSES.has(statusCode) ? null : text, {
            status: statusCode,
            statusText: statusText ?? '',
            headers: init,
          });
        },
      };
    },

    close(): Promise<void> {
      // A graceful close: requests in flight finish, idle sockets end now.
      closing ??= owned ? owned.close() : Promise.resolve();
      return closing;
    },
  };
}
