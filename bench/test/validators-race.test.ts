// The pieces of the validator race that decide what is measured: the schemas
// the competitors get, the invalid bodies made, the pool, and the ratio.
import { describe, expect, it } from 'vitest';
import { invalidBodies } from '../validators/invalid.mjs';
import { buildPool, oursOver } from '../validators/race.mjs';
import { bodySchema, withoutFormats } from '../validators/schemas.mjs';

const document = {
  components: {
    schemas: {
      Status: { type: 'string', enum: ['A', 'B'], example: 'A' },
      Query: {
        type: 'object',
        required: ['format', 'id'],
        additionalProperties: false,
        properties: {
          // A member named like the keyword: a property, not a format to strip.
          format: { type: 'string', format: 'uri' },
          id: { type: 'string', pattern: '^[a-z]+$' },
          path: { type: 'array', minItems: 1, items: { anyOf: [{ type: 'string' }] } },
        },
      },
      Done: {
        type: 'object',
        required: ['status'],
        properties: { status: { const: 'DONE' }, query: { $ref: '#/components/schemas/Query' } },
      },
      Waiting: {
        type: 'object',
        required: ['status', 'since'],
        properties: { status: { const: 'WAITING' }, since: { type: 'integer', minimum: 0 } },
      },
    },
  },
};
const union = {
  oneOf: [{ $ref: '#/components/schemas/Done' }, { $ref: '#/components/schemas/Waiting' }],
  discriminator: { propertyName: 'status', mapping: { DONE: '#/components/schemas/Done' } },
};

describe('bodySchema', () => {
  it('points component refs at $defs and drops OpenAPI-only keywords', () => {
    const schema = bodySchema(document, union);
    expect(schema.oneOf).toEqual([{ $ref: '#/$defs/Done' }, { $ref: '#/$defs/Waiting' }]);
    expect(schema.$defs.Done.properties.query).toEqual({ $ref: '#/$defs/Query' });
    expect(schema.$defs.Status).not.toHaveProperty('example');
    expect(schema).not.toHaveProperty('discriminator');
  });

  it("keeps ajv's discriminator without its mapping, as the generator does", () => {
    expect(bodySchema(document, union, { keepDiscriminator: true }).discriminator).toEqual({
      propertyName: 'status',
    });
  });

  it('withoutFormats strips the keyword, never a member named format', () => {
    const query = withoutFormats(bodySchema(document, union)).$defs.Query;
    expect(query.properties.format).toEqual({ type: 'string' });
    expect(query.required).toEqual(['format', 'id']);
  });
});

describe('invalidBodies', () => {
  const root = bodySchema(document, union);
  const made = (body: unknown) =>
    invalidBodies({ name: 'x', key: 'k', kind: 'json', text: JSON.stringify(body) }, root).map(
      (item: { name: string; text: string }) => [item.name.slice(2), JSON.parse(item.text)],
    );

  it('breaks one rule at a time, where it first and last applies, in the oneOf branch the body is in', () => {
    const body = { status: 'DONE', query: { format: 'https://a.example', id: 'q', path: ['x'] } };
    const q = body.query;
    expect(made(body)).toEqual([
      // The Done branch's `type: object`, at the body itself.
      ['wrong-type at /', 'x'],
      ['wrong-type at /query/path', { ...body, query: { ...q, path: 'x' } }],
      ['missing-required at /status', { query: q }],
      ['missing-required at /query/id', { ...body, query: { format: q.format, path: ['x'] } }],
      ['bad-enum at /status', { ...body, status: 'not a documented value!' }],
      [
        'extra-member at /query/unexpected_member',
        { ...body, query: { ...q, unexpected_member: 1 } },
      ],
      [
        'bad-format at /query/format',
        { ...body, query: { ...q, format: 'not a documented value!' } },
      ],
      [
        'format-edge "https://example.com/a b" at /query/format',
        { ...body, query: { ...q, format: 'https://example.com/a b' } },
      ],
      ['format-edge "x:" at /query/format', { ...body, query: { ...q, format: 'x:' } }],
      ['bad-pattern at /query/id', { ...body, query: { ...q, id: '!' } }],
      ['too-few-items at /query/path', { ...body, query: { ...q, path: [] } }],
      ['repeated-item at /query/path', { ...body, query: { ...q, path: ['x', 'x'] } }],
    ]);
  });

  it('takes the other branch by its const, and its minimum', () => {
    const names = made({ status: 'WAITING', since: 3 }).map((entry) => entry[0]);
    expect(names).toContain('below-minimum at /since');
    expect(names).not.toContain('missing-required at /query');
  });

  it('never walks into anyOf, where a broken value may match another branch', () => {
    const body = { status: 'DONE', query: { format: 'x:', id: 'q', path: ['x'] } };
    expect(made(body).map((entry) => entry[0])).not.toContain('wrong-type at /query/path/0');
  });
});

describe('buildPool', () => {
  it('parses every copy on its own, every item as often', () => {
    const items = ['{"a":1}', '{"b":[2]}', '{"c":3}'].map((text) => ({ kind: 'json', text }));
    const pool = buildPool(items, 8);
    expect(pool).toHaveLength(9);
    for (const item of items) expect(pool.filter((p) => p.item === item)).toHaveLength(3);
    expect(pool[0].body).toEqual(pool[3].body);
    expect(pool[0].body).not.toBe(pool[3].body);
    expect(pool[1].body.b).not.toBe(pool[4].body.b);
  });
});

describe('oursOver', () => {
  const rows = [
    { name: 'ours', samples: [100, 100, 100] },
    { name: 'a', samples: [50, 10, 20] },
    { name: 'b', samples: [10, 40, 25] },
  ];

  it('divides ours by the fastest rival of each block and takes the median', () => {
    // Blocks: 100/50, 100/40, 100/25.
    expect(oursOver(rows, ['a', 'b'])).toEqual({
      value: 100,
      baseline: 40,
      ratio: 2.5,
      winners: { a: 1, b: 2 },
    });
    expect(oursOver(rows, ['a']).ratio).toBe(5);
  });
});
