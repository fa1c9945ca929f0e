// The suite every API package runs on its mock (`./scenarios`, `./mock`, and
// credstat-mock): each scenario driven through the package's real client and
// `waitFor…` functions, the mock's request checks, msw, the CLI, and that the
// main entry carries none of it. What each scenario should answer is derived
// again from the spec and fixtures (tools/generator/mock.ts); nothing here
// knows one API.
import {
  type ApiDescriptor,
  ApiError,
  type OperationDescriptor,
  PollDeadlineError,
  SessionExpiredError,
  SessionNotFoundError,
  type ValidationResult,
} from '@credstat/core';
import type { MockApi } from '@credstat/core/mock';
import type { HttpHandler } from 'msw';
import { setupServer } from 'msw/node';
import type { Client } from 'openapi-fetch';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleSpec } from '../generator/bundle-spec.ts';
import { type DerivedExample, type DerivedMock, deriveMock } from '../generator/mock.ts';
import { listFixtures } from '../har/har.ts';
import { credentialFor } from '../lib/credential.ts';
import { findApi } from '../lib/repo.ts';
import { bundleForInspection, isMswInput } from './bundle-inputs.ts';
import { CREDSTAT_MOCK_TEST_MS, startCredstatMock } from './credstat-mock-process.ts';
import { type Exchange, recordedExchanges } from './exchanges.ts';
import type { WaitsOptions } from './waits.ts';

export interface MockContractOptions {
  api: ApiDescriptor;
  /** The package's own createClient; the suite adds a test credential. */
  // biome-ignore lint/suspicious/noExplicitAny: any package's client options
  createClient: (options: any) => unknown;
  validateResponse: (operationId: never, status: number, body: unknown) => ValidationResult;
  waits: WaitsOptions['waits'];
  /** The package's `./scenarios`. */
  scenarios: {
    // biome-ignore lint/suspicious/noExplicitAny: any package's mock options
    createMockApi: (options?: any) => MockApi;
    scenarios: readonly { name: string; description: string }[];
  };
  /** The package's `./mock` handlers and typed `respond`. */
  // biome-ignore lint/suspicious/noExplicitAny: any package's mock options
  handlers: (options?: any) => HttpHandler[];
  respond: (...args: never[]) => HttpHandler;
  /** Options every mock of the suite is made with (e.g. state an API keeps, preset). */
  mockOptions?: Record<string, unknown>;
  /**
   * Operations whose successes the package computes itself (state kept across
   * requests): their 2xx answers are checked against the spec, not the fixture;
   * the package's own tests check what they hold.
   */
  stateful?: readonly string[];
}

const POLLS = 2;
const fast = { intervalMs: 1, maxIntervalMs: 1 };
const CREDENTIAL = 'mock-contract-credential';

type Outcome = { ok: true; data: unknown } | { ok: false; error: unknown };
// biome-ignore lint/suspicious/noExplicitAny: the suite drives any API's client
type AnyClient = Client<any>;
type RequestFn = (method: string, path: string, init: unknown) => Promise<{ data?: unknown }>;

/** The body the client hands on for a recorded answer (raw text stays text; `any` is JSON when it parses). */
function expectedBody(operation: OperationDescriptor, example: DerivedExample): unknown {
  const kind = operation.responses[String(example.status)]?.body;
  if (kind === 'json') return example.json;
  if (kind === 'empty' || !example.text) return undefined;
  if (kind === 'any') {
    try {
      return JSON.parse(example.text);
    } catch {
      return example.text;
    }
  }
  return example.text;
}

/** The answer a scenario gives on the `call`-th request (0-based) with `polls`. */
const stepAt = <T>(steps: readonly T[], call: number, polls: number): T =>
  steps[Math.min(Math.floor(call / polls), steps.length - 1)] as T;

/** A fetch that counts what it sends. */
function counted(fetch: MockApi['fetch']) {
  let sent = 0;
  const counting = (input: string | URL | Request, init?: RequestInit) => {
    sent += 1;
    return fetch(input, init);
  };
  return Object.assign(counting, { sent: () => sent });
}

export function describeMockContract(options: MockContractOptions): void {
  const { api } = options;
  const entry = findApi(api.name);
  const credential = credentialFor(api.name, api.auth);
  const stateful = new Set(options.stateful ?? []);
  const validate = options.validateResponse as (
    operationId: string,
    status: number,
    body: unknown,
  ) => ValidationResult;
  const exchanges = recordedExchanges(api).filter((exchange) => !exchange.fixture.rejected);
  /** The recorded request an operation is called with: its first success. */
  const requestOf = new Map<string, Exchange>();
  for (const exchange of exchanges) {
    const chosen = requestOf.get(exchange.operationId);
    if (!chosen || (chosen.status >= 300 && exchange.status < 300))
      requestOf.set(exchange.operationId, exchange);
  }
  const names = options.scenarios.scenarios.map(({ name }) => name);
  let derived: DerivedMock;
  const examplesByKey = new Map<string, DerivedExample>();
  beforeAll(async () => {
    const { document } = await bundleSpec(entry);
    derived = deriveMock(document, entry.specPath, listFixtures(entry.fixturesDir));
    for (const example of derived.examples) examplesByKey.set(example.key, example);
  });
  const scenario = (name: string) => {
    const found = derived.scenarios.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`the spec derives no scenario ${name}`);
    return found;
  };
  /** An operation's answers in a scenario, in order (an operation it leaves out: `default`'s). */
  const stepsOf = (name: string, operationId: string): DerivedExample[] => {
    const keys = scenario(name).answers[operationId] ?? scenario('default').answers[operationId];
    return (keys ?? []).map((key) => examplesByKey.get(key) as DerivedExample);
  };

  const mockOf = (extra: Record<string, unknown> = {}) =>
    options.scenarios.createMockApi({ ...options.mockOptions, polls: POLLS, ...extra });
  const clientOf = (fetch: MockApi['fetch'] | undefined, extra: Record<string, unknown> = {}) =>
    options.createClient({
      ...(credential ? { [credential.option]: CREDENTIAL } : {}),
      baseUrl: api.baseUrl,
      ...(fetch ? { fetch } : {}),
      retry: false,
      ...extra,
    }) as AnyClient;

  /** Calls an operation as its recorded request did, through the generic `request`. */
  async function call(client: AnyClient, operationId: string, baseUrl?: string): Promise<Outcome> {
    const operation = api.operations[operationId] as OperationDescriptor;
    const exchange = requestOf.get(operationId);
    if (!exchange) throw new Error(`no fixture records a request of ${operationId}`);
    const { postData } = exchange.entry.request;
    const init: Record<string, unknown> = { params: { path: exchange.pathParams } };
    if (baseUrl) init.baseUrl = baseUrl;
    if (postData?.text !== undefined) {
      const json = /json/.test(postData.mimeType);
      init.body = json ? JSON.parse(postData.text) : postData.text;
      if (!json) init.bodySerializer = String;
      init.headers = { 'content-type': postData.mimeType };
    }
    const request = (client as unknown as { request: RequestFn }).request;
    return request(operation.method.toLowerCase(), operation.path, init).then(
      ({ data }) => ({ ok: true, data }),
      (error: unknown) => ({ ok: false, error }),
    );
  }

  /** The outcome is the recorded answer (or, for a stateful success, a valid one). */
  function expectAnswer(operationId: string, outcome: Outcome, example: DerivedExample) {
    const operation = api.operations[operationId] as OperationDescriptor;
    if (example.status < 300) {
      expect(outcome, `${operationId} should succeed`).toMatchObject({ ok: true });
      const { data } = outcome as { data: unknown };
      if (stateful.has(operationId))
        expect(validate(operationId, example.status, data).ok).toBe(true);
      else expect(data).toEqual(expectedBody(operation, example));
      return;
    }
    expect(outcome).toMatchObject({ ok: false });
    const { error } = outcome as { error: unknown };
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: example.status, operationId });
    expect((error as ApiError).body).toEqual(expectedBody(operation, example));
  }

  /** A success or a documented error, its body valid per the spec. */
  function expectDocumented(operationId: string, outcome: Outcome) {
    if (outcome.ok) return;
    expect(outcome.error).toBeInstanceOf(ApiError);
    const { status, body } = outcome.error as ApiError;
    expect(validate(operationId, status, body)).toMatchObject({ ok: true });
  }

  describe(`${api.name} mock`, () => {
    it('lists the scenarios the spec derives, default first', () => {
      expect(names).toEqual(derived.scenarios.map(({ name }) => name));
      expect(names[0]).toBe('default');
    });

    it('every recorded answer it gives passes the package’s validators', () => {
      for (const example of derived.examples) {
        const operation = api.operations[example.operationId] as OperationDescriptor;
        const result = validate(
          example.operationId,
          example.status,
          expectedBody(operation, example),
        );
        expect(result, `${example.fixture}`).toMatchObject({ ok: true });
      }
    });

    describe.each(names)('scenario %s', (name) => {
      it('answers each operation through the client in order, polls times each, the last from then on', async () => {
        for (const operationId of Object.keys(api.operations)) {
          const steps = stepsOf(name, operationId);
          if (steps.length === 0) continue;
          const client = clientOf(mockOf({ scenario: name }).fetch);
          const calls = (steps.length - 1) * POLLS + 2;
          for (let i = 0; i < calls; i += 1) {
            expectAnswer(operationId, await call(client, operationId), stepAt(steps, i, POLLS));
          }
        }
      });

      const sessionWaits = Object.values(options.waits);
      // An API without sessions has no wait to end.
      if (sessionWaits.length === 0) return;
      it('ends each wait as the scenario says', async () => {
        for (const operationId of new Set(sessionWaits.map(({ states }) => states.operationId))) {
          const steps = stepsOf(name, operationId);
          const [first] = steps;
          if (!first) continue;
          const ofOperation = sessionWaits.filter(
            ({ states }) => states.operationId === operationId,
          );
          const statusOf = (example: DerivedExample) =>
            (example.json as Record<string, unknown> | undefined)?.[
              ofOperation[0]?.states.field as string
            ] as string | undefined;
          const values = steps.map(statusOf);
          const last = values.at(-1);
          // The wait that reaches the scenario's end through its earlier statuses.
          const fits = ofOperation.find(
            ({ states }) =>
              last !== undefined &&
              (states.terminal as readonly string[]).includes(last) &&
              values
                .slice(0, -1)
                .every((value) => (states.pending as readonly string[]).includes(value as string)),
          );
          const { states, wait } = fits ?? (ofOperation[0] as (typeof ofOperation)[number]);
          const fetch = counted(mockOf({ scenario: name }).fetch);
          const seen: string[] = [];
          const exchange = requestOf.get(operationId) as Exchange;
          const result = wait(
            clientOf(fetch),
            { ...exchange.pathParams },
            {
              ...fast,
              // Only a bound for a scenario that never ends: 200 ms ran out on a
              // loaded 2-core CI machine before three 1 ms polls had come back.
              deadlineMs: 3_000,
              onProgress: (body: Record<string, string>) => seen.push(body[states.field] as string),
            },
          ).then(
            (data) => ({ ok: true, data }) as const,
            (error: unknown) => ({ ok: false, error }) as const,
          );
          const outcome = await result;
          if (fits) {
            const end = steps.at(-1) as DerivedExample;
            const operation = api.operations[operationId] as OperationDescriptor;
            expect(outcome).toEqual({ ok: true, data: expectedBody(operation, end) });
            expect(seen).toEqual([...new Set(values)]);
            expect(fetch.sent()).toBe((steps.length - 1) * POLLS + 1);
          } else if (first.status >= 300) {
            const error = (outcome as { error: unknown }).error;
            const expected = states.expired?.includes(first.status)
              ? SessionExpiredError
              : states.gone?.includes(first.status)
                ? SessionNotFoundError
                : ApiError;
            expect(error).toBeInstanceOf(expected);
          } else {
            // Pending forever: the deadline ends it, on the status it stood at.
            expect((outcome as { error: unknown }).error).toBeInstanceOf(PollDeadlineError);
            expect(seen.at(-1)).toBe(values.at(-1));
          }
        }
      });
    });

    const expiring = Object.values(options.waits).filter(
      ({ states }) => (states.expired ?? []).length > 0 && (states.gone ?? []).length > 0,
    );
    const [expiringWait] = expiring;
    if (names.includes('expired') && expiringWait)
      it('expired: the wait ends expired for polls calls, then not found', async () => {
        const { states, wait } = expiringWait;
        const client = clientOf(mockOf({ scenario: 'expired' }).fetch);
        const args = { ...(requestOf.get(states.operationId) as Exchange).pathParams };
        const ends: unknown[] = [];
        for (let i = 0; i <= POLLS; i += 1)
          ends.push(await wait(client, args, fast).catch((e) => e));
        expect(ends.slice(0, POLLS).every((end) => end instanceof SessionExpiredError)).toBe(true);
        expect(ends[POLLS]).toBeInstanceOf(SessionNotFoundError);
      });

    const retrying = names.filter((name) => name.endsWith('-then-ok'));
    it.each(retrying)('%s: a client that retries gets the success', async (name) => {
      for (const operationId of Object.keys(scenario(name).answers)) {
        const operation = api.operations[operationId] as OperationDescriptor;
        const fetch = counted(mockOf({ scenario: name }).fetch);
        const retry = { maxRetries: POLLS, baseDelayMs: 1, maxDelayMs: 1 };
        const outcome = await call(clientOf(fetch, { retry }), operationId);
        const [busy, ok] = stepsOf(name, operationId) as [DerivedExample, DerivedExample];
        if (operation.method === 'GET' || operation.idempotent) {
          expectAnswer(operationId, outcome, ok);
          expect(fetch.sent()).toBe(POLLS + 1);
        } else {
          expectAnswer(operationId, outcome, busy);
          expect(fetch.sent()).toBe(1);
        }
      }
    });

    describe('checks each request against the spec', () => {
      /** A raw request as the recorded one, with changes, sent to the mock directly. */
      const rawRequest = (
        operationId: string,
        change: { pathParams?: Record<string, string>; credential?: false; body?: string },
      ) => {
        const operation = api.operations[operationId] as OperationDescriptor;
        const exchange = requestOf.get(operationId) as Exchange;
        const params = { ...exchange.pathParams, ...change.pathParams };
        const path = operation.path.replace(/\{([^{}]+)\}/g, (_m, key: string) =>
          encodeURIComponent(params[key] ?? ''),
        );
        const headers = new Headers();
        const auth = operation.auth === undefined ? api.auth : operation.auth;
        if (auth && change.credential !== false) {
          if (auth.type === 'apiKey') headers.set(auth.header, CREDENTIAL);
          else headers.set('authorization', `Bearer ${CREDENTIAL}`);
        }
        const postData = exchange.entry.request.postData;
        const body = change.body ?? postData?.text;
        if (postData) headers.set('content-type', postData.mimeType);
        const base = operation.baseUrl ?? api.baseUrl;
        return mockOf().fetch(`${base}${path}`, { method: operation.method, headers, body });
      };

      /** The documented answer of `status` with the rule named in its body, or the mock's own problem. */
      async function expectRefusal(
        operationId: string,
        response: Response,
        status: number,
        rule: RegExp,
        reason = 'invalid-request',
      ) {
        expect(response.status).toBe(status);
        const text = await response.text();
        expect(response.headers.get('x-credstat-mock')).toBe(reason);
        const documented = (api.operations[operationId] as OperationDescriptor).responses[
          String(status)
        ];
        if (documented) {
          const body = documented.body === 'json' ? JSON.parse(text) : text || undefined;
          expect(validate(operationId, status, body)).toMatchObject({ ok: true });
          // A 400 names the rule where its body has a member for it; a 401 is as recorded.
          if (status === 400 && derived.badRequest[operationId]?.member) expect(text).toMatch(rule);
        } else {
          expect(response.headers.get('content-type')).toBe('application/problem+json');
          expect(JSON.parse(text)).toMatchObject({ status, detail: expect.stringMatching(rule) });
        }
      }

      /** Per operation, a path parameter value its schema refuses (none: any string is valid). */
      const candidates = ['not a valid value!', '-1', 'x'.repeat(300)];
      const brokenParams = Object.entries(api.operations).flatMap(([operationId, operation]) => {
        const recorded = requestOf.get(operationId)?.pathParams ?? {};
        const broken = Object.keys(recorded).flatMap((name) =>
          candidates
            .filter(
              (value) => !operation.validateParams?.({ path: { ...recorded, [name]: value } }),
            )
            .map((value) => [operationId, name, value] as const),
        );
        return operation.validateParams ? broken.slice(0, 1) : [];
      });
      it.each(brokenParams)(
        '%s: path parameter %s = %j breaks its schema',
        async (operationId, name, value) => {
          const response = await rawRequest(operationId, { pathParams: { [name]: value } });
          await expectRefusal(operationId, response, 400, new RegExp(name));
        },
      );

      const withCredential = Object.entries(api.operations).filter(
        ([, operation]) => (operation.auth === undefined ? api.auth : operation.auth) !== null,
      );
      it.each(withCredential.map(([id]) => [id]))('%s: no credential', async (operationId) => {
        const response = await rawRequest(operationId, { credential: false });
        // The documented 401, else the request breaks the spec: a 400 (the documented
        // one where there is one), never a status the spec leaves out.
        const status = derived.unauthorized[operationId] === undefined ? 400 : 401;
        await expectRefusal(
          operationId,
          response,
          status,
          /credential|missing/i,
          'missing-credential',
        );
      });

      const withBody = Object.entries(api.operations).filter(
        ([, operation]) => operation.requestBody,
      );
      it.each(withBody.map(([id]) => [id]))(
        '%s: a body that breaks its schema, or none',
        async (operationId) => {
          const broken = await rawRequest(operationId, { body: '{not: valid' });
          await expectRefusal(operationId, broken, 400, /request body/);
          const missing = await rawRequest(operationId, { body: '' });
          await expectRefusal(operationId, missing, 400, /request body is required/);
        },
      );
    });

    describe('through msw', () => {
      const [first, ...rest] = names;
      const pair = [first, rest.find((name) => name !== 'default')].filter(Boolean) as string[];
      it.each(pair)('handlers({ scenario: %s }) answer the client’s own fetch', async (name) => {
        const server = setupServer(
          ...options.handlers({ ...options.mockOptions, scenario: name, polls: 1 }),
        );
        server.listen({ onUnhandledRequest: 'error' });
        try {
          for (const operationId of Object.keys(api.operations)) {
            const steps = stepsOf(name, operationId);
            if (steps.length === 0) continue;
            const client = clientOf(undefined);
            expectAnswer(operationId, await call(client, operationId), steps[0] as DerivedExample);
            expectAnswer(operationId, await call(client, operationId), stepAt(steps, 1, 1));
          }
        } finally {
          server.close();
        }
      });

      it('respond() answers one operation with a typed body, whatever the scenario', async () => {
        const example = derived.examples.find((candidate) => candidate.status >= 400);
        if (!example) throw new Error('no recorded error to respond with');
        const operation = api.operations[example.operationId] as OperationDescriptor;
        const body = expectedBody(operation, example);
        const respond = options.respond as (
          operationId: string,
          status: number,
          body: unknown,
        ) => HttpHandler;
        const server = setupServer(respond(example.operationId, example.status, body));
        server.listen({ onUnhandledRequest: 'error' });
        try {
          const outcome = await call(clientOf(undefined), example.operationId);
          expectAnswer(example.operationId, outcome, example);
        } finally {
          server.close();
        }
      });
    });

    it(
      'credstat-mock serves it on 127.0.0.1 and stops on SIGTERM',
      async () => {
        const running = await startCredstatMock(entry.packageDir, [api.name, '--polls', '1'], 1);
        try {
          expect(running.lines[1]).toBe(`${api.name} scenarios: ${names.join(', ')}`);
          const listing = await (await fetch(`${running.url}/__credstat/scenarios`)).json();
          expect(listing).toEqual({
            apis: [{ name: api.name, scenarios: options.scenarios.scenarios }],
          });
          const client = clientOf(undefined, { baseUrl: running.url });
          for (const operationId of Object.keys(api.operations)) {
            const [step] = stepsOf('default', operationId);
            if (!step) continue;
            const outcome = await call(client, operationId, running.url);
            // State kept across requests (recorded ids the server never issued) may refuse.
            if (stateful.has(operationId)) expectDocumented(operationId, outcome);
            else expectAnswer(operationId, outcome, step);
          }
        } finally {
          expect(await running.stop()).toBe(0);
        }
      },
      CREDSTAT_MOCK_TEST_MS,
    );

    it('the main entry bundles no mock code and no msw; ./mock does', async () => {
      const main = await bundleForInspection(
        entry.packageDir,
        `export * from '@credstat/${api.name}';`,
      );
      expect(main.inputs.filter(isMockInput)).toEqual([]);
      expect(main.text).not.toMatch(/x-credstat-mock|credstat-scenario/i);
      const mock = await bundleForInspection(
        entry.packageDir,
        `export * from '@credstat/${api.name}/mock';`,
      );
      expect(mock.inputs.filter(isMockInput)).not.toEqual([]);
      expect(mock.text).toMatch(/X-Credstat-Mock/);
    });
  });
}

/** A module of msw, or a mock entry of credstat's. */
const isMockInput = (input: string) =>
  isMswInput(input) || /dist\/(mock|msw|scenarios)\.js$/.test(input);
