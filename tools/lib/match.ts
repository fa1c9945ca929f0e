// Which operation a recorded request was for, and its path parameters.

export interface RoutableOperation {
  method: string;
  path: string;
}

export interface MatchedOperation {
  operationId: string;
  pathParams: Record<string, string>;
}

function templateRegex(template: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const pattern = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name) {
        names.push(name);
        return '([^/]+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return { regex: new RegExp(`${pattern}$`), names };
}

/** Matches `url` (whose path may start with the server's base path) to an operation. */
export function matchOperation(
  operations: Record<string, RoutableOperation>,
  method: string,
  url: string,
): MatchedOperation | undefined {
  const { pathname } = new URL(url);
  for (const [operationId, operation] of Object.entries(operations)) {
    if (operation.method.toUpperCase() !== method.toUpperCase()) continue;
    const { regex, names } = templateRegex(operation.path);
    const found = regex.exec(pathname);
    if (!found) continue;
    const pathParams = Object.fromEntries(
      names.map((name, i) => [name, decodeURIComponent(found[i + 1] ?? '')]),
    );
    return { operationId, pathParams };
  }
  return undefined;
}
