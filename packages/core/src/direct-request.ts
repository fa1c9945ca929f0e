// A call's URL, headers and body, built with openapi-fetch's own serializers
// but as plain strings: no Headers and no Request object. Profiling showed
// those objects to be most of openapi-fetch's cost per call, so a call that no
// middleware needs to see is built here; anything else goes through openapi-fetch.

import {
  createFinalURL,
  createQuerySerializer,
  defaultBodySerializer,
  defaultPathSerializer,
  removeTrailingSlash,
} from 'openapi-fetch';
import type { ResolvedOperation } from './descriptor.js';

type HeaderValue = string | number | boolean | (string | number | boolean)[] | null | undefined;
type HeaderBag = Record<string, HeaderValue> | Headers | undefined;

/** The per-call options this builder handles, exactly as openapi-fetch does. */
export interface DirectInit {
  params?: {
    path?: Record<string, unknown>;
    query?: Record<string, unknown>;
    header?: Record<string, HeaderValue>;
  };
  body?: unknown;
  headers?: HeaderBag;
  signal?: AbortSignal | null;
  baseUrl?: string;
  parseAs?: 'json';
  bodySerializer?: (body: unknown, headers?: Headers | Record<string, string>) => unknown;
  querySerializer?: ((query: Record<string, unknown>) => string) | Record<string, unknown>;
  pathSerializer?: (path: string, params: Record<string, unknown>) => string;
}

const DIRECT_KEYS = new Set<string>([
  'params',
  'body',
  'headers',
  'signal',
  'baseUrl',
  'parseAs',
  'bodySerializer',
  'querySerializer',
  'pathSerializer',
]);

/** True when every option of the call is one this builder handles. */
export function isDirect(init: Record<string, unknown>): boolean {
  for (const key in init) if (!DIRECT_KEYS.has(key)) return false;
  return init.parseAs === undefined || init.parseAs === 'json';
}

/** openapi-fetch's header merge (later wins, null deletes, arrays repeat), lower-cased. */
export function mergeHeaderBags(...bags: HeaderBag[]): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const bag of bags) {
    if (!bag || typeof bag !== 'object') continue;
    const entries = bag instanceof Headers ? bag.entries() : Object.entries(bag);
    for (const [name, value] of entries as Iterable<[string, HeaderValue]>) {
      const key = name.toLowerCase();
      if (value === null) delete merged[key];
      else if (Array.isArray(value)) {
        const joined = value.map(String).join(', ');
        merged[key] = key in merged ? `${merged[key]}, ${joined}` : joined;
      } else if (value !== undefined) merged[key] = String(value).trim();
    }
  }
  return merged;
}

export interface DirectDefaults {
  baseUrl: string;
  headers: Record<string, string>;
}

const defaultQuery = createQuerySerializer();
// Its declaration omits the headers argument its code reads (for form bodies).
const serializeBody = defaultBodySerializer as (body: unknown, headers: object) => unknown;

/**
 * The path with each parameter as one percent-encoded segment, as openapi-fetch's
 * default (`simple` style) does; undefined where that default would do more
 * (`{name*}`, `{.name}`, `{;name}`, arrays, objects) or was replaced.
 */
function compiledPath(
  resolved: ResolvedOperation | undefined,
  values: Record<string, unknown> | undefined,
): string | undefined {
  if (!resolved?.simplePath) return undefined;
  const { pathParams, pathParts } = resolved;
  let path = pathParts[0] ?? '';
  for (let index = 0; index < pathParams.length; index++) {
    const name = pathParams[index] as string;
    const value = values?.[name];
    if (!/^[\w-]+$/.test(name) || typeof value === 'object' || value === undefined)
      return undefined;
    path += encodeURIComponent(value as string | number | boolean) + pathParts[index + 1];
  }
  return path;
}

export function directRequest(
  defaults: DirectDefaults,
  resolved: ResolvedOperation | undefined,
  path: string,
  init: DirectInit,
): { url: string; headers: Record<string, string>; body: string | undefined } {
  const { querySerializer, params } = init;
  const compiled = init.pathSerializer ? undefined : compiledPath(resolved, params?.path);
  const url =
    compiled !== undefined && !params?.query
      ? (init.baseUrl ? removeTrailingSlash(init.baseUrl) : defaults.baseUrl) + compiled
      : createFinalURL(path, {
          baseUrl: init.baseUrl ? removeTrailingSlash(init.baseUrl) : defaults.baseUrl,
          params: init.params ?? {},
          querySerializer:
            typeof querySerializer === 'function'
              ? querySerializer
              : querySerializer
                ? createQuerySerializer(querySerializer)
                : defaultQuery,
          pathSerializer: init.pathSerializer ?? defaultPathSerializer,
        } as never);
  const headers = mergeHeaderBags(defaults.headers, init.headers, init.params?.header);
  if (init.body === undefined) return { url, headers, body: undefined };
  // A custom serializer may expect a Headers object, as openapi-fetch passes one.
  const body = init.bodySerializer
    ? init.bodySerializer(init.body, new Headers(headers))
    : serializeBody(init.body, headers);
  if (body === undefined) return { url, headers, body: undefined };
  if (!('content-type' in headers)) headers['content-type'] = 'application/json';
  return { url, headers, body: String(body) };
}
