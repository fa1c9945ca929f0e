// createApiClient: openapi-fetch's client, with core's attempt loop as its
// fetch. Each call resolves its operation once and hands it down explicitly;
// the body is read once, parsed once, validated once, and that value is what
// the caller receives.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import {
  type Answer,
  type AttemptOptions,
  createAttempts,
  DEFAULT_RETRY,
  type RedirectPolicy,
  type RetryEvent,
  type RetryOptions,
} from './attempts.js';
import { type CredentialOptions, createCredentials } from './credentials.js';
import { type ApiDescriptor, operationsByRoute, type ResolvedOperation } from './descriptor.js';
import { InvalidParameterError, type RequestContext } from './errors.js';
import { fetchTransport } from './fetch-transport.js';
import { checkedBody } from './outcome.js';
import { pathParamProblem } from './path-params.js';
import { createRedactor } from './redact.js';
import type { FetchLike, Transport } from './transport.js';

export interface ClientOptions {
  /** Overrides the spec's first server URL. Credentials go to this origin only. */
  baseUrl?: string;
  /**
   * The fetch to send requests with, called as `fetch(url, init)`. Default:
   * `globalThis.fetch`. Ignored when `transport` is given.
   */
  fetch?: FetchLike;
  /** How requests are sent; e.g. `undiciTransport()` from `@credstat/core/undici`. */
  transport?: Transport;
  /** Check every response body against the spec. Default `true`. */
  validateResponses?: boolean;
  /**
   * `true` (default): every failure, documented error statuses included, is thrown
   * as a typed error, so a call that resolves always has `data`.
   * `false`: openapi-fetch's convention: documented error statuses resolve as
   * `{ error, response }`; failures with no documented body still throw.
   */
  throwOnError?: boolean;
  /** Limit for each attempt, body included. Default 30 000 ms; 0 disables it. */
  timeoutMs?: number;
  /** Retry tuning, or `false` for a single attempt. */
  retry?: Partial<RetryOptions> | false;
  /**
   * `error` (default): a redirect becomes a RedirectError. `same-origin` (Node
   * only): follow redirects within the `baseUrl` origin; another origin is
   * never followed.
   */
  redirect?: RedirectPolicy;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /** Called before each retry wait and each token refresh. Never receives headers or bodies. */
  onRetry?: (event: RetryEvent) => void;
}

export type CredstatClient<Paths extends {}> = Client<Paths> & {
  /** Cancels calls in flight and closes the transport's sockets. Idempotent. */
  close(): Promise<void>;
};

const CALL = Symbol.for('@credstat/core:call');

/** The request context a result came from (read by `unwrap`). */
export function callContext(result: object): RequestContext | undefined {
  return (result as { [CALL]?: RequestContext })[CALL];
}

/** Stands in for `Request` when no middleware needs a real one: nothing is copied. */
class PreparedRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: unknown;
  constructor(url: string, init: { method?: string; headers?: Headers; body?: unknown }) {
    this.url = url;
    this.method = init.method ?? 'GET';
    this.headers = init.headers ?? new Headers();
    this.body = init.body;
  }
}

// Handed back to openapi-fetch instead of the real answer: "no body to parse",
// since the answer is already parsed and checked.
const CHECKED = {
  status: 200,
  ok: true,
  headers: { get: (name: string) => (name.toLowerCase() === 'content-length' ? '0' : null) },
} as unknown as Response;

function plainHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

async function bodyText(request: Request | PreparedRequest): Promise<string | undefined> {
  if (request instanceof PreparedRequest) {
    const { body } = request;
    return body === undefined || body === null ? undefined : String(body);
  }
  return request.body === null ? undefined : request.text();
}

type Init = {
  params?: { path?: Record<string, unknown> };
  signal?: AbortSignal | null;
  parseAs?: string;
  [key: string]: unknown;
};

export function createApiClient<Paths extends {}>(
  api: ApiDescriptor,
  options: ClientOptions & CredentialOptions = {},
): CredstatClient<Paths> {
  const redact = createRedactor([options.apiKey, options.token]);
  const retry: RetryOptions =
    options.retry === false
      ? { ...DEFAULT_RETRY, maxRetries: 0 }
      : { ...DEFAULT_RETRY, ...options.retry };
  const transport = options.transport ?? fetchTransport(options.fetch);
  const closing = new AbortController();
  const attemptOptions: AttemptOptions = {
    transport,
    credentials: createCredentials(api.auth, options, redact),
    timeoutMs: options.timeoutMs ?? 30_000,
    retry,
    redirect: options.redirect ?? 'error',
    redact,
    onRetry: options.onRetry,
    closed: closing.signal,
  };
  const execute = createAttempts(attemptOptions);
  const outcomeOptions = {
    validate: options.validateResponses ?? true,
    throwOnError: options.throwOnError ?? true,
    redact,
  };
  const routes = operationsByRoute(api);
  const inner = createClient<Paths>({
    baseUrl: options.baseUrl ?? api.baseUrl,
    headers: options.headers,
  });
  // Middleware sees real Request and Response objects; without any, none is built.
  const middleware: Middleware[] = [];

  async function call(method: string, path: string, init: Init = {}) {
    const resolved: ResolvedOperation | undefined = routes.get(`${method} ${path}`);
    const problem = resolved && pathParamProblem(resolved, init.params?.path);
    if (resolved && problem) {
      const context = { operationId: resolved.operationId, method, url: path, attempts: 0 };
      throw new InvalidParameterError(context, problem.parameter, problem.problem);
    }
    let answer: Answer | undefined;
    let handed: Response | undefined;
    const send = async (request: Request | PreparedRequest): Promise<Response> => {
      answer = await execute({
        resolved,
        url: request.url,
        method: request.method,
        headers: plainHeaders(request.headers),
        body: await bodyText(request),
        signal: init.signal ?? undefined,
      });
      const value = resolved
        ? checkedBody(
            resolved.operation,
            answer.status,
            answer.text,
            answer.context,
            outcomeOptions,
          )
        : undefined;
      Object.assign(answer, { value });
      handed = middleware.length > 0 ? answer.response.toResponse(answer.text) : CHECKED;
      return handed;
    };
    const result = (await inner.request(
      method as 'get',
      path as never,
      {
        ...init,
        fetch: send,
        Request: middleware.length > 0 ? globalThis.Request : PreparedRequest,
      } as never,
    )) as { data?: unknown; error?: unknown; response: Response };
    // A middleware answered or replaced the response: openapi-fetch's result stands.
    if (!answer || result.response !== handed) return result;
    return settled(answer, resolved !== undefined);
  }

  function settled(answer: Answer, checked: boolean) {
    const { status, text, response, context } = answer;
    const value = checked ? (answer as Answer & { value: unknown }).value : text;
    let real: Response | undefined;
    const out = status < 400 ? { data: value } : { error: value };
    Object.defineProperty(out, 'response', {
      enumerable: true,
      get: () => (real ??= response.toResponse(text)),
    });
    Object.defineProperty(out, CALL, { value: context });
    return out;
  }

  const client = {
    request: (method: string, path: string, init?: Init) => call(method.toUpperCase(), path, init),
    use(...added: Middleware[]) {
      inner.use(...added);
      middleware.push(...added.filter(Boolean));
    },
    eject(...removed: Middleware[]) {
      inner.eject(...removed);
      for (const m of removed) {
        const index = middleware.indexOf(m);
        if (index !== -1) middleware.splice(index, 1);
      }
    },
    async close() {
      closing.abort();
      await transport.close();
    },
  } as Record<string, unknown>;
  for (const method of ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE']) {
    client[method] = (path: string, init?: Init) => call(method, path, init);
  }
  return client as unknown as CredstatClient<Paths>;
}
