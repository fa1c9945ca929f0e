// What the credstat rules share: reading a split spec as Redocly walks it
// (each node where the author wrote it, `$ref`s followed file to file).
import type { Location, UserContext } from '@redocly/openapi-core';

export type Node = Record<string, unknown>;
export type Resolve = UserContext['resolve'];

export const isObject = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isRef = (value: unknown): value is { $ref: string } & Node =>
  isObject(value) && typeof value.$ref === 'string';

/** A node where it is written: itself, or what its `$ref` (chain) points to, and where that is. */
export function resolveAt(
  node: unknown,
  location: Location,
  resolve: Resolve,
): { node: unknown; location: Location } | undefined {
  if (!isRef(node)) return { node, location };
  const target = resolve(node, location.source.absoluteRef);
  // An unresolved $ref is Redocly's own `no-unresolved-refs` to report.
  return target.location ? { node: target.node, location: target.location } : undefined;
}

/**
 * A copy of `node` with every `$ref` replaced by what it points to (keys written
 * next to a `$ref` win, as in OAS 3.1): the shape the generator's checks read
 * after bundling, for a spec still split into files. Cycles stay cycles.
 */
export function dereference(
  node: unknown,
  from: string,
  resolve: Resolve,
  copies = new Map<object, unknown>(),
): unknown {
  if (isRef(node)) {
    const target = resolve(node, from);
    if (!target.location) return undefined;
    const resolved = dereference(target.node, target.location.source.absoluteRef, resolve, copies);
    const siblings = Object.entries(node).filter(([key]) => key !== '$ref');
    if (siblings.length === 0 || !isObject(resolved)) return resolved;
    return {
      ...resolved,
      ...Object.fromEntries(
        siblings.map(([key, value]) => [key, dereference(value, from, resolve, copies)]),
      ),
    };
  }
  if (typeof node !== 'object' || node === null) return node;
  const known = copies.get(node);
  if (known !== undefined) return known;
  if (Array.isArray(node)) {
    const copy: unknown[] = [];
    copies.set(node, copy);
    for (const item of node) copy.push(dereference(item, from, resolve, copies));
    return copy;
  }
  const copy: Node = {};
  copies.set(node, copy);
  for (const [key, value] of Object.entries(node)) {
    copy[key] = dereference(value, from, resolve, copies);
  }
  return copy;
}

/** An operation's name in messages: its operationId, else METHOD (its key in the path item). */
export function operationName(operation: Node, key: string | number): string {
  return typeof operation.operationId === 'string'
    ? operation.operationId
    : String(key).toUpperCase();
}

/** Reports each location once per lint run (a shared component is reached from many operations). */
export function oncePerLocation(): (location: Location) => boolean {
  const seen = new Set<string>();
  return (location) => {
    const id = `${location.source.absoluteRef}#${location.pointer}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  };
}
