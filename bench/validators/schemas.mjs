// Each documented response body's schema as one self-contained JSON Schema
// 2020-12 document (components under `$defs`), the form every competitor's
// converter takes; and the walker that edits a schema without touching the
// instance data inside it (`const`, `enum`, `examples`, property names).

/** Keywords whose value is one subschema. */
const ONE = [
  'items',
  'additionalProperties',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
];
/** Keywords whose value is a list of subschemas. */
const LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
/** Keywords whose value maps names to subschemas. */
const MAP = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];

/**
 * A copy of `schema` in which `visit` has rewritten every (sub)schema object:
 * it gets a shallow copy and returns the node to keep (subschemas are then
 * walked in what it returns).
 */
export function mapSchema(schema, visit) {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const node = visit({ ...schema });
  for (const key of ONE) if (key in node) node[key] = mapSchema(node[key], visit);
  for (const key of LIST)
    if (Array.isArray(node[key])) node[key] = node[key].map((s) => mapSchema(s, visit));
  for (const key of MAP) {
    if (node[key] && typeof node[key] === 'object') {
      node[key] = Object.fromEntries(
        Object.entries(node[key]).map(([name, s]) => [name, mapSchema(s, visit)]),
      );
    }
  }
  return node;
}

/** OpenAPI-only annotations JSON Schema does not know (the generator ignores them too). */
const OPENAPI_ANNOTATIONS = ['example', 'xml', 'externalDocs'];
const COMPONENT_REF = '#/components/schemas/';

/**
 * The self-contained schema of one body: `#/components/schemas/X` becomes
 * `#/$defs/X`. `discriminator` is kept (without `mapping`, as the generator
 * hands it to ajv) only when `keepDiscriminator`: the other converters do not
 * know the keyword, and the `oneOf` beside it already decides alone.
 */
export function bodySchema(document, schema, { keepDiscriminator = false } = {}) {
  const rewrite = (node) => {
    for (const key of OPENAPI_ANNOTATIONS) delete node[key];
    if (typeof node.$ref === 'string' && node.$ref.startsWith(COMPONENT_REF))
      node.$ref = `#/$defs/${node.$ref.slice(COMPONENT_REF.length)}`;
    if (node.discriminator) {
      if (keepDiscriminator) node.discriminator = { propertyName: node.discriminator.propertyName };
      else delete node.discriminator;
    }
    return node;
  };
  return mapSchema(
    {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      ...schema,
      $defs: document.components?.schemas ?? {},
    },
    rewrite,
  );
}

/** The same schema with every `format` removed: what "structural" validation checks. */
export function withoutFormats(schema) {
  return mapSchema(schema, (node) => {
    delete node.format;
    return node;
  });
}

/** Follows `#/$defs/X` refs (and chains of them) inside a self-contained schema. */
export function resolveLocal(root, schema) {
  let node = schema;
  for (let hops = 0; typeof node?.$ref === 'string' && hops < 32; hops++) {
    const name = node.$ref.startsWith('#/$defs/') ? node.$ref.slice('#/$defs/'.length) : null;
    const target = name === null ? undefined : root.$defs?.[name];
    if (!target) throw new Error(`cannot resolve ${node.$ref}`);
    const { $ref: _ref, ...rest } = node;
    node = { ...target, ...rest };
  }
  return node;
}
