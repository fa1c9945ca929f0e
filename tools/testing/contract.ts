// The contract suite every API package runs: each recorded exchange goes
// through the real client and the generated validator, and `redocly drift`
// checks the same files independently.
import { relative } from 'node:path';
import type { ApiDescriptor, ValidationResult } from '@credstat/core';
import { ApiError, InvalidResponseError, isCredstatError } from '@credstat/core';
import type { Client } from 'openapi-fetch';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleSpec } from '../generator/bundle-spec.ts';
import { type JsonSchema, listOperations, parametersOf, resolveRef } from '../generator/openapi.ts';
import { type ApiEntry, findApi, repoRoot } from '../lib/repo.ts';
import { runDrift } from './drift.ts';
import { type Exchange, recordedExchanges } from './exchanges.ts';
import { replayFetch } from './replay.ts';

/** What the suites pass to a package's client factory. */
export interface ReplayClientOptions {
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  validateRequests?: boolean;
  /** Set only by the retry check; the suites otherwise expect one request per call. */
  retry?: { maxRetries: number; baseDelayMs: number; maxDelayMs: number };
}

// biome-ignore lint/suspicious/noExplicitAny: the suite drives any API's client
type AnyClient = Client<any>;

export interface ContractOptions {
  api: ApiDescriptor;
  /** A client of the package that sends with `fetch`; `validateRequests` as the core option. */
  createClient: (options: ReplayClientOptions) => AnyClient;
  validateResponse: (operationId: never, status: number, body: unknown) => ValidationResult;
}

type RequestFn = (method: string, path: string, init: unknown) => Promise<{ data?: unknown }>;

const JSON_TYPE = /^application\/([\w.+-]+\+)?json/;

/** Per operation, the query and header parameters its spec declares, with their schemas. */
type QuerySchemas = Map<string, Map<string, JsonSchema & { in: 'query' | 'header' }>>;

async function querySchemas(api: ApiEntry): Promise<QuerySchemas> {
  const { document } = await bundleSpec(api);
  return new Map(
    listOperations(document).map((entry) => [
      entry.operationId,
      new Map(
        parametersOf(document, entry)
          .filter((parameter) => parameter.in === 'query' || parameter.in === 'header')
          .map((parameter) => [
            parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name,
            {
              ...(parameter.schema ? resolveRef(document, parameter.schema) : {}),
              in: parameter.in as 'query' | 'header',
            },
          ]),
      ),
    ]),
  );
}

/** A query value as the client takes it: `limit=5` is the number 5 when the spec says integer. */
function typedQueryValue(schema: JsonSchema, values: string[]): unknown {
  if (schema.type === 'array')
    return values.map((value) => typedQueryValue((schema.items as JsonSchema) ?? {}, [value]));
  const [value = ''] = values;
  if (schema.type === 'integer' || schema.type === 'number') return Number(value);
  if (schema.type === 'boolean') return value === 'true';
  return value;
}

/**
 * Sends the recorded request through openapi-fetch's generic `request`: every
 * part of it the spec declares (path parameters, query, header parameters) and
 * its body in its own media type. Credentials come from the client.
 */
function send(
  client: Client<never>,
  api: ApiDescriptor,
  exchange: Exchange,
  schemas: QuerySchemas,
) {
  const operation = api.operations[exchange.operationId];
  const { url, postData } = exchange.entry.request;
  const declared = schemas.get(exchange.operationId) ?? new Map();
  const recorded = new URL(url).searchParams;
  const query = Object.fromEntries(
    [...new Set(recorded.keys())].map((name) => [
      name,
      typedQueryValue(declared.get(name) ?? {}, recorded.getAll(name)),
    ]),
  );
  // Header parameters the spec declares (credentials come from the client).
  const header = Object.fromEntries(
    exchange.entry.request.headers
      .filter(({ name }) => declared.get(name.toLowerCase())?.in === 'header')
      .map(({ name, value }) => [name, value]),
  );
  const init: Record<string, unknown> = { params: { path: exchange.pathParams, query, header } };
  if (postData?.text !== undefined) {
    const json = JSON_TYPE.test(postData.mimeType);
    init.body = json ? JSON.parse(postData.text) : postData.text;
    if (!json) init.bodySerializer = String;
    init.headers = { 'content-type': postData.mimeType };
  }
  const request = (client as unknown as { request: RequestFn }).request;
  return request(exchange.entry.request.method.toLowerCase(), operation?.path ?? '', init);
}

/** The spec documents no body for this exchange's status. */
function bodyless(exchange: Exchange): boolean {
  return exchange.documentedBody === 'empty';
}

function authHeaderName(api: ApiDescriptor): string | undefined {
  if (!api.auth) return undefined;
  return api.auth.type === 'apiKey' ? api.auth.header : 'authorization';
}

export function describeContract(options: ContractOptions): void {
  const { api } = options;
  const all = recordedExchanges(api);
  const accepted = all.filter((exchange) => !exchange.fixture.rejected);
  const rejected = all.filter((exchange) => exchange.fixture.rejected);
  const specPath = `${repoRoot}/${findApi(api.name).specPath}`;
  const validate = options.validateResponse as (
    op: string,
    status: number,
    body: unknown,
  ) => ValidationResult;

  describe(`${api.name} contract`, () => {
    let schemas: QuerySchemas = new Map();
    beforeAll(async () => {
      schemas = await querySchemas(findApi(api.name));
    });

    it('has a fixture for every documented (operation, status)', () => {
      const covered = new Set(
        accepted.map((exchange) => `${exchange.operationId} ${exchange.status}`),
      );
      const documented = Object.entries(api.operations).flatMap(([operationId, operation]) =>
        Object.keys(operation.responses).map((status) => `${operationId} ${status}`),
      );
      expect(documented.filter((key) => !covered.has(key))).toEqual([]);
    });

    it('has at least one negative fixture in fixtures/rejected/', () => {
      expect(
        rejected.map((exchange) => exchange.name),
        'no fixture in rejected/',
      ).not.toEqual([]);
    });

    it.each(accepted.map((exchange) => [exchange.name, exchange] as const))(
      '%s replays through the client and validates',
      async (_name, exchange) => {
        const fetch = replayFetch(exchange.entry);
        // A recorded request the spec's parameter schemas reject (e.g. FortID's
        // 400 "not a valid UUID") is refused by the client before sending, so it
        // is replayed with that check off, to check the response.
        const strict = options.createClient({ fetch });
        const refused = await send(strict, api, exchange, schemas).then(
          () => undefined,
          (caught: unknown) => (isCredstatError(caught, 'invalid-parameter') ? caught : undefined),
        );
        fetch.sent.length = 0;
        const client = refused ? options.createClient({ fetch, validateRequests: false }) : strict;
        if (refused) expect(exchange.status).toBe(400);
        if (refused && exchange.status < 400) return;
        const auth = authHeaderName(api);
        if (exchange.status < 400) {
          const { data } = await send(client, api, exchange, schemas);
          expect(data).toEqual(exchange.body);
        } else {
          const error = await send(client, api, exchange, schemas).catch(
            (caught: unknown) => caught,
          );
          expect(error).toBeInstanceOf(ApiError);
          expect(error).toMatchObject({
            status: exchange.status,
            body: exchange.body,
            operationId: exchange.operationId,
          });
        }
        expect(fetch.sent).toHaveLength(1);
        if (auth) expect(fetch.sent[0]?.headers.get(auth)).toBeTruthy();
        expect(validate(exchange.operationId, exchange.status, exchange.body)).toEqual({
          ok: true,
          value: exchange.body,
        });
      },
    );

    it.each(rejected.map((exchange) => [exchange.name, exchange] as const))(
      '%s fails the client and the validator',
      async (_name, exchange) => {
        const client = options.createClient({ fetch: replayFetch(exchange.entry) });
        const error = await send(client, api, exchange, schemas).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(InvalidResponseError);
        // A body where the spec documents none (FortID's 401) is its own reason.
        const reason = bodyless(exchange) ? 'unexpected-body' : 'schema';
        expect(error).toMatchObject({ reason, status: exchange.status });
        const result = validate(exchange.operationId, exchange.status, exchange.body);
        expect(result.ok).toBe(false);
      },
    );

    // One success per operation: after a 503, it comes back on a retry only if
    // repeating it is safe (a GET, or x-credstat-idempotent in the spec).
    const firstSuccess = [
      ...new Map(
        accepted
          .filter((exchange) => exchange.status < 300)
          .map((exchange) => [exchange.operationId, exchange] as const),
      ).values(),
    ];
    it.each(firstSuccess.map((exchange) => [exchange.operationId, exchange] as const))(
      '%s after a 503 is retried exactly when repeating it is safe',
      async (_operationId, exchange) => {
        const operation = api.operations[exchange.operationId];
        const repeatable = operation?.method === 'GET' || Boolean(operation?.idempotent);
        const busy = {
          ...exchange.entry,
          response: {
            ...exchange.entry.response,
            status: 503,
            statusText: 'Service Unavailable',
            headers: [{ name: 'Retry-After', value: '0' }],
            content: { size: 0, mimeType: 'text/plain', text: '' },
          },
        };
        const fetch = replayFetch(busy, exchange.entry);
        const retry = { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 1 };
        const client = options.createClient({ fetch, validateRequests: false, retry });
        const outcome = await send(client, api, exchange, schemas).then(
          ({ data }) => data,
          (caught: unknown) => caught,
        );
        if (repeatable) expect(outcome).toEqual(exchange.body);
        else expect(outcome).toMatchObject({ status: 503, attempts: 1 });
        expect(fetch.sent).toHaveLength(repeatable ? 2 : 1);
      },
    );

    it('passes redocly drift: no errors, no undocumented exchange', () => {
      const files = [...new Set(accepted.map((exchange) => exchange.fixture.path))];
      const ignore = api.auth?.type === 'apiKey' ? [api.auth.header.toLowerCase()] : [];
      const report = runDrift(specPath, files, ignore);
      expect(report.problems.filter((problem) => problem.severity !== 'info')).toEqual([]);
      expect(report.run.undocumentedExchanges).toBe(0);
      expect(report.run.documentedExchanges).toBe(accepted.length);
    }, 60_000);

    // Drift checks only JSON bodies against their schema: a body where none is
    // documented, or a raw one (a JWT's pattern), is invisible to it; the
    // client and validator catch those above.
    it.each(
      [
        ...new Set(
          rejected
            .filter((exchange) => exchange.documentedBody === 'json')
            .map((exchange) => exchange.fixture.path),
        ),
      ].map((file) => [relative(repoRoot, file), file]),
    )(
      'redocly drift flags the negative fixture %s',
      (_name, file) => {
        const report = runDrift(specPath, [file]);
        expect(report.run.findingsBySeverity.error).toBeGreaterThan(0);
      },
      60_000,
    );
  });
}
