// Valid and invalid strings for each `format` our specs use, as ajv-formats'
// full mode (what the generator compiles with) judges them. An unknown format
// throws: a new one in a spec needs its own generators here.
import fc from 'fast-check';

interface Format {
  /** Strings the format accepts. */
  valid: fc.Arbitrary<string>;
  /** A string the format rejects, made from a valid one. */
  invalid: (valid: string) => string;
}

const DIGITS_YEAR = {
  min: new Date('0001-01-01T00:00:00Z'),
  max: new Date('9999-12-31T23:59:59Z'),
};

const FORMATS: Record<string, Format> = {
  // A URI needs a scheme (`name:`): with no colon at all it cannot have one.
  uri: {
    valid: fc.webUrl({ withQueryParameters: true, withFragments: true }),
    invalid: (valid) => `no scheme ${valid.replaceAll(':', '')}`,
  },
  // Hex digits only: a `g` is never one.
  uuid: {
    valid: fc.uuid(),
    invalid: (valid) => `g${valid.slice(1)}`,
  },
  // RFC 3339 with a time zone; a trailing letter ends none.
  'date-time': {
    valid: fc.date({ ...DIGITS_YEAR, noInvalidDate: true }).map((date) => date.toISOString()),
    invalid: (valid) => `${valid}x`,
  },
  // No `@`, no address.
  email: {
    valid: fc.emailAddress(),
    invalid: (valid) => valid.replaceAll('@', '.'),
  },
};

export function formatOf(name: string): Format {
  const format = FORMATS[name];
  if (!format) throw new Error(`format "${name}" has no generators in reliability/properties`);
  return format;
}
