// A fast-check arbitrary built from a JSON Schema: every value it generates is
// valid by construction. Combinators: `allOf` and `$ref` + siblings merge into
// one set of constraints; `anyOf` picks a branch; `oneOf` picks a branch only
// when its branches cannot overlap (a discriminator with distinct consts, or
// disjoint types), so the value matches exactly one.
import fc from 'fast-check';
import { formatOf } from './formats.ts';
import {
  declaredTypes,
  type JsonType,
  type Schema,
  type SchemaObject,
  type SchemaReader,
} from './schema.ts';

/** Replaces the arbitrary of a named component (e.g. DCQL's rules beside the schema). */
export type Overrides = Record<string, (generic: fc.Arbitrary<unknown>) => fc.Arbitrary<unknown>>;

/** Keys never generated as extra members: prototype-pollution.test.ts injects them on purpose. */
export const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Extra members and array items stay few: enough to vary, small enough to run fast. */
const MAX_EXTRA = 2;
const EXTRA_ITEMS = 3;
const MAX_STRING = 16;
const ANY_JSON = fc.jsonValue({ maxDepth: 1 });

export class ArbitraryBuilder {
  readonly #reader: SchemaReader;
  readonly #overrides: Overrides;
  readonly #byComponent = new Map<string, fc.Arbitrary<unknown>>();
  readonly #building = new Set<string>();

  constructor(reader: SchemaReader, overrides: Overrides = {}) {
    this.#reader = reader;
    this.#overrides = overrides;
  }

  of(schema: Schema): fc.Arbitrary<unknown> {
    const ref = bareRef(schema);
    if (ref === undefined) return this.#ofParts(this.#reader.parts(schema));
    const name = this.#reader.refName(ref);
    const cached = this.#byComponent.get(name);
    if (cached) return cached;
    if (this.#building.has(name)) throw new Error(`recursive schema ${name} is not supported`);
    this.#building.add(name);
    const generic = this.of(this.#reader.component(name));
    this.#building.delete(name);
    const override = this.#overrides[name];
    const arbitrary = override ? override(generic) : generic;
    this.#byComponent.set(name, arbitrary);
    return arbitrary;
  }

  /** All of `schemas` at once (the members of an implicit `allOf`). */
  #ofAll(schemas: Schema[]): fc.Arbitrary<unknown> {
    if (schemas.length === 1) return this.of(schemas[0] as Schema);
    return this.#ofParts(schemas.flatMap((schema) => this.#reader.parts(schema)));
  }

  #ofParts(parts: (SchemaObject | false)[]): fc.Arbitrary<unknown> {
    if (parts.includes(false)) throw new Error('a schema that admits nothing cannot be generated');
    const objects = parts as SchemaObject[];
    const combined = objects.filter((part) => part.oneOf || part.anyOf);
    if (combined.length > 1) throw new Error('several oneOf/anyOf on one value are not supported');
    const [choice] = combined;
    if (choice === undefined) return this.#ofMerged(objects);
    const { oneOf, anyOf, discriminator: _discriminator, ...rest } = choice;
    const others = objects.filter((part) => part !== choice);
    const branches = (oneOf ?? anyOf) as Schema[];
    if (oneOf) this.#assertDisjoint(branches, choice.discriminator);
    return fc.oneof(
      ...branches.map((branch) => this.#ofParts([...others, rest, ...this.#reader.parts(branch)])),
    );
  }

  /** A `oneOf` we generate from must not let one value match two branches. */
  #assertDisjoint(branches: Schema[], discriminator: unknown): void {
    const tag = (discriminator as { propertyName?: string } | undefined)?.propertyName;
    if (tag !== undefined) {
      const tags = branches.map((branch) => discriminatorValue(this.#reader, branch, tag));
      if (tags.every((value) => value !== undefined) && new Set(tags).size === tags.length) return;
    }
    const seen = new Set<JsonType>();
    for (const branch of branches) {
      const admitted = this.#reader.admitted(branch);
      if (admitted === undefined || [...admitted].some((type) => seen.has(type)))
        throw new Error('oneOf with branches that can overlap is not supported');
      for (const type of admitted) seen.add(type);
    }
  }

  #ofMerged(parts: SchemaObject[]): fc.Arbitrary<unknown> {
    const consts = parts.filter((part) => 'const' in part).map((part) => part.const);
    if (consts.length > 0) return fc.constant(consts[0]);
    const enums = parts
      .filter((part) => Array.isArray(part.enum))
      .map((part) => part.enum as unknown[]);
    if (enums.length > 0) {
      const allowed = enums.reduce((a, b) => a.filter((value) => b.includes(value)));
      if (allowed.length === 0) throw new Error('enums with no value in common');
      return fc.constantFrom(...allowed);
    }
    const types = typesOf(parts);
    if (types === undefined) return ANY_JSON;
    return fc.oneof(...types.map((type) => this.#ofType(type, parts)));
  }

  #ofType(type: JsonType, parts: SchemaObject[]): fc.Arbitrary<unknown> {
    switch (type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
        return integerOf(parts);
      case 'number':
        return numberOf(parts);
      case 'string':
        return stringOf(parts);
      case 'array':
        return this.#arrayOf(parts);
      case 'object':
        return this.#objectOf(parts);
    }
  }

  #arrayOf(parts: SchemaObject[]): fc.Arbitrary<unknown[]> {
    const items = parts.flatMap((part) => (part.items === undefined ? [] : [part.items as Schema]));
    const item = items.length === 0 ? ANY_JSON : this.#ofAll(items);
    const contains = parts.flatMap((part) =>
      part.contains === undefined ? [] : [this.#ofAll([...items, part.contains as Schema])],
    );
    const minLength = Math.max(0, ...numbers(parts, 'minItems'));
    const maxLength = Math.min(minLength + EXTRA_ITEMS, ...numbers(parts, 'maxItems'));
    const unique = parts.some((part) => part.uniqueItems === true);
    const base = unique
      ? fc.uniqueArray(item, { minLength, maxLength, selector: (value) => JSON.stringify(value) })
      : fc.array(item, { minLength, maxLength });
    if (contains.length === 0) return base;
    if (unique) throw new Error('contains with uniqueItems is not supported');
    // Each `contains` schema gets an item of its own, at a position of its choosing.
    return fc
      .tuple(base, fc.tuple(...contains.map((arb) => fc.tuple(arb, fc.nat()))))
      .map(([array, inserts]) => {
        const out = array.slice(0, Math.max(0, maxLength - inserts.length));
        for (const [value, at] of inserts) out.splice(at % (out.length + 1), 0, value);
        return out;
      });
  }

  #objectOf(parts: SchemaObject[]): fc.Arbitrary<Record<string, unknown>> {
    const declared = new Map<string, Schema[]>();
    for (const part of parts) {
      for (const [key, schema] of Object.entries((part.properties ?? {}) as Record<string, Schema>))
        declared.set(key, [...(declared.get(key) ?? []), schema]);
    }
    // A key one part declares is an additional one for the other parts.
    for (const [key, schemas] of declared) {
      for (const part of parts) {
        if (isDeclared(part, key) || part.additionalProperties === undefined) continue;
        schemas.push(part.additionalProperties as Schema);
      }
    }
    const required = new Set(parts.flatMap((part) => (part.required ?? []) as string[]));
    for (const key of required) if (!declared.has(key)) declared.set(key, []);
    const members: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [key, schemas] of declared) {
      if (schemas.includes(false)) {
        if (required.has(key)) throw new Error(`required member "${key}" is forbidden`);
        continue;
      }
      members[key] = schemas.length === 0 ? ANY_JSON : this.#ofAll(schemas);
    }
    const record = fc.record(members, { requiredKeys: [...required] });
    const extras = this.#extrasOf(parts, new Set(declared.keys()));
    if (extras === undefined) return record;
    return fc.tuple(extras, record).map(([extra, own]) => Object.assign(extra, own));
  }

  /** Extra members, when every part allows them, valued by every `additionalProperties` schema. */
  #extrasOf(parts: SchemaObject[], declared: Set<string>) {
    const schemas: Schema[] = [];
    for (const part of parts) {
      const additional = part.additionalProperties;
      if (additional === false) return undefined;
      if (additional !== undefined && additional !== true) schemas.push(additional as Schema);
    }
    const key = fc
      .string({ unit: 'binary', minLength: 1, maxLength: 12 })
      .filter((name) => !declared.has(name) && !RESERVED_KEYS.has(name));
    const value = schemas.length === 0 ? ANY_JSON : this.#ofAll(schemas);
    return fc
      .uniqueArray(fc.tuple(key, value), { maxLength: MAX_EXTRA, selector: ([name]) => name })
      .map((entries) => Object.fromEntries(entries) as Record<string, unknown>);
  }
}

/** The `$ref` of a schema that is nothing but a reference (annotations aside). */
function bareRef(schema: Schema): string | undefined {
  if (typeof schema !== 'object' || typeof schema.$ref !== 'string') return undefined;
  const own = Object.keys(schema).filter((key) => key !== '$ref');
  return own.every((key) => ['title', 'description', 'examples'].includes(key))
    ? schema.$ref
    : undefined;
}

function isDeclared(part: SchemaObject, key: string): boolean {
  return Object.hasOwn((part.properties ?? {}) as object, key);
}

/** The const a branch gives its discriminator, if it requires it. */
export function discriminatorValue(
  reader: SchemaReader,
  branch: Schema,
  tag: string,
): string | undefined {
  const parts = reader.parts(branch).filter((part) => part !== false);
  const required = parts.some((part) => ((part.required ?? []) as string[]).includes(tag));
  const consts = parts.flatMap((part) => {
    const property = (part.properties as Record<string, Schema> | undefined)?.[tag];
    return typeof property === 'object' && typeof property.const === 'string'
      ? [property.const]
      : [];
  });
  return required && consts.length === 1 ? consts[0] : undefined;
}

/** The types every part allows (undefined: no part says, and nothing implies one). */
function typesOf(parts: SchemaObject[]): JsonType[] | undefined {
  let types: JsonType[] | undefined;
  for (const part of parts) {
    const own = declaredTypes(part);
    if (own) types = types ? types.filter((type) => own.includes(type)) : own;
  }
  if (types !== undefined) {
    // `integer` is listed beside `number` only to say 1 is a number too.
    const distinct = types.includes('number') ? types.filter((type) => type !== 'integer') : types;
    if (distinct.length === 0) throw new Error('parts with no type in common');
    return distinct;
  }
  const has = (keywords: string[]) => parts.some((part) => keywords.some((key) => key in part));
  if (has(['properties', 'required', 'additionalProperties'])) return ['object'];
  if (has(['items', 'minItems', 'maxItems', 'contains', 'uniqueItems'])) return ['array'];
  if (has(['pattern', 'format', 'minLength', 'maxLength'])) return ['string'];
  if (has(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'])) return ['number'];
  return undefined;
}

function numbers(parts: SchemaObject[], keyword: string): number[] {
  return parts.flatMap((part) => (typeof part[keyword] === 'number' ? [part[keyword]] : []));
}

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

function integerOf(parts: SchemaObject[]): fc.Arbitrary<number> {
  const min = Math.max(
    INT_MIN,
    ...numbers(parts, 'minimum').map(Math.ceil),
    ...numbers(parts, 'exclusiveMinimum').map((bound) => Math.floor(bound) + 1),
  );
  const max = Math.min(
    INT_MAX,
    ...numbers(parts, 'maximum').map(Math.floor),
    ...numbers(parts, 'exclusiveMaximum').map((bound) => Math.ceil(bound) - 1),
  );
  return fc.integer({ min, max });
}

function numberOf(parts: SchemaObject[]): fc.Arbitrary<number> {
  const lows = [
    ...numbers(parts, 'minimum').map((bound) => [bound, false] as const),
    ...numbers(parts, 'exclusiveMinimum').map((bound) => [bound, true] as const),
  ].sort(([a, aOut], [b, bOut]) => b - a || Number(bOut) - Number(aOut));
  const highs = [
    ...numbers(parts, 'maximum').map((bound) => [bound, false] as const),
    ...numbers(parts, 'exclusiveMaximum').map((bound) => [bound, true] as const),
  ].sort(([a, aOut], [b, bOut]) => a - b || Number(bOut) - Number(aOut));
  const [low, lowOut] = lows[0] ?? [-1e9, false];
  const [high, highOut] = highs[0] ?? [1e9, false];
  return fc.double({
    min: low,
    max: high,
    minExcluded: lowOut,
    maxExcluded: highOut,
    noNaN: true,
    noDefaultInfinity: true,
  });
}

function stringOf(parts: SchemaObject[]): fc.Arbitrary<string> {
  const minLength = Math.max(0, ...numbers(parts, 'minLength'));
  const declaredMax = Math.min(Number.POSITIVE_INFINITY, ...numbers(parts, 'maxLength'));
  const patterns = parts.flatMap((part) =>
    typeof part.pattern === 'string' ? [part.pattern] : [],
  );
  const formats = parts.flatMap((part) => (typeof part.format === 'string' ? [part.format] : []));
  if (patterns.length + new Set(formats).size > 1)
    throw new Error('several patterns/formats on one string are not supported');
  // ajv counts code points and compiles patterns with the `u` flag.
  const inLength = (value: string) => {
    const length = [...value].length;
    return length >= minLength && length <= declaredMax;
  };
  const maxLength = Number.isFinite(declaredMax) ? declaredMax : undefined;
  if (patterns[0] !== undefined)
    return fc.stringMatching(new RegExp(patterns[0], 'u'), { maxLength }).filter(inLength);
  if (formats[0] !== undefined) return formatOf(formats[0]).valid.filter(inLength);
  return fc.string({ unit: 'binary', minLength, maxLength: maxLength ?? minLength + MAX_STRING });
}
