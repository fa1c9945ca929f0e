// Who may call each operation: the spec's security, resolved once here and
// carried by the descriptor, so the runtime, the scaffold and the contract
// tests all read one answer.
import type { OpenApiDocument, OperationObject } from './openapi.ts';

export type Auth = { type: 'apiKey'; header: string } | { type: 'bearer' } | null;

/** The scheme a requirement names, as the runtime sends it; unsupported ones fail generation. */
function schemeAuth(document: OpenApiDocument, schemeName: string, where: string): Auth {
  const scheme = document.components?.securitySchemes?.[schemeName];
  if (!scheme) throw new Error(`${where}: security scheme "${schemeName}" is not declared`);
  if (scheme.type === 'apiKey' && scheme.in === 'header' && scheme.name) {
    return { type: 'apiKey', header: scheme.name };
  }
  if (scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'bearer')
    return { type: 'bearer' };
  throw new Error(
    `${where}: security scheme "${schemeName}" (${scheme.type}${scheme.in ? ` in ${scheme.in}` : ''}${scheme.scheme ? ` ${scheme.scheme}` : ''}) is not supported: use an API key in a header or HTTP bearer`,
  );
}

/**
 * An operation's credential: its own `security`, else the spec's; `security: []`
 * (or an empty requirement) means none. Alternatives the runtime cannot choose
 * between fail generation rather than being silently dropped.
 */
export function operationAuth(
  document: OpenApiDocument,
  operation: OperationObject,
  where: string,
): Auth {
  const requirements = operation.security ?? document.security ?? [];
  if (requirements.length === 0 || requirements.some((r) => Object.keys(r).length === 0)) {
    return null;
  }
  const options = requirements.map((requirement) => {
    const names = Object.keys(requirement);
    if (names.length > 1) {
      throw new Error(
        `${where}: requirements that combine schemes (${names.join(' + ')}) are not supported`,
      );
    }
    return schemeAuth(document, names[0] as string, where);
  });
  const distinct = new Set(options.map((auth) => JSON.stringify(auth)));
  if (distinct.size > 1) {
    throw new Error(`${where}: alternative security schemes are not supported; declare one`);
  }
  return options[0] ?? null;
}

/** The one credential a client of this API needs (the runtime's `auth`), or null. */
export function apiAuth(auths: readonly Auth[], where: string): Auth {
  const used = [
    ...new Map(auths.filter((a) => a !== null).map((a) => [JSON.stringify(a), a])).values(),
  ];
  if (used.length > 1) {
    throw new Error(`${where}: operations use different security schemes; one API, one credential`);
  }
  return used[0] ?? null;
}
