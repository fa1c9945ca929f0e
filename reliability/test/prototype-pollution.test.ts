// Bodies with `__proto__`, `constructor` and `prototype` members, parsed from
// JSON text as a real body is (so `__proto__` is an own key), at any object of
// any response schema of every API: the validator never pollutes a prototype,
// never changes the body, and judges such a member by the schema alone,
// exactly like an ordinary extra key with the same value.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { reportFigures, runs, seedOf } from '../lib/figures.ts';
import { validBodies } from '../properties/bodies.ts';
import { extraMemberVerdict } from '../properties/extra-members.ts';
import { PLAIN_KEY, POLLUTING_KEYS, withMemberParsed } from '../properties/injection.ts';
import { positionsOf } from '../properties/positions.ts';
import { builtInChanges, snapshotBuiltIns } from '../properties/prototypes.ts';
import { listResponseSchemas, nameOf } from '../properties/response-schemas.ts';

const builtInsBefore = snapshotBuiltIns();

// A JSON body is an object somewhere, or there is nowhere to add a member.
const schemas = listResponseSchemas().filter((entry) => entry.json);

/** The values each member gets: an object (what a prototype would take on) and a string. */
const MEMBERS = [{ polluted: 'yes' }, 'polluted'];

const figures = { cases: 0, accepted: 0, rejected: 0, bySchema: 0, declared: 0, pollutions: 0 };

/** A prototype chain change shows on a fresh object: a member it did not have. */
function freshObjectChanges(): string[] {
  const fresh: Record<string, unknown> = {};
  const seen: string[] = [];
  for (const key in fresh) seen.push(key);
  if ('polluted' in fresh) seen.push('polluted');
  return seen;
}

/** A plain check: `expect` costs more than the validation it would check, 200,000 times over. */
function check(holds: boolean, message: string): void {
  if (!holds) throw new Error(message);
}

const at = (body: unknown, path: readonly (string | number)[]) =>
  path.reduce<unknown>((value, step) => (value as Record<string | number, unknown>)[step], body);

describe.each(schemas.map((entry) => [nameOf(entry), entry] as const))('%s', (name, entry) => {
  it('judges __proto__, constructor and prototype members like any other, polluting nothing', () => {
    fc.assert(
      fc.property(validBodies(entry), fc.nat(), fc.nat(), (body, pick, pickRejecting) => {
        const objects = positionsOf(entry.reader, entry.schema, body).filter(
          (position) =>
            position.value !== null &&
            typeof position.value === 'object' &&
            !Array.isArray(position.value),
        );
        const chosen = objects[pick % objects.length];
        if (!chosen) throw new Error('a JSON body with no object in it');
        // Few objects refuse an extra member: one of them too, when the body has any.
        const refusing = objects.filter(
          (position) =>
            extraMemberVerdict(entry.reader, position, PLAIN_KEY, MEMBERS[1]) === 'rejected',
        );
        const also = refusing[pickRejecting % Math.max(1, refusing.length)];
        for (const position of also && also !== chosen ? [chosen, also] : [chosen]) {
          for (const member of MEMBERS) {
            const parse = withMemberParsed(body, position.path, member);
            const plain = entry.validate(parse(PLAIN_KEY));
            for (const key of POLLUTING_KEYS) {
              if (Object.hasOwn(position.value as object, key)) continue;
              const verdict = extraMemberVerdict(entry.reader, position, key, member);
              if (verdict === 'declared') {
                figures.declared += 1;
                continue;
              }
              const parsed = parse(key);
              const target = at(parsed, position.path) as object;
              const result = entry.validate(parsed);
              const where = `"${key}" at /${position.path.join('/')}: ${JSON.stringify(member)}`;
              figures.cases += 1;
              figures[result.ok ? 'accepted' : 'rejected'] += 1;
              // Nothing polluted, and the body is as it was parsed.
              const changes = freshObjectChanges();
              if (changes.length > 0) figures.pollutions += 1;
              check(changes.length === 0, `${where}: a fresh {} has ${changes.join(', ')}`);
              check(Object.getPrototypeOf(target) === Object.prototype, `${where}: prototype set`);
              check(Object.hasOwn(target, key), `${where}: the member is gone`);
              // Judged like the plain key, and as the schema says where it can tell.
              check(result.ok === plain.ok, `${where}: judged unlike "${PLAIN_KEY}"`);
              if (verdict !== undefined) {
                figures.bySchema += 1;
                check(result.ok === (verdict === 'accepted'), `${where}: not ${verdict}`);
              }
            }
          }
        }
      }),
      { numRuns: runs(), seed: seedOf(`pollution ${name}`) },
    );
    expect(builtInChanges(builtInsBefore, snapshotBuiltIns())).toEqual([]);
  });
});

it('left Object.prototype, Array.prototype, Object and Function.prototype unchanged', () => {
  expect(builtInChanges(builtInsBefore, snapshotBuiltIns())).toEqual([]);
});

afterAll(() => {
  reportFigures('validators-pollution', 1, [
    {
      label: 'response schemas with `__proto__`, `constructor` or `prototype` members',
      value: schemas.length,
    },
    { label: 'bodies with such a member, parsed from JSON text', value: figures.cases },
    { label: 'of them accepted, as the same plain extra key is', value: figures.accepted },
    { label: 'of them rejected, as the same plain extra key is', value: figures.rejected },
    { label: 'of them with the verdict the schema alone gives', value: figures.bySchema },
    {
      label: 'prototypes polluted',
      value: figures.pollutions + builtInChanges(builtInsBefore, snapshotBuiltIns()).length,
    },
  ]);
});
