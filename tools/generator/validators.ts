// Compiles every documented response body into a standalone ajv validator and
// bundles the result into one self-contained ES module: ajv's standalone code
// still calls require() for its runtime helpers, which browsers and pure-ESM
// consumers cannot load, so the helpers are inlined by rolldown here.
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';
import { bundleSource } from '../lib/bundle-source.ts';
import {
  ANY_MEDIA_TYPE,
  bodyMediaType,
  type JsonSchema,
  listOperations,
  type OpenApiDocument,
  parametersOf,
  resolveRef,
  resolveResponse,
} from './openapi.ts';

/** Annotation-only OpenAPI keywords that JSON Schema validation ignores. */
const OPENAPI_ANNOTATIONS = ['example', 'xml', 'externalDocs'];

/** Rewrites `#/components/schemas/X` refs to X's own schema id, recursively. */
function retarget(value: unknown, schemasId: string): unknown {
  if (Array.isArray(value)) return value.map((item) => retarget(item, schemasId));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === '$ref' && typeof item === 'string' && item.startsWith('#/components/schemas/')) {
      out[key] = `${schemasId}/${item.slice('#/components/schemas/'.length)}`;
    } else if (key === 'discriminator' && item && typeof item === 'object') {
      // ajv infers the mapping from each branch's const; it rejects an explicit one.
      const { mapping: _mapping, ...rest } = item as Record<string, unknown>;
      out[key] = rest;
    } else {
      out[key] = retarget(item, schemasId);
    }
  }
  return out;
}

export interface ValidatorSet {
  /** Export name for each `${operationId} ${status}` whose body has a JSON schema. */
  exports: Map<string, string>;
  /** Export name of each operation's parameter check (`{ path, query }`), if it has parameters. */
  parameters: Map<string, string>;
  /** Export name of each operation's request body check, if its body has a schema (for the mock). */
  requests?: Map<string, string>;
  code: string;
}

/** `{ path, query }` as one object schema, from the parameters' own schemas. */
function parametersSchema(
  parameters: ReturnType<typeof parametersOf>,
  schemasId: string,
): JsonSchema | undefined {
  const groups: Record<string, { properties: Record<string, unknown>; required: string[] }> = {};
  for (const parameter of parameters) {
    if (parameter.in !== 'path' && parameter.in !== 'query') continue;
    const group = groups[parameter.in] ?? { properties: {}, required: [] };
    groups[parameter.in] = group;
    group.properties[parameter.name] = retarget(parameter.schema ?? {}, schemasId);
    if (parameter.required || parameter.in === 'path') group.required.push(parameter.name);
  }
  if (Object.keys(groups).length === 0) return undefined;
  const properties = Object.fromEntries(
    Object.entries(groups).map(([where, group]) => [where, { type: 'object', ...group }]),
  );
  // Path parameters are always sent; query ones only if given.
  return { type: 'object', properties, required: 'path' in groups ? ['path'] : [] };
}

export async function compileValidators(
  apiName: string,
  document: OpenApiDocument,
): Promise<ValidatorSet> {
  const ajv = new Ajv2020.default({
    code: { source: true, esm: true },
    allErrors: true,
    discriminator: true,
    // Call shared components by reference instead of copying them inline.
    inlineRefs: false,
    strict: true,
  });
  addFormats.default(ajv);
  for (const keyword of OPENAPI_ANNOTATIONS) ajv.addKeyword(keyword);

  // Each component is a schema of its own, so ajv compiles it once and every
  // response that uses it calls the same function.
  const schemasId = `https://credstat.invalid/${apiName}/schemas`;
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    ajv.addSchema({ ...(retarget(schema, schemasId) as JsonSchema), $id: `${schemasId}/${name}` });
  }

  const exports = new Map<string, string>();
  const parameters = new Map<string, string>();
  const requests = new Map<string, string>();
  const refs: Record<string, string> = {};
  /** A body schema's check: a bare component reference is the component's own function. */
  const bodyCheck = (schema: JsonSchema, ownName: string, ownId: string): string => {
    const target = retarget(schema, schemasId) as JsonSchema;
    const ref = Object.keys(target).length === 1 ? (target.$ref as string | undefined) : undefined;
    const name = ref ? `schema_${ref.slice(schemasId.length + 1)}` : ownName;
    const id = ref ?? ownId;
    if (!ref) ajv.addSchema({ ...target, $id: id });
    refs[name] = id;
    return name;
  };
  for (const entry of listOperations(document)) {
    const { operationId, operation } = entry;
    const paramSchema = parametersSchema(parametersOf(document, entry), schemasId);
    if (paramSchema) {
      const id = `https://credstat.invalid/${apiName}/parameters/${operationId}`;
      ajv.addSchema({ ...paramSchema, $id: id });
      refs[`params_${operationId}`] = id;
      parameters.set(operationId, `params_${operationId}`);
    }
    // The request body's schema (the mock checks requests against it).
    const requestBody = operation.requestBody && resolveRef(document, operation.requestBody);
    const [requestType, requestMedia] = Object.entries(requestBody?.content ?? {})[0] ?? [];
    if (requestType && requestMedia?.schema && !ANY_MEDIA_TYPE.test(requestType)) {
      const id = `https://credstat.invalid/${apiName}/requests/${operationId}`;
      requests.set(operationId, bodyCheck(requestMedia.schema, `request_${operationId}`, id));
    }
    for (const [status, raw] of Object.entries(operation.responses ?? {})) {
      // JSON bodies, and raw ones with a schema (e.g. a JWT's pattern); never `*/*`.
      const [type, media] = bodyMediaType(resolveResponse(document, raw)) ?? [];
      const schema = media?.schema;
      if (!schema || !type || ANY_MEDIA_TYPE.test(type)) continue;
      // A bare component reference is validated by the component's own function,
      // exported once however many responses use it.
      const id = `https://credstat.invalid/${apiName}/responses/${operationId}/${status}`;
      exports.set(`${operationId} ${status}`, bodyCheck(schema, `${operationId}_${status}`, id));
    }
  }

  const source = standaloneCode.default(ajv, refs);
  return { exports, parameters, requests, code: await inlineRuntime(source) };
}

async function inlineRuntime(source: string): Promise<string> {
  const code = await bundleSource(source, {
    resolveFrom: import.meta.dirname,
    platform: 'neutral',
    format: 'es',
  });
  // The bundled CommonJS helpers name their on-disk location in region comments:
  // strip them so output is the same on every machine.
  return code.replace(/^\/\/#(end)?region.*\n/gm, '');
}
