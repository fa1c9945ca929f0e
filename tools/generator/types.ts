// TypeScript types for a spec, by openapi-typescript.
import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenApiDocument } from './openapi.ts';

export async function emitTypes(document: OpenApiDocument): Promise<string> {
  // openapi-typescript mutates what it is given.
  const ast = await openapiTS(structuredClone(document) as never, {
    alphabetize: false,
    exportType: false,
  });
  return astToString(ast);
}
