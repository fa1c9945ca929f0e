// What the schema alone says of one extra member added to an object: the
// verdict a polluting key (`__proto__`, `constructor`, `prototype`) must get,
// exactly as any other key name would.
import type { Position } from './positions.ts';
import { admits, jsonTypeOf, type Schema, type SchemaReader } from './schema.ts';

/** Keywords that leave an object schema's verdict on an extra member to its type alone. */
const TYPE_ONLY = new Set(['type', 'additionalProperties', 'title', 'description']);

/**
 * `declared` when a part names the key (it is no extra member there);
 * `accepted` or `rejected` as the parts that certainly apply decide;
 * `undefined` when that cannot be told from here (an undecided anyOf branch,
 * an `additionalProperties` schema that checks more than a type).
 */
export function extraMemberVerdict(
  reader: SchemaReader,
  position: Position,
  key: string,
  member: unknown,
): 'declared' | 'accepted' | 'rejected' | undefined {
  if (position.parts.some((part) => Object.hasOwn((part.properties ?? {}) as object, key)))
    return 'declared';
  if (position.excluded === undefined) return undefined;
  let verdict: 'accepted' | 'rejected' | undefined = 'accepted';
  for (const part of position.parts) {
    const additional = part.additionalProperties as Schema | undefined;
    if (additional === undefined || additional === true) continue;
    if (additional === false) return 'rejected';
    if (!admits(reader.admitted(additional), jsonTypeOf(member))) return 'rejected';
    const simple = reader
      .parts(additional)
      .every(
        (own) =>
          own !== false &&
          Object.keys(own).every((keyword) => TYPE_ONLY.has(keyword)) &&
          (own.additionalProperties === undefined || own.additionalProperties === true),
      );
    if (!simple) verdict = undefined;
  }
  return verdict;
}
