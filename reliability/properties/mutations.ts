// One mutation of a valid body, of each kind the issue names, at a position
// where the schema parts that certainly apply (positions.ts) reject it. A
// kind with no such position in a body offers no site there.
import { formatOf } from './formats.ts';
import type { Path, Position } from './positions.ts';
import {
  admits,
  type JsonType,
  jsonTypeOf,
  type Schema,
  type SchemaObject,
  type SchemaReader,
} from './schema.ts';

export const MUTATION_KINDS = [
  'required member removed',
  'wrong type',
  'enum value out of range',
  'forbidden extra member',
  'value past a bound',
  'bad format',
  'pattern not matched',
] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

export interface Site {
  kind: MutationKind;
  /** The value changed, removed or added (an added member's own path). */
  path: Path;
  /** The new value there, or REMOVED. */
  replacement: unknown;
  /** What was done, for a failure message. */
  what: string;
}

/** The marker of a member removed rather than replaced. */
const REMOVED = Symbol('removed');

/** One value of each JSON type: the candidates of a wrong type. */
const ONE_OF_EACH_TYPE: readonly unknown[] = [null, true, 7, 1.5, 'a string', [], {}];

/** A site, and whether the value at its position keeps its JSON type (a member removed or added). */
type Candidate = Site & { keepsType: boolean };

export class Mutator {
  readonly #reader: SchemaReader;
  readonly #constants: Set<unknown>;

  constructor(reader: SchemaReader) {
    this.#reader = reader;
    this.#constants = reader.constants();
  }

  /** Every site of `kind` among `positions`. */
  sites(kind: MutationKind, positions: readonly Position[]): Site[] {
    const sites: Site[] = [];
    for (const position of positions) {
      const { excluded } = position;
      if (excluded === undefined) continue;
      // A replacement that another anyOf branch could accept proves nothing.
      const fits = (value: unknown) => !admits(excluded as Set<JsonType>, jsonTypeOf(value));
      if (!fits(position.value)) continue;
      for (const candidate of this.#sitesAt(kind, position))
        if (candidate.keepsType || fits(candidate.replacement)) sites.push(candidate);
    }
    return sites;
  }

  #sitesAt(kind: MutationKind, position: Position): Candidate[] {
    const { path, value, parts } = position;
    const at = (what: string, replacement: unknown): Candidate => ({
      kind,
      path,
      what,
      replacement,
      keepsType: false,
    });
    switch (kind) {
      case 'required member removed':
        return isObject(value)
          ? parts.flatMap((part) =>
              ((part.required ?? []) as string[])
                .filter((key) => Object.hasOwn(value, key))
                .map((key) => ({
                  kind,
                  path: [...path, key],
                  what: `removed required "${key}"`,
                  replacement: REMOVED,
                  keepsType: true,
                })),
            )
          : [];
      case 'wrong type':
        return ONE_OF_EACH_TYPE.filter((candidate) =>
          parts.some((part) => !admits(this.#reader.admitted(part), jsonTypeOf(candidate))),
        ).map((candidate) => at(`replaced by ${jsonTypeOf(candidate)}`, candidate));
      case 'enum value out of range':
        return parts.flatMap((part) => {
          const allowed = 'const' in part ? [part.const] : ((part.enum ?? []) as unknown[]);
          const outside = this.#outside(allowed);
          return outside === undefined ? [] : [at('a value in no enum', outside)];
        });
      case 'forbidden extra member':
        return isObject(value)
          ? parts.flatMap((part) =>
              forbiddenMembers(this.#reader, part, value).map(([key, member, what]) => ({
                kind,
                path: [...path, key],
                what,
                replacement: member,
                keepsType: true,
              })),
            )
          : [];
      case 'value past a bound':
        return parts.flatMap((part) =>
          pastBounds(part, value).map(([what, moved]) => at(what, moved)),
        );
      case 'bad format':
        return typeof value === 'string'
          ? parts.flatMap((part) =>
              typeof part.format === 'string'
                ? [at(`not a ${part.format}`, formatOf(part.format).invalid(value))]
                : [],
            )
          : [];
      case 'pattern not matched':
        return typeof value === 'string'
          ? parts.flatMap((part) => {
              if (typeof part.pattern !== 'string') return [];
              const regex = patternOf(part.pattern);
              const miss = [`${value} `, ` ${value}`, `${value}\n`, '', '!'].find(
                (c) => !regex.test(c),
              );
              return miss === undefined ? [] : [at(`does not match ${part.pattern}`, miss)];
            })
          : [];
    }
  }

  /** A value of the same type as `allowed`'s that no enum or const of the API holds. */
  #outside(allowed: unknown[]): unknown {
    const [first] = allowed;
    if (typeof first === 'string') {
      let value = `${first}_OUT_OF_RANGE`;
      while (this.#constants.has(value)) value += '_';
      return value;
    }
    if (typeof first === 'number') {
      let value = Math.max(...(allowed as number[])) + 1;
      while (this.#constants.has(value)) value += 1;
      return value;
    }
    return undefined;
  }
}

const patterns = new Map<string, RegExp>();
/** A pattern as ajv compiles it (with the `u` flag), compiled once. */
function patternOf(source: string): RegExp {
  let regex = patterns.get(source);
  if (!regex) {
    regex = new RegExp(source, 'u');
    patterns.set(source, regex);
  }
  return regex;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Members `part` forbids, as `[key, value, what]`: any extra one
 * (`additionalProperties: false`), a `false` property, or an extra one of a
 * type its `additionalProperties` schema never admits.
 */
function forbiddenMembers(
  reader: SchemaReader,
  part: SchemaObject,
  value: Record<string, unknown>,
): [string, unknown, string][] {
  const properties = (part.properties ?? {}) as Record<string, Schema>;
  let extra = 'x_extra_member';
  while (Object.hasOwn(properties, extra) || Object.hasOwn(value, extra)) extra += '_';
  const members: [string, unknown, string][] = [];
  const additional = part.additionalProperties;
  if (additional === false)
    members.push([extra, 'extra', `added "${extra}" where none is allowed`]);
  for (const [key, schema] of Object.entries(properties)) {
    if (schema === false && !Object.hasOwn(value, key))
      members.push([key, 'forbidden', `added "${key}", which the schema forbids`]);
  }
  if (additional !== undefined && typeof additional === 'object') {
    const admitted = reader.admitted(additional as Schema);
    const wrong = ONE_OF_EACH_TYPE.find((candidate) => !admits(admitted, jsonTypeOf(candidate)));
    if (wrong !== undefined)
      members.push([extra, wrong, `added "${extra}" of a type additionalProperties rejects`]);
  }
  return members;
}

/** Values just past each bound `part` sets on `value`. */
function pastBounds(part: SchemaObject, value: unknown): [string, unknown][] {
  const out: [string, unknown][] = [];
  const bound = (keyword: string) =>
    typeof part[keyword] === 'number' ? (part[keyword] as number) : undefined;
  if (typeof value === 'number') {
    const step = Number.isInteger(value) ? 1 : 0.5;
    const minimum = bound('minimum');
    const maximum = bound('maximum');
    const exclusiveMinimum = bound('exclusiveMinimum');
    const exclusiveMaximum = bound('exclusiveMaximum');
    if (minimum !== undefined) out.push([`below minimum ${minimum}`, minimum - step]);
    if (maximum !== undefined) out.push([`above maximum ${maximum}`, maximum + step]);
    if (exclusiveMinimum !== undefined) out.push([`at exclusiveMinimum`, exclusiveMinimum]);
    if (exclusiveMaximum !== undefined) out.push([`at exclusiveMaximum`, exclusiveMaximum]);
  }
  if (Array.isArray(value)) {
    const minItems = bound('minItems');
    const maxItems = bound('maxItems');
    if (minItems !== undefined && minItems > 0)
      out.push([`fewer than ${minItems} items`, value.slice(0, minItems - 1)]);
    if (maxItems !== undefined) {
      const longer = [...value];
      while (longer.length <= maxItems) longer.push(structuredClone(value[0] ?? null));
      out.push([`more than ${maxItems} items`, longer]);
    }
  }
  if (typeof value === 'string') {
    const points = [...value];
    const minLength = bound('minLength');
    const maxLength = bound('maxLength');
    if (minLength !== undefined && minLength > 0)
      out.push([`shorter than ${minLength}`, points.slice(0, minLength - 1).join('')]);
    if (maxLength !== undefined)
      out.push([`longer than ${maxLength}`, value + 'x'.repeat(maxLength + 1 - points.length)]);
  }
  return out;
}

/** Calls `use` with `body` itself mutated at `site`, then undoes the mutation. */
export function withSite<T>(body: unknown, site: Site, use: (mutated: unknown) => T): T {
  return withReplaced(body, site.path, site.replacement, use);
}

/**
 * Calls `use` with `body` changed at `path` (the value replaced, or removed),
 * then changes it back: one copy of a large body serves every mutation of a run.
 */
function withReplaced<T>(
  body: unknown,
  path: Path,
  replacement: unknown,
  use: (mutated: unknown) => T,
): T {
  if (path.length === 0) return use(replacement === REMOVED ? undefined : replacement);
  let parent = body as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  const before = Object.getOwnPropertyDescriptor(parent, last);
  if (replacement === REMOVED) delete parent[last];
  else
    Object.defineProperty(parent, last, {
      value: replacement,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  try {
    return use(body);
  } finally {
    if (before) Object.defineProperty(parent, last, before);
    else delete parent[last];
  }
}
