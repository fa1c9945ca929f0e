// How one HTTP exchange is sent. Core decides what to send and when (retries,
// timeouts, credentials, redirects); a transport only moves bytes. The default
// sends with `fetch`; `@credstat/core/undici` sends with undici's `request()`.

/** One request, fully built: core never asks a transport to change it. */
export interface OutgoingRequest {
  readonly url: string;
  readonly method: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** Already serialized (JSON text, or a compact JWS for `application/jwt`). */
  readonly body: string | undefined;
  /** Aborts on the caller's signal and on the attempt's timeout. */
  readonly signal: AbortSignal;
}

/** What core needs of an answer. A transport never follows a redirect itself. */
export interface IncomingResponse {
  /** 0 for a browser's opaque redirect (the status and target are hidden). */
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  /** The whole body; rejects if it ends early or the request's signal aborts. */
  text(): Promise<string>;
  /**
   * The exchange as a WHATWG `Response` whose readers replay `text` (the body
   * has been read once already). Called once per call, on the final answer.
   */
  toResponse(text: string): Response;
}

export interface Transport {
  send(request: OutgoingRequest): Promise<IncomingResponse>;
  /** Ends keep-alive sockets the transport owns. Idempotent. */
  close(): Promise<void>;
}

/** A fetch-compatible function: `globalThis.fetch`, undici's `fetch`, msw… */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;
