// From openapi-fetch's `{ data, error, response }` to "data or a typed error".
import { callContext } from './client.js';
import { ApiError } from './errors.js';
import { safeUrl } from './redact.js';

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
export async function unwrap<D>(result: Promise<FetchResult<D>>): Promise<D> {
  const settled = await result;
  const context = callContext(settled);
  if (context ? !('error' in settled) : settled.response.ok) return settled.data as D;
  const { response } = settled;
  throw new ApiError(
    context ?? { operationId: undefined, method: '', url: safeUrl(response.url), attempts: 1 },
    response.status,
    settled.error,
  );
}
