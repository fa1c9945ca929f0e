// A snapshot of the built-ins a polluting validator would touch: their own
// keys (symbols too), each key's descriptor, and their prototypes. Compared
// after the properties, any difference is a change something made.

/** The objects watched, by name. */
const WATCHED: Record<string, object> = {
  'Object.prototype': Object.prototype,
  'Array.prototype': Array.prototype,
  Object,
  'Function.prototype': Function.prototype,
};

type Snapshot = Map<string, { proto: object | null; keys: Map<PropertyKey, PropertyDescriptor> }>;

export function snapshotBuiltIns(): Snapshot {
  const snapshot: Snapshot = new Map();
  for (const [name, target] of Object.entries(WATCHED)) {
    const keys = new Map<PropertyKey, PropertyDescriptor>();
    for (const key of Reflect.ownKeys(target))
      keys.set(key, Reflect.getOwnPropertyDescriptor(target, key) as PropertyDescriptor);
    snapshot.set(name, { proto: Reflect.getPrototypeOf(target), keys });
  }
  return snapshot;
}

const DESCRIPTOR_FIELDS = [
  'value',
  'get',
  'set',
  'writable',
  'enumerable',
  'configurable',
] as const;

/** Every difference between two snapshots, as `Object.prototype.polluted added` and the like. */
export function builtInChanges(before: Snapshot, after: Snapshot): string[] {
  const changes: string[] = [];
  for (const [name, was] of before) {
    const now = after.get(name);
    if (!now) continue;
    if (now.proto !== was.proto) changes.push(`${name}: prototype replaced`);
    for (const [key, descriptor] of was.keys) {
      const current = now.keys.get(key);
      if (!current) changes.push(`${name}.${String(key)} removed`);
      else {
        const changed = DESCRIPTOR_FIELDS.filter(
          (field) => !Object.is(current[field], descriptor[field]),
        );
        if (changed.length > 0)
          changes.push(`${name}.${String(key)} changed (${changed.join(', ')})`);
      }
    }
    for (const key of now.keys.keys())
      if (!was.keys.has(key)) changes.push(`${name}.${String(key)} added`);
  }
  return changes;
}
