// The list of regexes to check for catastrophic backtracking: every `pattern`
// (and `patternProperties` key) of every API's bundled spec, and every regex
// its generated validators run, formats included. One entry per distinct
// (source, flags), with every place it comes from. Used by the reliability
// test (reliability/test/redos.test.ts) and the bench (bench/suites/regex.mjs).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceRegexes } from './source-regexes.mjs';
import { specRegexes } from './spec-patterns.mjs';
import { validatorRegexes } from './validator-regexes.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * @typedef {{
 *   name: string,
 *   api: string,
 *   source: string,
 *   flags: string,
 *   origins: string[],
 * }} ListedRegex
 */

/** The API packages: every package with a generated layer. */
export function apiNames(root = ROOT) {
  return readdirSync(join(root, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((name) => {
      try {
        readFileSync(join(root, 'packages', name, 'src/generated/openapi.gen.json'));
        return true;
      } catch {
        return false;
      }
    })
    .sort();
}

/** A short name for a regex, for figures and messages: the schema or constant it comes from. */
function shortName(/** @type {string} */ where) {
  if (where.startsWith('#/')) {
    const parts = where.split('/');
    const schemas = parts.indexOf('schemas');
    const tail = schemas >= 0 ? parts.slice(schemas + 1) : parts.slice(-2);
    return tail
      .filter((part) => !['properties', 'items', 'schema', 'pattern'].includes(part))
      .join('.')
      .replaceAll('~1', '/')
      .replaceAll('~0', '~');
  }
  // `packages/core/src/redact.ts:11` → redact.ts:11
  if (where.startsWith('packages/')) return where.slice(where.lastIndexOf('/') + 1);
  // `ajv-formats uri: URI` → format.uri.URI; `ajv format uuid: formats0` → format.uuid
  if (where.startsWith('ajv format ')) return `format.${where.slice(11).split(':')[0]}`;
  return where.replace(/^ajv-formats /, 'format.').replace(/: /, '.');
}

/**
 * Everything the listing read, per API: the spec's regexes and formats, the
 * validators' regexes, dynamic constructions and the formats they reach.
 * @param {string} root
 */
export function readApis(root = ROOT) {
  return apiNames(root).map((api) => {
    const generated = join(root, 'packages', api, 'src/generated');
    const spec = specRegexes(JSON.parse(readFileSync(join(generated, 'openapi.gen.json'), 'utf8')));
    const file = join(generated, 'validators.gen.js');
    const validators = validatorRegexes(readFileSync(file, 'utf8'), file);
    return { api, spec, validators };
  });
}

/**
 * Every distinct regex, in a stable order, each named by its first origin.
 * `extra` adds regexes (a test plants one to prove the check fails).
 * @param {{ root?: string, extra?: { api: string, source: string, flags: string, where: string }[] }} [options]
 * @returns {ListedRegex[]}
 */
export function listRegexes({ root = ROOT, extra = [] } = {}) {
  /** @type {Map<string, ListedRegex>} */
  const byKey = new Map();
  const add = (
    /** @type {string} */ api,
    /** @type {{ source: string, flags: string, where: string }} */ found,
    /** @type {string} */ kind,
  ) => {
    const key = `/${found.source}/${found.flags}`;
    const origin = `${api} ${kind} ${found.where}`;
    const known = byKey.get(key);
    if (known) {
      if (!known.origins.includes(origin)) known.origins.push(origin);
      return;
    }
    byKey.set(key, {
      name: shortName(found.where),
      api,
      source: found.source,
      flags: found.flags,
      origins: [origin],
    });
  };
  for (const { api, spec, validators } of readApis(root)) {
    for (const found of spec.regexes) add(api, found, 'spec');
    for (const found of validators.regexes) add(api, found, 'validators');
  }
  for (const { name, regexes } of sourceRegexes(root))
    for (const found of regexes) add(name, found, 'source');
  for (const { api, ...found } of extra) add(api, found, 'planted');
  const listed = [...byKey.values()];
  // Names must tell regexes apart in figures: number any repeats.
  const seen = new Map();
  for (const regex of listed) {
    const id = `${regex.api}.${regex.name}`;
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    if (count > 1) regex.name = `${regex.name}-${count}`;
  }
  return listed;
}
