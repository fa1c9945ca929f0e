// Path parameter values that try to leave their segment: URL delimiters, dot
// segments, percent signs, arbitrary Unicode (lone surrogates included), empty
// and very long strings; mixed with values the spec accepts (UUIDs, URIs) so
// calls also get past the schema check and reach the server.
import fc from 'fast-check';

/** Strings that mean something to a URL parser or a server's router. */
export const DELIMITERS = [
  '/',
  '?',
  '#',
  '%',
  '..',
  '.',
  '',
  '%2e',
  '%2e%2e',
  '.%2e',
  '%2F',
  '%3F',
  '%23',
  '%00',
  '\\',
  '..\\',
  '//',
  '/..',
  '../admin',
  '?x=1',
  '#frag',
  '\u0000',
  ' ',
  '\r\n',
  ';',
  '@',
  ':',
  '+',
  '&',
  '~',
  // Lone UTF-16 halves: no percent-encoding exists for them (a code-point
  // generator draws one about once in 500 characters, too rarely to rely on).
  '\uD800',
  '\uDC00x',
  '\uDBFF\uDBFF',
] as const;

const delimiter = fc.constantFrom(...DELIMITERS);
const unicode = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));

/** Delimiters and Unicode run together, e.g. `é/../%x?`. */
const mixed = fc
  .array(fc.oneof(delimiter, unicode), { maxLength: 6 })
  .map((parts) => parts.join(''));

/** At least 10 kB of UTF-8: a short unit repeated. */
const veryLong = fc
  .tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }), delimiter)
  .map(([text, extra]) => {
    const unit = `${text}${extra}` || 'x';
    return unit.repeat(Math.ceil(10_240 / Buffer.byteLength(unit)));
  });

/** Values a `format: uuid` or `format: uri` parameter accepts. */
const specValid = fc.oneof(
  fc.uuid(),
  fc.uuid().map((id) => `urn:uuid:${id}`),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
);

export const pathValue: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: delimiter, weight: 2 },
  { arbitrary: unicode, weight: 2 },
  { arbitrary: mixed, weight: 3 },
  { arbitrary: veryLong, weight: 1 },
  { arbitrary: specValid, weight: 3 },
);

/** One value per parameter name. */
export function pathValues(names: readonly string[]): fc.Arbitrary<Record<string, string>> {
  return fc.record(Object.fromEntries(names.map((name) => [name, pathValue])));
}
