// Every regex an OpenAPI document hands to a validator: the `pattern` keyword
// and the keys of `patternProperties`, wherever a schema can sit (components,
// parameters, request and response bodies, headers). Examples and defaults are
// data, not schemas, so a member named "pattern" there is not a regex.

/** Members whose values are instance data, never schemas (`default` is also a response code). */
const DATA_MEMBERS = new Set(['example', 'examples', 'default', 'const', 'enum']);
/** Maps from a name to a schema: their keys name things, even "pattern" or "default". */
const SCHEMA_MAPS = new Set(['properties', 'definitions', '$defs', 'schemas']);

/** @typedef {{ source: string, flags: string, where: string }} FoundRegex */

/** @param {string} key */
const escapePointer = (key) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * The regexes of one OpenAPI document, each with the JSON pointer it sits at.
 * ajv compiles `pattern` with the `u` flag (our generator's `unicodeRegExp`).
 * @param {unknown} document
 * @returns {{ regexes: FoundRegex[], formats: Set<string> }}
 */
export function specRegexes(document) {
  /** @type {FoundRegex[]} */
  const regexes = [];
  /** @type {Set<string>} */
  const formats = new Set();
  /** @param {unknown} node @param {string} pointer @param {boolean} isSchemaMap @param {string} [parent] */
  const walk = (node, pointer, isSchemaMap, parent) => {
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      const at = `${pointer}/${escapePointer(key)}`;
      // Under `properties` & co. a key names a member: its value is a schema.
      if (isSchemaMap) {
        walk(value, at, false);
        continue;
      }
      if (DATA_MEMBERS.has(key) && !(key === 'default' && parent === 'responses')) continue;
      if (key === 'pattern' && typeof value === 'string') {
        regexes.push({ source: value, flags: 'u', where: at });
      } else if (key === 'format' && typeof value === 'string') {
        formats.add(value);
      } else if (key === 'patternProperties' && value && typeof value === 'object') {
        for (const source of Object.keys(value))
          regexes.push({ source, flags: 'u', where: `${at}/${escapePointer(source)}` });
        walk(value, at, true);
      } else {
        walk(value, at, SCHEMA_MAPS.has(key), key);
      }
    }
  };
  walk(document, '#', false);
  return { regexes, formats };
}
