// Which operation a request is for: its method, and its URL against each
// operation's path template on the base URL the mock serves it on.
import { withoutTrailingSlashes } from '../trailing-slashes.js';

/** A route the mock answers: an operation's, or one of the mock's own (no `operationId`). */
export interface MockRoute {
  readonly method: string;
  /** The base URL and the path template, e.g. `https://evs.fortid.com/status/{id}`. */
  readonly url: string;
  readonly operationId?: string;
}

export interface MatchedRoute<R extends MockRoute> {
  readonly route: R;
  /** Path parameters by name, percent-decoding undone. */
  readonly pathParams: Record<string, string>;
  /** The base URL the request came to (the route's, without its path template). */
  readonly baseUrl: string;
}

interface CompiledRoute<R extends MockRoute> {
  route: R;
  origin: string;
  baseUrl: string;
  pattern: RegExp;
  names: string[];
}

const literalPattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `base` without a trailing slash, joined to `path`. */
export function joinUrl(base: string, path: string): string {
  return `${withoutTrailingSlashes(base)}${path}`;
}

export interface RouteTable<R extends MockRoute> {
  readonly routes: readonly R[];
  match(method: string, url: URL): MatchedRoute<R> | undefined;
}

/** Each route with the base URL it is served on and its path template. */
export function routeTable<R extends MockRoute>(
  entries: readonly { route: R; baseUrl: string; path: string }[],
): RouteTable<R> {
  const compiled: CompiledRoute<R>[] = entries.map(({ route, baseUrl, path }) => {
    const base = new URL(baseUrl);
    const names: string[] = [];
    const template = path
      .split(/(\{[^{}]+\})/)
      .map((part) => {
        const name = /^\{([^{}]+)\}$/.exec(part)?.[1];
        if (name === undefined) return literalPattern(part);
        names.push(name);
        return '([^/]+)';
      })
      .join('');
    const prefix = literalPattern(withoutTrailingSlashes(base.pathname));
    return {
      route,
      origin: base.origin,
      baseUrl: withoutTrailingSlashes(baseUrl),
      pattern: new RegExp(`^${prefix}${template}$`),
      names,
    };
  });
  return {
    routes: compiled.map(({ route }) => route),
    match(method, url) {
      for (const { route, origin, baseUrl, pattern, names } of compiled) {
        if (route.method !== method || url.origin !== origin) continue;
        const found = pattern.exec(url.pathname);
        if (!found) continue;
        const pathParams: Record<string, string> = {};
        try {
          names.forEach((name, index) => {
            pathParams[name] = decodeURIComponent(found[index + 1] ?? '');
          });
        } catch {
          continue; // a malformed percent-encoding names no resource
        }
        return { route, pathParams, baseUrl };
      }
      return undefined;
    },
  };
}
