// Every value inside a body, with the schema parts that certainly apply to it,
// so that a mutation there is known to make the whole body invalid.
//
// Soundness: a part applies for certain through `$ref`, `allOf`, `properties`,
// `additionalProperties`, `items`, and a discriminated `oneOf` (the branch
// whose const matches the tag: every other branch fails on that const). An
// `anyOf` (or undiscriminated `oneOf`) branch applies for certain only when it
// is the one branch that admits the value's JSON type; a replacement there must
// then keep out of the types the other branches admit (`excluded`), or another
// branch could accept it. Below a branch no part can pin down, nothing is
// certain: those positions have `excluded: undefined` and get no mutation.
import { discriminatorValue } from './arbitrary.ts';
import {
  admits,
  type JsonType,
  jsonTypeOf,
  type Schema,
  type SchemaObject,
  type SchemaReader,
} from './schema.ts';

export type Path = readonly (string | number)[];

export interface Position {
  path: Path;
  value: unknown;
  /** The schema parts that all apply to this value (none when unknown). */
  parts: SchemaObject[];
  /** Types a replacement must not have; `undefined`: no mutation here is known to be invalid. */
  excluded: ReadonlySet<JsonType> | undefined;
}

export function positionsOf(reader: SchemaReader, schema: Schema, body: unknown): Position[] {
  const out: Position[] = [];
  walk(reader, [schema], body, [], true, out);
  return out;
}

function walk(
  reader: SchemaReader,
  schemas: Schema[],
  value: unknown,
  path: Path,
  known: boolean,
  out: Position[],
): void {
  const here = known ? applicable(reader, schemas, value) : undefined;
  out.push({
    path,
    value,
    parts: here?.parts ?? [],
    excluded: here?.excluded,
  });
  const parts = here?.excluded ? here.parts : undefined;
  if (Array.isArray(value)) {
    const items = parts?.flatMap((part) =>
      part.items === undefined ? [] : [part.items as Schema],
    );
    value.forEach((item, index) => {
      walk(reader, items ?? [], item, [...path, index], parts !== undefined, out);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, member] of Object.entries(value)) {
      const schemasOfMember = parts?.flatMap((part) => memberSchemas(part, key));
      walk(reader, schemasOfMember ?? [], member, [...path, key], parts !== undefined, out);
    }
  }
}

/** What a part says about the member `key`: its property schema, else additionalProperties. */
export function memberSchemas(part: SchemaObject, key: string): Schema[] {
  const properties = (part.properties ?? {}) as Record<string, Schema>;
  if (Object.hasOwn(properties, key)) return [properties[key] as Schema];
  if (part.additionalProperties !== undefined) return [part.additionalProperties as Schema];
  return [];
}

/** The parts that certainly apply to `value`, and the types other branches would admit. */
function applicable(
  reader: SchemaReader,
  schemas: Schema[],
  value: unknown,
): { parts: SchemaObject[]; excluded: Set<JsonType> | undefined } {
  const parts: SchemaObject[] = [];
  let excluded: Set<JsonType> | undefined = new Set();
  const queue = schemas.flatMap((schema) => reader.parts(schema));
  while (queue.length > 0) {
    const part = queue.shift() as SchemaObject | false;
    if (part === false) {
      excluded = undefined;
      continue;
    }
    parts.push(part);
    const branches = (part.oneOf ?? part.anyOf) as Schema[] | undefined;
    if (!branches) continue;
    const tag = (part.discriminator as { propertyName?: string } | undefined)?.propertyName;
    const tagged =
      part.oneOf && tag !== undefined ? byTag(reader, branches, tag, value) : undefined;
    if (tagged !== undefined) {
      queue.push(...reader.parts(tagged));
      continue;
    }
    const type = jsonTypeOf(value);
    const matching = branches.filter((branch) => admits(reader.admitted(branch), type));
    const [only] = matching;
    if (matching.length !== 1 || only === undefined) {
      excluded = undefined;
      continue;
    }
    queue.push(...reader.parts(only));
    for (const other of branches) {
      if (other === only) continue;
      const admitted = reader.admitted(other);
      if (admitted === undefined) excluded = undefined;
      else for (const admittedType of admitted) excluded?.add(admittedType);
    }
  }
  return { parts, excluded };
}

/** The branch of a discriminated oneOf that `value`'s tag selects, when every branch has its own const. */
function byTag(reader: SchemaReader, branches: Schema[], tag: string, value: unknown) {
  const tags = branches.map((branch) => discriminatorValue(reader, branch, tag));
  if (tags.some((own) => own === undefined) || new Set(tags).size !== tags.length) return undefined;
  const own = (value as Record<string, unknown> | null)?.[tag];
  const index = tags.indexOf(own as string);
  return index === -1 ? undefined : branches[index];
}
