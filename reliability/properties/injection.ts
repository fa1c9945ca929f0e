// A body with one member added under a given key, made the way a body really
// arrives: as JSON text parsed by JSON.parse, so `__proto__` is an own key of
// the object (an object literal or assignment would set the prototype instead).
import type { Path } from './positions.ts';

export const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
/** An ordinary extra key: what a polluting key must be judged exactly like. */
export const PLAIN_KEY = 'credstat_plain_extra';

/** A key that no generated body holds (lone surrogates and a NUL are not generated together). */
const SENTINEL = 'credstat\u0000sentinel\u0000key';

/**
 * The JSON text of `body` with a member added to the object at `path`, as a
 * function of that member's key: the text is made once, each key is parsed.
 */
export function withMemberParsed(
  body: unknown,
  path: Path,
  member: unknown,
): (key: string) => unknown {
  const copy = structuredClone(body);
  let target = copy as Record<string | number, unknown>;
  for (const step of path) target = target[step] as Record<string | number, unknown>;
  if (Object.hasOwn(target, SENTINEL)) throw new Error('the body already holds the sentinel key');
  Object.defineProperty(target, SENTINEL, {
    value: member,
    enumerable: true,
    configurable: true,
    writable: true,
  });
  const text = JSON.stringify(copy);
  const quoted = JSON.stringify(SENTINEL);
  const at = text.indexOf(quoted);
  if (at === -1 || at !== text.lastIndexOf(quoted)) throw new Error('sentinel is not unique');
  const before = text.slice(0, at);
  const after = text.slice(at + quoted.length);
  return (key) => JSON.parse(before + JSON.stringify(key) + after);
}
