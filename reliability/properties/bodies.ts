// The arbitrary of valid bodies for one documented response: the schema's,
// with an API's rules beside its schema (the wallet's DCQL checks) met too.
import type fc from 'fast-check';
import { ArbitraryBuilder, type Overrides } from './arbitrary.ts';
import { DCQL_OVERRIDES } from './dcql.ts';
import type { ResponseSchema } from './response-schemas.ts';
import type { Schema, SchemaReader } from './schema.ts';

const OVERRIDES: Record<string, Overrides> = { 'fortid-wallet': DCQL_OVERRIDES };

const builders = new WeakMap<SchemaReader, ArbitraryBuilder>();

function builderFor(api: string, reader: SchemaReader): ArbitraryBuilder {
  let builder = builders.get(reader);
  if (!builder) {
    builder = new ArbitraryBuilder(reader, OVERRIDES[api]);
    builders.set(reader, builder);
  }
  return builder;
}

/** Valid bodies of `entry`'s schema, or of another schema of the same API (e.g. one oneOf branch). */
export function validBodies(
  entry: ResponseSchema,
  schema: Schema = entry.schema,
): fc.Arbitrary<unknown> {
  return builderFor(entry.api, entry.reader).of(schema);
}
