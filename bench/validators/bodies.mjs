// One API's recorded response bodies, each paired with the schema that checks
// it: read through the repo's own fixture reader (tools/testing/exchanges.ts)
// and the generator's walk of the bundled spec (tools/generator/openapi.ts),
// so the bench sees exactly the bodies and schemas the contract tests do.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tool } from '../lib/tools.mjs';
import { bodySchema } from './schemas.mjs';

const require = createRequire(import.meta.url);

// The five APIs, one list for the whole bench.
export { API_NAMES } from '../types/consumer.mjs';

/** The documented status key ours picks for `status`: exact, then `4XX`, then `default`. */
export function statusKey(responses, status) {
  return [String(status), `${String(status)[0]}XX`, 'default'].find((key) => key in responses);
}

/** The resolved path of an API package's built `./validators` module. */
export function validatorsModulePath(name) {
  return require.resolve(`@credstat/${name}/validators`);
}

/**
 * @typedef {object} RecordedBody
 * @property {string} name       fixture file and entry, e.g. `rejected/200-x.har#0`
 * @property {string} key        `${operationId} ${status key}`, the schema it is checked against
 * @property {string} operationId
 * @property {number} status
 * @property {'json' | 'text'} kind  how the client hands it on (text: a raw body such as a JWT)
 * @property {string} text       the body as received
 * @property {boolean} rejected  under fixtures/rejected/: the spec must refuse it
 */

/**
 * Everything the validator race needs of one API: its bodies that have a
 * schema, those schemas, the checks the package runs beside them, and ours.
 */
export async function loadApi(name) {
  const [{ recordedExchanges }, { resolveResponse, bodyMediaType }] = await Promise.all([
    tool('tools/testing/exchanges.ts'),
    tool('tools/generator/openapi.ts'),
  ]);
  // `api` is the descriptor the package's client and ./validators share,
  // checks beside the schema (the wallet's DCQL rules) included.
  const { api } = await import(`@credstat/${name}`);
  const { validateResponse } = await import(`@credstat/${name}/validators`);
  const document = JSON.parse(
    readFileSync(require.resolve(`@credstat/${name}/openapi.json`), 'utf8'),
  );

  /** @type {Map<string, { schema: object, ajvSchema: object, checks: Function[] }>} */
  const schemas = new Map();
  for (const [operationId, operation] of Object.entries(api.operations)) {
    const spec = document.paths[operation.path][operation.method.toLowerCase()];
    for (const [status, response] of Object.entries(operation.responses)) {
      if (!response.validate) continue;
      const [, media] = bodyMediaType(resolveResponse(document, spec.responses[status])) ?? [];
      if (!media?.schema) throw new Error(`${name}: ${operationId} ${status} has no schema`);
      schemas.set(`${operationId} ${status}`, {
        schema: bodySchema(document, media.schema),
        ajvSchema: bodySchema(document, media.schema, { keepDiscriminator: true }),
        checks: [...(response.checks ?? [])],
      });
    }
  }

  /** @type {RecordedBody[]} */
  const bodies = [];
  for (const exchange of recordedExchanges(api)) {
    const { responses } = api.operations[exchange.operationId];
    const key = `${exchange.operationId} ${statusKey(responses, exchange.status)}`;
    // Bodies with no schema (empty, `*/*`) have nothing to race on.
    if (!schemas.has(key) || typeof exchange.body === 'undefined') continue;
    bodies.push({
      name: exchange.name,
      key,
      operationId: exchange.operationId,
      status: exchange.status,
      kind: typeof exchange.body === 'string' ? 'text' : 'json',
      text: exchange.entry.response.content.text ?? '',
      rejected: exchange.fixture.rejected,
    });
  }
  return { name, validateResponse, schemas, bodies };
}
