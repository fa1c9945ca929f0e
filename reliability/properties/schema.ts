// The slice of JSON Schema 2020-12 our specs use, read the way ajv reads it:
// following `#/components/schemas/…` references, flattening `$ref` + siblings
// and `allOf` into the parts that all apply to one value, and telling which
// JSON types a schema can admit at all. Anything else fails loudly, so a spec
// that starts using a new keyword is not silently tested as if it were absent.

export type Schema = boolean | SchemaObject;
export type SchemaObject = { [keyword: string]: unknown };

export type JsonType = 'null' | 'boolean' | 'object' | 'array' | 'number' | 'integer' | 'string';
export const JSON_TYPES: readonly JsonType[] = [
  'null',
  'boolean',
  'object',
  'array',
  'number',
  'integer',
  'string',
];

/** Keywords that only annotate: no effect on what is valid. */
const ANNOTATIONS = new Set([
  'title',
  'description',
  'examples',
  'example',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'externalDocs',
  'xml',
  '$comment',
]);

/** Keywords the arbitrary builder and the mutation walker both understand. */
const SUPPORTED = new Set([
  '$ref',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'enum',
  'const',
  'oneOf',
  'anyOf',
  'allOf',
  'discriminator',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  'contains',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'format',
]);

export function isSchemaObject(schema: unknown): schema is SchemaObject {
  return typeof schema === 'object' && schema !== null && !Array.isArray(schema);
}

/** The JSON type of a parsed value (`integer` for whole numbers, as JSON Schema counts them). */
export function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'string':
      return 'string';
    case 'number':
      return Number.isInteger(value) ? 'integer' : 'number';
    case 'object':
      return 'object';
    default:
      throw new Error(`not a JSON value: ${typeof value}`);
  }
}

/** A schema's `type`, as a list (an integer is also a number). */
export function declaredTypes(schema: SchemaObject): JsonType[] | undefined {
  const { type } = schema;
  if (type === undefined) return undefined;
  const types = (Array.isArray(type) ? type : [type]) as JsonType[];
  return types.includes('number') && !types.includes('integer') ? [...types, 'integer'] : types;
}

export interface Components {
  schemas?: Record<string, Schema>;
}

/** Reads schemas of one OpenAPI document: references, flattening, admitted types. */
export class SchemaReader {
  readonly #schemas: Record<string, Schema>;
  // Read once per schema object: the walkers ask about the same few hundred schemas again and again.
  readonly #parts = new WeakMap<SchemaObject, (SchemaObject | false)[]>();
  readonly #admitted = new WeakMap<SchemaObject, Set<JsonType> | undefined>();

  constructor(components: Components | undefined) {
    this.#schemas = components?.schemas ?? {};
  }

  /** The component a `$ref` names, e.g. `DcqlQuery` for `#/components/schemas/DcqlQuery`. */
  refName(ref: unknown): string {
    const name = typeof ref === 'string' ? /^#\/components\/schemas\/(.+)$/.exec(ref)?.[1] : '';
    if (!name || !(name in this.#schemas)) throw new Error(`unresolved $ref ${String(ref)}`);
    return name;
  }

  component(name: string): Schema {
    const schema = this.#schemas[name];
    if (schema === undefined) throw new Error(`no component schema ${name}`);
    return schema;
  }

  /**
   * The schema objects that all apply to one value: `$ref` targets and `allOf`
   * members flattened, `true` dropped. `false` is kept as `{ not: {} }`-like
   * `false` so callers see the value cannot be there.
   */
  parts(schema: Schema): (SchemaObject | false)[] {
    if (schema === true) return [];
    if (schema === false) return [false];
    let parts = this.#parts.get(schema);
    if (parts === undefined) {
      parts = this.#partsOf(schema);
      this.#parts.set(schema, parts);
    }
    return parts;
  }

  #partsOf(schema: SchemaObject): (SchemaObject | false)[] {
    assertSupported(schema);
    const { $ref, allOf, ...own } = schema;
    const parts: (SchemaObject | false)[] = [own];
    if ($ref !== undefined) parts.push(...this.parts(this.component(this.refName($ref))));
    for (const member of (allOf as Schema[] | undefined) ?? []) parts.push(...this.parts(member));
    return parts;
  }

  /** Every `const` and `enum` value of every component (a mutation must reach none of them). */
  constants(): Set<unknown> {
    const found = new Set<unknown>();
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) for (const item of node) visit(item);
      if (!isSchemaObject(node)) return;
      if ('const' in node) found.add(node.const);
      if (Array.isArray(node.enum)) for (const value of node.enum) found.add(value);
      for (const [keyword, child] of Object.entries(node))
        if (keyword !== 'const' && keyword !== 'enum' && !ANNOTATIONS.has(keyword)) visit(child);
    };
    visit(this.#schemas);
    return found;
  }

  /** The JSON types a schema can admit (`undefined`: any); conservative (a superset). */
  admitted(schema: Schema): Set<JsonType> | undefined {
    if (typeof schema === 'boolean') return schema ? undefined : new Set();
    if (this.#admitted.has(schema)) return this.#admitted.get(schema);
    const admitted = this.#admittedOf(schema);
    this.#admitted.set(schema, admitted);
    return admitted;
  }

  #admittedOf(schema: SchemaObject): Set<JsonType> | undefined {
    let result: Set<JsonType> | undefined;
    for (const part of this.parts(schema)) {
      const own = part === false ? new Set<JsonType>() : this.#ownAdmitted(part);
      if (own === undefined) continue;
      result = result === undefined ? own : new Set([...result].filter((type) => own.has(type)));
    }
    return result;
  }

  #ownAdmitted(part: SchemaObject): Set<JsonType> | undefined {
    let result: Set<JsonType> | undefined;
    const narrow = (types: Iterable<JsonType>) => {
      const own = new Set(types);
      result = result === undefined ? own : new Set([...result].filter((type) => own.has(type)));
    };
    const declared = declaredTypes(part);
    if (declared) narrow(declared);
    if ('const' in part) narrow(withNumber([jsonTypeOf(part.const)]));
    if (Array.isArray(part.enum)) narrow(withNumber(part.enum.map(jsonTypeOf)));
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      const branches = part[keyword] as Schema[] | undefined;
      if (!branches) continue;
      const union = new Set<JsonType>();
      for (const branch of branches) {
        const admitted = this.admitted(branch);
        if (admitted === undefined) return result;
        for (const type of admitted) union.add(type);
      }
      narrow(union);
    }
    return result;
  }
}

/** A const 1 is also admitted as the number 1.0: keep `number` beside `integer`. */
function withNumber(types: JsonType[]): JsonType[] {
  return types.includes('integer') ? [...types, 'number'] : types;
}

/** Whether a value of `type` can pass a part that admits `admitted`. */
export function admits(admitted: Set<JsonType> | undefined, type: JsonType): boolean {
  if (admitted === undefined) return true;
  return admitted.has(type) || (type === 'integer' && admitted.has('number'));
}

function assertSupported(schema: SchemaObject): void {
  for (const keyword of Object.keys(schema)) {
    if (!SUPPORTED.has(keyword) && !ANNOTATIONS.has(keyword))
      throw new Error(`schema keyword "${keyword}" is not supported by the property generators`);
  }
}
