// The validators that race ours, each built at run time from the same
// self-contained JSON Schemas (bodies.mjs) through a well-kept converter:
// ajv 8 (the generator's options), zod 4 (`z.fromJSONSchema`, with string
// formats and without), TypeBox 1 (`Compile`). Each runs the checks the API
// package runs beside the schema (the wallet's DCQL rules: unique ids,
// references that name something), which no JSON Schema expresses: so every
// competitor does the same work as ours, the schema and then those checks.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { Compile } from 'typebox/compile';
import { z } from 'zod';
import { withoutFormats } from './schemas.mjs';

/**
 * @typedef {object} Competitor
 * @property {string} name
 * @property {(item: { key: string, operationId: string, status: number }) => (body: unknown) => unknown} forBody
 *   the check of one body's schema; its result is truthy exactly when the body is valid
 */

/** `check` then the API's checks beside the schema (each lists issues; none means valid). */
function withChecks(check, checks) {
  if (checks.length === 0) return check;
  return (body) => Boolean(check(body)) && checks.every((extra) => extra(body).length === 0);
}

/** One check per schema key, built once. */
function perKey(name, api, build) {
  const built = new Map(
    [...api.schemas].map(([key, entry]) => [key, withChecks(build(entry, key), entry.checks)]),
  );
  return {
    name,
    forBody: ({ key }) => {
      const check = built.get(key);
      if (!check) throw new Error(`${name}: no schema for ${key}`);
      return check;
    },
  };
}

/** Ours: the package's public `validateResponse` (lookup, schema, checks, issues). */
export function ours(api) {
  const { validateResponse } = api;
  return {
    name: 'ours',
    forBody:
      ({ operationId, status }) =>
      (body) =>
        validateResponse(operationId, status, body).ok,
  };
}

/** ajv compiled at run time with the options tools/generator/validators.ts uses. */
export function ajvRuntime(api, { formats = true } = {}) {
  const ajv = new Ajv2020.default({
    allErrors: true,
    discriminator: true,
    inlineRefs: false,
    strict: true,
  });
  addFormats.default(ajv);
  return perKey(formats ? 'ajv' : 'ajv-structural', api, ({ ajvSchema }) =>
    ajv.compile(formats ? ajvSchema : withoutFormats(ajvSchema)),
  );
}

/** zod schemas from the JSON Schemas; their own registry keeps zod's global one clean. */
export function zodSchemas(api, { formats }) {
  const registry = z.registry();
  return new Map(
    [...api.schemas].map(([key, { schema }]) => [
      key,
      z.fromJSONSchema(formats ? schema : withoutFormats(schema), { registry }),
    ]),
  );
}

/**
 * zod 4 `safeParse`. `formats`: the string formats checked (uri, uuid…) or
 * dropped (structural). `compiled`: through `z.compile` (zod ≥ 4.4's
 * ahead-of-time fast path). `firstError`: `validate()`, zod's boolean check
 * that stops at the first issue, instead of `safeParse`, which collects them all.
 */
export function zod(api, { formats = true, compiled = false, firstError = false } = {}) {
  const schemas = zodSchemas(api, { formats });
  const name = [
    'zod',
    formats ? '' : 'structural',
    compiled ? 'compiled' : '',
    firstError ? 'validate' : '',
  ]
    .filter(Boolean)
    .join('-');
  return perKey(name, api, (_entry, key) => {
    const schema = compiled ? z.compile(schemas.get(key)) : schemas.get(key);
    return firstError ? (body) => schema.validate(body) : (body) => schema.safeParse(body).success;
  });
}

/** TypeBox 1.x `Compile` on the JSON Schema (its formats are built in). */
export function typebox(api) {
  return perKey('typebox', api, ({ schema }) => {
    const validator = Compile(schema);
    return (body) => validator.Check(body);
  });
}
