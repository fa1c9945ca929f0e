// The runtime description of an API that @credstat/core works from: where it
// lives, how it authenticates, and each operation's documented responses.
import type { OpenApiDocument, ResponseObject } from './openapi.ts';
import { jsonMediaType, listOperations, resolveResponse } from './openapi.ts';

type BodyKind = 'json' | 'text' | 'empty';

function bodyKind(response: ResponseObject): BodyKind {
  if (jsonMediaType(response)) return 'json';
  return Object.keys(response.content ?? {}).length > 0 ? 'text' : 'empty';
}

function authOf(document: OpenApiDocument): Record<string, string> | null {
  const [requirement] = document.security ?? [];
  const [schemeName] = Object.keys(requirement ?? {});
  const scheme = schemeName ? document.components?.securitySchemes?.[schemeName] : undefined;
  if (!scheme) return null;
  if (scheme.type === 'apiKey' && scheme.in === 'header' && scheme.name) {
    return { type: 'apiKey', header: scheme.name };
  }
  if (scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'bearer')
    return { type: 'bearer' };
  throw new Error(`Unsupported security scheme "${schemeName}" (${scheme.type})`);
}

/** `validators` maps `${operationId} ${status}` to the validator's export name. */
export function emitDescriptor(
  apiName: string,
  document: OpenApiDocument,
  validators: ReadonlyMap<string, string>,
): string {
  const operations: Record<string, unknown> = {};
  const validatorNames = new Set<string>();
  for (const { operationId, method, path, operation } of listOperations(document)) {
    const responses: Record<string, unknown> = {};
    for (const [status, raw] of Object.entries(operation.responses ?? {})) {
      const response = resolveResponse(document, raw);
      const body = bodyKind(response);
      const entry: Record<string, unknown> = { body };
      if (body === 'json') {
        const name = validators.get(`${operationId} ${status}`);
        if (!name) throw new Error(`no validator for ${operationId} ${status}`);
        validatorNames.add(name);
        entry.validate = `@@${name}@@`;
      }
      if (raw['x-credstat-retryable'] || response['x-credstat-retryable']) entry.retryable = true;
      responses[status] = entry;
    }
    operations[operationId] = { method, path, responses };
  }
  const descriptor = {
    name: apiName,
    baseUrl: document.servers?.[0]?.url ?? '',
    auth: authOf(document),
    operations,
  };
  // Validators are referenced by identifier, not inlined as JSON.
  const literal = JSON.stringify(descriptor, null, 2).replace(/"@@(\w+)@@"/g, '$1');
  const names = [...validatorNames].sort();
  return [
    "import type { ApiDescriptor } from '@credstat/core';",
    names.length > 0 ? `import { ${names.join(', ')} } from './validators.gen.js';` : '',
    '',
    `export const api = ${literal} as const satisfies ApiDescriptor;`,
    '',
  ]
    .filter((line, index) => line !== '' || index > 1)
    .join('\n');
}

export function emitValidatorDeclarations(names: Iterable<string>): string {
  const lines = ["import type { CompiledValidator } from '@credstat/core';", ''];
  for (const name of [...names].sort())
    lines.push(`export declare const ${name}: CompiledValidator;`);
  return `${lines.join('\n')}\n`;
}
