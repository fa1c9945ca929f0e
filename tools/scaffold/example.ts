// The first documented success example of a spec, for a new package's README.
import {
  jsonMediaType,
  listOperations,
  type OpenApiDocument,
  resolveResponse,
} from '../generator/openapi.ts';

export interface SpecExample {
  operationId: string;
  status: number;
  body: unknown;
}

export function exampleBody(document: OpenApiDocument): SpecExample {
  for (const { operationId, operation } of listOperations(document)) {
    for (const [status, raw] of Object.entries(operation.responses ?? {})) {
      if (!/^2\d\d$/.test(status)) continue;
      const media = jsonMediaType(resolveResponse(document, raw))?.[1] as
        | { example?: unknown; examples?: Record<string, { value?: unknown }> }
        | undefined;
      const body = media?.example ?? Object.values(media?.examples ?? {})[0]?.value;
      if (body !== undefined) return { operationId, status: Number(status), body };
    }
  }
  throw new Error('the spec has no example for any 2xx JSON response (redocly lint requires one)');
}
