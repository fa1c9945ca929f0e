// What every generated operation function does: put the arguments where the
// spec says (path parameters, query, a body in its media type), make the call,
// and resolve to the success body or throw the typed error.
import type { OperationDescriptor } from './descriptor.js';
import { unwrap } from './unwrap.js';

/** Per-call options of a generated operation function. */
export interface CallInit {
  signal?: AbortSignal;
  /**
   * Another server for this call (e.g. a status list host named in a
   * credential). An operation that sends a credential refuses any origin but
   * the client's own, before sending.
   */
  baseUrl?: string;
}

interface Requester {
  request(
    method: string,
    path: string,
    init: object,
  ): Promise<{ data?: unknown; error?: unknown; response: Response }>;
}

const JSON_TYPE = /^application\/([\w.+-]+\+)?json/;

export function callOperation<T>(
  client: unknown,
  operation: OperationDescriptor,
  args: object,
  init: CallInit = {},
): Promise<T> {
  const { query, body, ...path } = args as { query?: object; body?: unknown };
  const request: Record<string, unknown> = { params: { path, query }, signal: init.signal };
  if (init.baseUrl !== undefined) request.baseUrl = init.baseUrl;
  const headers: Record<string, string> = {};
  if (operation.accept) headers.accept = operation.accept;
  if (body !== undefined) {
    request.body = body;
    const type = operation.requestBody?.mediaType;
    // A raw media type (e.g. `application/jwt`) is sent as the string it is.
    if (type && !JSON_TYPE.test(type)) request.bodySerializer = String;
    if (type) headers['content-type'] = type;
  }
  request.headers = headers;
  const requester = client as Requester;
  return unwrap(requester.request(operation.method, operation.path, request)) as Promise<T>;
}
