// Every way an error (and its causes) can end up in a log, or a value in a
// snapshot: message, stack, toString, JSON, util.inspect to any depth.
import { inspect } from 'node:util';

export function errorRenderings(error: unknown): [string, string][] {
  const out: [string, string][] = [];
  let depth = 0;
  for (let cause: unknown = error; cause !== undefined && depth < 10; depth++) {
    const at = depth === 0 ? 'error' : `cause ${depth}`;
    const record = cause as { message?: unknown; stack?: unknown };
    out.push([`${at} message`, String(record?.message)]);
    out.push([`${at} stack`, String(record?.stack)]);
    out.push([`${at} toString`, String(cause)]);
    out.push([`${at} JSON`, safeJson(cause)]);
    out.push([`${at} own properties`, safeJson(cause, Object.getOwnPropertyNames(cause ?? {}))]);
    out.push([
      `${at} inspect`,
      inspect(cause, { depth: Number.POSITIVE_INFINITY, showHidden: true, getters: true }),
    ]);
    cause = (cause as { cause?: unknown })?.cause;
  }
  return out;
}

function safeJson(value: unknown, keys?: string[]): string {
  try {
    return JSON.stringify(value, keys) ?? 'undefined';
  } catch (error) {
    return `unserializable: ${String(error)}`;
  }
}

/** A value as a snapshot test or a debugger would show it. */
export function snapshot(value: unknown): string {
  return inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true, getters: true });
}
