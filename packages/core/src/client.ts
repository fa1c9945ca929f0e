// createApiClient: openapi-fetch's client, with core's attempt loop as its
// fetch. Each call resolves its operation once and hands it down explicitly;
// the body is read once, parsed once, validated once, and that value is what
// the caller receives.
import createClient, { type Client, type Middleware, removeTrailingSlash } from 'openapi-fetch';
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
import { type DirectInit, directRequest, isDirect, mergeHeaderBags } from './direct-request.js';
import { InvalidParameterError, type RequestContext } from './errors.js';
import { fetchTransport } from './fetch-transport.js';
import { checkedBody } from './outcome.js';
import { pathParamProblem, schemaProblem } from './path-params.js';
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
   * Check parameters against the spec's schemas (formats, patterns, enums)
   * before sending. Default `true`. An empty, `.` or `..` path parameter is
   * refused whatever this says.
   */
  validateRequests?: boolean;
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
  /** The base URL calls go to; its origin is the only one that receives the credential. */
  readonly baseUrl: string;
  /** Cancels calls in flight and closes the transport's sockets. Idempotent. */
  close(): Promise<void>;
};

const CALL = Symbol.for('@credstat/core:call');
/** `application/jwt` and `application/<anything>+jwt`: a request body that is a signed token. */
const JWT_MEDIA_TYPE = /^application\/([\w.-]+\+)?jwt\s*(;|$)/i;

/** The request context a result came from (read by `unwrap`). */
export function callContext(result: object): RequestContext | undefined {
  return (result as { [CALL]?: RequestContext })[CALL];
}

/** openapi-fetch's result shape; `response` is built only if read. */
abstract class CallResult {
  #response: Response | undefined;
  readonly #answer: Answer;
  /** `response`: the Response already built for middleware, if any (built once only). */
  constructor(answer: Answer, response?: Response) {
    this.#answer = answer;
    this.#response = response;
  }
  get [CALL](): RequestContext {
    return this.#answer.context;
  }
  /** For fetch, the original Response, made readable again from the text already read. */
  get response(): Response {
    this.#response ??= this.#answer.response.toResponse(this.#answer.text);
    return this.#response;
  }
}
class DataResult extends CallResult {
  constructor(
    readonly data: unknown,
    answer: Answer,
    response?: Response,
  ) {
    super(answer, response);
  }
}
class ErrorResult extends CallResult {
  constructor(
    readonly error: unknown,
    answer: Answer,
    response?: Response,
  ) {
    super(answer, response);
  }
}

type Init = {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown> };
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
  const baseUrl = removeTrailingSlash(options.baseUrl ?? api.baseUrl);
  const attemptOptions: AttemptOptions = {
    transport,
    credentials: createCredentials(api.auth, options, redact),
    origin: URL.canParse(baseUrl) ? new URL(baseUrl).origin : undefined,
    timeoutMs: options.timeoutMs ?? 30_000,
    retry,
    redirect: options.redirect ?? 'error',
    redact,
    onRetry: options.onRetry,
  };
  const attempts = createAttempts(attemptOptions);
  const outcomeOptions = {
    validate: options.validateResponses ?? true,
    throwOnError: options.throwOnError ?? true,
    redact,
  };
  const routes = operationsByRoute(api);
  const checkRequests = options.validateRequests ?? true;
  const defaults = { baseUrl, headers: mergeHeaderBags(options.headers) };
  const inner = createClient<Paths>(defaults);
  // Registered middleware; while there is none, no Request or Response is built.
  const middleware: Middleware[] = [];
  // A signed request JWT (GOV.UK's `/issue`, `/revoke`) authenticates the request
  // by itself: like a token, it is kept out of every error and hook.
  const isSecretBody = (resolved: ResolvedOperation | undefined, body: string | undefined) =>
    body !== undefined && JWT_MEDIA_TYPE.test(resolved?.operation.requestBody?.mediaType ?? '');

  async function call(method: string, path: string, init: Init = {}) {
    // The secrets this call learns stay redacted until it has settled, however
    // many calls run beside it.
    const held: (() => void)[] = [];
    const keep = (secret: string) => {
      held.push(redact.hold(secret));
    };
    try {
      return await callHolding(method, path, init, keep);
    } finally {
      for (const release of held) release();
    }
  }

  async function callHolding(
    method: string,
    path: string,
    init: Init,
    keep: (secret: string) => void,
  ) {
    const resolved: ResolvedOperation | undefined = routes.get(`${method} ${path}`);
    const problem =
      resolved &&
      (pathParamProblem(resolved, init.params?.path) ??
        (checkRequests ? schemaProblem(resolved, init.params) : undefined));
    if (resolved && problem) {
      const context = { operationId: resolved.operationId, method, url: path, attempts: 0 };
      throw new InvalidParameterError(context, problem.parameter, problem.problem);
    }
    const signal = init.signal ?? undefined;
    // An operation on a server of its own (it sends no credential) goes there.
    const server = resolved?.operation.baseUrl;
    if (server !== undefined && init.baseUrl === undefined) init = { ...init, baseUrl: server };
    if (middleware.length === 0 && isDirect(init)) {
      const built = directRequest(defaults, resolved, path, init as DirectInit);
      if (isSecretBody(resolved, built.body)) keep(built.body as string);
      const answer = await attempts.execute({ resolved, method, signal, keep, ...built });
      return settled(answer, check(resolved, answer));
    }
    // Middleware sees real Request and Response objects, as openapi-fetch gives them.
    let answer: Answer | undefined;
    let value: unknown;
    let handed: Response | undefined;
    const send = async (request: Request): Promise<Response> => {
      const body = request.body === null ? undefined : await request.text();
      if (isSecretBody(resolved, body)) keep(body as string);
      answer = await attempts.execute({
        resolved,
        url: request.url,
        method: request.method,
        headers: mergeHeaderBags(request.headers),
        body,
        signal,
        keep,
      });
      value = check(resolved, answer);
      handed = answer.response.toResponse(answer.text);
      return handed;
    };
    const result = (await inner.request(
      method as 'get',
      path as never,
      {
        ...init,
        fetch: send,
      } as never,
    )) as { data?: unknown; error?: unknown; response: Response };
    // A middleware answered or replaced the response, or the caller chose how
    // to parse it: openapi-fetch's result stands.
    if (!answer || result.response !== handed || init.parseAs !== undefined) return result;
    return settled(answer, value, handed);
  }

  function check(resolved: ResolvedOperation | undefined, answer: Answer): unknown {
    if (!resolved) return answer.text;
    const { operation } = resolved;
    return checkedBody(operation, answer.status, answer.text, answer.context, outcomeOptions);
  }

  function settled(answer: Answer, value: unknown, response?: Response): CallResult {
    return answer.status < 400
      ? new DataResult(value, answer, response)
      : new ErrorResult(value, answer, response);
  }

  const client = {
    baseUrl,
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
      attempts.close();
      await transport.close();
    },
  } as Record<string, unknown>;
  for (const method of ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE']) {
    client[method] = (path: string, init?: Init) => call(method, path, init);
  }
  return client as unknown as CredstatClient<Paths>;
}
