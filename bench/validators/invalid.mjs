// Invalid bodies made from valid ones: walk a body beside its schema and break
// one rule at a time (a required member removed, a wrong type, a value outside
// an enum, a bad format or pattern, a member where none may be, too few items,
// a number under its minimum). Plus one edit no schema forbids but a check
// beside it may (an array item repeated: the wallet's DCQL ids must be unique),
// and near misses of string formats, where the libraries' readings of the same
// format differ (the fairness test lists each such difference and why).
import { resolveLocal } from './schemas.mjs';

/** @typedef {{ kind: string, structural: boolean, expectInvalid: boolean, path: (string|number)[], remove?: boolean, value?: unknown }} Mutation */

const BAD_STRING = 'not a documented value!';
/**
 * Per format, values one reading of it accepts and another refuses (RFC 3986
 * against the WHATWG URL parser; RFC 9562 variant bits; the `urn:uuid:` prefix).
 */
export const FORMAT_EDGES = {
  uri: ['https://example.com/a b', 'x:'],
  uuid: ['12345678-1234-1234-1234-123456789abc', 'urn:uuid:2f1e3a1c-3d4b-4c5d-8e6f-7a8b9c0d1e2f'],
};

/** Values of each JSON type, to find one a schema's `type` does not allow. */
const TYPED_VALUES = [
  ['string', 'x'],
  ['boolean', true],
  ['object', {}],
  ['array', []],
  ['null', null],
];

function jsonType(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** A value none of `types` allows (`integer` and `number` both take numbers). */
function wrongTyped(types) {
  return TYPED_VALUES.find(([type]) => !types.includes(type))?.[1];
}

/** The `oneOf` branch whose `const` members the body carries: the one that decides. */
function chosenBranch(root, branches, value) {
  if (jsonType(value) !== 'object') return undefined;
  const matching = branches.filter((raw) => {
    const branch = resolveLocal(root, raw);
    const consts = Object.entries(branch.properties ?? {})
      .map(([name, s]) => [name, resolveLocal(root, s)])
      .filter(([, s]) => s && typeof s === 'object' && 'const' in s);
    return consts.length > 0 && consts.every(([name, s]) => value[name] === s.const);
  });
  return matching.length === 1 ? matching[0] : undefined;
}

/** Every single-rule break of `value` under `schema`, in document order. */
function collect(root, schema, value, path, out, { text }) {
  if (schema === true || schema === false || !schema) return;
  const s = resolveLocal(root, schema);
  for (const sub of s.allOf ?? []) collect(root, sub, value, path, out, { text });
  if (s.oneOf) {
    const branch = chosenBranch(root, s.oneOf, value);
    if (branch) collect(root, branch, value, path, out, { text });
  }
  // Inside `anyOf` a broken value may still match another branch: not walked.
  const types = s.type === undefined ? null : [].concat(s.type);
  const add = (kind, change, { structural = true, expectInvalid = true } = {}) =>
    out.push({ kind, structural, expectInvalid, path, ...change });

  // A raw (text) body is always a string: only its content can be wrong.
  if (types && !(text && path.length === 0)) {
    const wrong = wrongTyped(types.includes('integer') ? [...types, 'number'] : types);
    if (wrong !== undefined) add('wrong-type', { value: wrong });
  }
  if (typeof value === 'string') {
    if ('const' in s || s.enum) add('bad-enum', { value: BAD_STRING });
    if (s.format) {
      add('bad-format', { value: BAD_STRING }, { structural: false });
      for (const edge of FORMAT_EDGES[s.format] ?? [])
        add('format-edge', { value: edge }, { structural: false, expectInvalid: false });
    }
    if (s.pattern) {
      const pattern = new RegExp(s.pattern, 'u');
      const broken = ['!', ' ', ''].find((candidate) => !pattern.test(candidate));
      if (broken !== undefined) add('bad-pattern', { value: broken });
    }
  } else if (typeof value === 'number') {
    if (typeof s.minimum === 'number') add('below-minimum', { value: s.minimum - 1 });
  } else if (Array.isArray(value)) {
    if ((s.minItems ?? 0) >= 1) add('too-few-items', { value: [] });
    if (value.length > 0 && !s.uniqueItems) {
      add(
        'repeated-item',
        { value: [...value, structuredClone(value[0])] },
        { expectInvalid: false },
      );
    }
    value.forEach((item, i) => {
      const itemSchema = s.prefixItems?.[i] ?? s.items;
      collect(root, itemSchema, item, [...path, i], out, { text });
    });
  } else if (jsonType(value) === 'object') {
    for (const name of s.required ?? [])
      if (name in value) add('missing-required', { path: [...path, name], remove: true });
    if (s.additionalProperties === false)
      add('extra-member', { path: [...path, 'unexpected_member'], value: 1 });
    for (const [name, sub] of Object.entries(s.properties ?? {})) {
      if (sub === false && !(name in value))
        add('extra-member', { path: [...path, name], value: {} });
      else if (name in value) collect(root, sub, value[name], [...path, name], out, { text });
    }
  }
}

/** Kinds kept at every place they apply: few, and each place may answer differently. */
const EVERY_SITE = new Set(['repeated-item', 'format-edge']);

function applied(body, { path, remove, value }) {
  if (path.length === 0) return structuredClone(value);
  const copy = structuredClone(body);
  let parent = copy;
  for (const step of path.slice(0, -1)) parent = parent[step];
  const last = path[path.length - 1];
  if (remove) delete parent[last];
  else parent[last] = structuredClone(value);
  return copy;
}

/**
 * The invalid bodies made from one valid recorded body: for each kind of
 * break, where it first and last applies in the body (a shallow error and a
 * deep one); every repeated array item (few, and the only way to reach the
 * checks beside the schema).
 */
export function invalidBodies(item, root) {
  const body = item.kind === 'json' ? JSON.parse(item.text) : item.text;
  /** @type {Mutation[]} */
  const found = [];
  collect(root, root, body, [], found, { text: item.kind === 'text' });
  const kinds = new Map();
  for (const mutation of found)
    kinds.set(mutation.kind, [...(kinds.get(mutation.kind) ?? []), mutation]);
  const chosen = [...kinds].flatMap(([kind, list]) =>
    EVERY_SITE.has(kind) ? list : [...new Set([list[0], list[list.length - 1]])],
  );
  const seen = new Set();
  return chosen.flatMap((mutation) => {
    const broken = applied(body, mutation);
    const text = item.kind === 'json' ? JSON.stringify(broken) : broken;
    if (seen.has(text)) return [];
    const probe = mutation.kind === 'format-edge' ? ` ${JSON.stringify(mutation.value)}` : '';
    seen.add(text);
    return [
      {
        ...item,
        name: `${item.name} ${mutation.kind}${probe} at /${mutation.path.join('/')}`,
        text,
        mutation: mutation.kind,
        structural: mutation.structural,
        ...(mutation.kind === 'format-edge' ? { probe: mutation.value } : {}),
        // A repeated item breaks no schema rule, a format edge only some readings
        // of the format: the race needs every validator to agree, not a verdict.
        expect: mutation.expectInvalid ? 'invalid' : 'either',
      },
    ];
  });
}
