// `x-credstat-session`: which body member holds a session's status, which HTTP
// statuses mean expired or gone, and the named waits. Each wait is checked
// against the response schema's enum in both directions, so a status added to
// the spec but not to a wait fails generation instead of hanging a poller.
import { sessionShapeProblems } from './extensions.ts';
import {
  type JsonSchema,
  jsonMediaType,
  type OpenApiDocument,
  type OperationEntry,
  resolveResponse,
} from './openapi.ts';

/** Every value the schema allows for `field`: enums and consts, through refs and unions. */
export function statusValues(
  document: OpenApiDocument,
  schema: JsonSchema,
  field: string,
): Set<string> {
  const values = new Set<string>();
  const seen = new Set<JsonSchema>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object' || seen.has(node as JsonSchema)) return;
    const current = node as JsonSchema;
    seen.add(current);
    if (typeof current.$ref === 'string') {
      const name = current.$ref.replace('#/components/schemas/', '');
      visit(document.components?.schemas?.[name]);
    }
    const property = (current.properties as Record<string, JsonSchema> | undefined)?.[field];
    if (property) collect(property);
    for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
      for (const branch of (current[key] as unknown[] | undefined) ?? []) visit(branch);
    }
  };
  const collect = (property: JsonSchema): void => {
    if (typeof property.$ref === 'string') {
      const name = property.$ref.replace('#/components/schemas/', '');
      const target = document.components?.schemas?.[name];
      if (target) collect(target);
    }
    if (typeof property.const === 'string') values.add(property.const);
    for (const value of (property.enum as unknown[] | undefined) ?? []) {
      if (typeof value === 'string') values.add(value);
    }
    for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
      for (const branch of (property[key] as JsonSchema[] | undefined) ?? []) collect(branch);
    }
  };
  visit(schema);
  return values;
}

export interface SessionData {
  operationId: string;
  name: string;
  field: string;
  expired: number[];
  gone: number[];
  waits: { name: string; pending: string[]; terminal: string[] }[];
}

const IDENTIFIER = /^[a-z][A-Za-z0-9]*$/;

/** The checked session of an operation, or undefined; throws naming the spec file and value. */
export function sessionOf(
  document: OpenApiDocument,
  entry: OperationEntry,
  specPath: string,
): SessionData | undefined {
  const session = entry.operation['x-credstat-session'];
  if (!session) return undefined;
  const where = `${specPath}: ${entry.operationId} x-credstat-session`;
  const [shape] = sessionShapeProblems(session);
  if (shape) throw new Error(`${where}: ${shape.message}`);
  if (!session.name || !IDENTIFIER.test(session.name))
    throw new Error(`${where}: "name" must be a camelCase identifier`);
  const waits = Object.entries(session.waits ?? {});
  if (waits.length === 0) throw new Error(`${where}: declare at least one wait under "waits"`);
  const success = Object.entries(entry.operation.responses ?? {}).find(([status]) =>
    /^2/.test(status),
  );
  const schema = success && jsonMediaType(resolveResponse(document, success[1]))?.[1].schema;
  if (!schema)
    throw new Error(`${where}: the operation has no JSON success body to read a status from`);
  const known = statusValues(document, schema, session.field);
  if (known.size === 0)
    throw new Error(`${where}: the success body has no enum for "${session.field}"`);
  for (const status of [...(session.expired ?? []), ...(session.gone ?? [])]) {
    if (!entry.operation.responses?.[String(status)])
      throw new Error(`${where}: status ${status} is not a documented response`);
  }
  return {
    operationId: entry.operationId,
    name: session.name,
    field: session.field,
    expired: session.expired ?? [],
    gone: session.gone ?? [],
    waits: waits.map(([name, { pending = [], terminal = [] }]) => {
      const at = `${where} wait "${name}"`;
      if (!IDENTIFIER.test(name)) throw new Error(`${at}: the name must be a camelCase identifier`);
      for (const value of [...pending, ...terminal]) {
        if (!known.has(value))
          throw new Error(`${at}: "${value}" is not a value of ${session.field}`);
      }
      for (const value of pending) {
        if (terminal.includes(value))
          throw new Error(`${at}: "${value}" is both pending and terminal`);
      }
      for (const value of known) {
        if (!pending.includes(value) && !terminal.includes(value))
          throw new Error(`${at}: ${session.field} "${value}" is neither pending nor terminal`);
      }
      if (terminal.length === 0) throw new Error(`${at}: a wait needs a terminal status`);
      return { name, pending, terminal };
    }),
  };
}
