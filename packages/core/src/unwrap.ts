// From openapi-fetch's `{ data, error, response }` to "data or a typed error".
import { ApiError } from './errors.js';
import { safeUrl } from './redact.js';
import { attemptsOf, methodOf } from './transport.js';

interface FetchResult<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/**
 * Resolves to `data`, or throws ApiError for a documented error status. With
 * `throwOnError: true` (the default) the client already throws; with `false`,
 * use this where a call should fail loudly anyway.
 */
export async function unwrap<D>(result: Promise<FetchResult<D>>, operationId?: string): Promise<D> {
  const { data, error, response } = await result;
  if (response.ok) return data as D;
  const context = {
    operationId,
    method: methodOf(response),
    url: safeUrl(response.url),
    attempts: attemptsOf(response),
  };
  throw new ApiError(context, response.status, error);
}
