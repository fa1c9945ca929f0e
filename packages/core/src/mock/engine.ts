// The mock of one API: answers a WHATWG Request with a Response, from the
// generated definition (recorded answers and scenarios), after checking the
// request against the spec. Framework-neutral: no msw, no Node built-ins, so it
// runs wherever fetch does (`createClient({ fetch: mock.fetch })`), under msw
// (@credstat/core/msw) and behind credstat-mock's HTTP server.
import { documentedResponse, type OperationDescriptor, operationsByRoute } from '../descriptor.js';
import { withoutTrailingSlashes } from '../trailing-slashes.js';
import { answer, exampleAnswer, marked, problem } from './answers.js';
import {
  type MockDefinition,
  type MockExample,
  type MockScenarioInfo,
  scenarioList,
} from './definition.js';
import type { MockOverride, MockOverrides } from './overrides.js';
import { bodyProblem, missingCredential, parameterProblem } from './request-checks.js';
import { joinUrl, type MockRoute, routeTable } from './routes.js';

/** Picks the scenario of one request (or `credstat-scenario=` in its query). */
export const SCENARIO_HEADER = 'X-Credstat-Scenario';
/** Sets `polls` for one request (or `credstat-polls=` in its query). */
export const POLLS_HEADER = 'X-Credstat-Polls';
const SCENARIO_PARAM = 'credstat-scenario';
const POLLS_PARAM = 'credstat-polls';

export interface MockOptions<Ops = Record<string, unknown>, Scenario extends string = string> {
  /** The scenario of a request that names none. Default `default`. */
  scenario?: Scenario;
  /** How many times each answer but the last of a sequence is given. Default 2. */
  polls?: number;
  /**
   * Serve every operation here. Default: each operation's server in the spec
   * (an operation with a server of its own, e.g. GOV.UK's public lists, stays there).
   */
  baseUrl?: string;
  /** An operation's answer whatever the scenario: a documented status and a body of its type. */
  overrides?: MockOverrides<Ops>;
}

/** Options as the engine takes them, whatever the API's types. */
export type AnyMockOptions = Omit<MockOptions, 'overrides'> & { overrides?: object };

export interface MockApi {
  /** The API's name (`fortid-verifier`). */
  readonly name: string;
  readonly scenarios: readonly MockScenarioInfo[];
  /** Every route answered: the operations', then the mock's own. */
  readonly routes: readonly MockRoute[];
  /** The request headers its operations take a credential in (for CORS). */
  readonly credentialHeaders: readonly string[];
  /** The answer to `request`, or undefined when no route of this API matches it. */
  handle(request: Request): Promise<Response | undefined>;
  /** A fetch answered by this mock (a 404 problem for any other route): `createClient({ fetch })`. */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** Every session starts again; state an extension keeps is dropped. */
  reset(): void;
}

export interface MockResponderContext {
  readonly request: Request;
  readonly operationId: string;
  readonly pathParams: Readonly<Record<string, string>>;
  /** The request body as text ('' for none), already checked against the spec. */
  readonly body: string;
  readonly scenario: string;
  /** What the scenario answers now; returning undefined sends it. */
  readonly example: MockExample;
  /** The base URL this mock serves an operation on. */
  baseUrlOf(operationId: string): string;
  /** The operation's documented 400 (or the mock's own) naming `rule`. */
  invalid(rule: string): Response;
}

/** An API's own answer for an operation (e.g. state kept across requests), or undefined. */
export type MockResponder = (
  context: MockResponderContext,
) => Response | undefined | Promise<Response | undefined>;

/** A route the API's mock serves beside its operations, on each base URL (e.g. a JWKS). */
export interface MockExtraRoute {
  readonly method: string;
  readonly path: string;
  /** Why the mock serves it: the `X-Credstat-Mock` mark of its answers. */
  readonly reason: string;
  respond(context: { request: Request; baseUrl: string }): Response | Promise<Response>;
}

/** Where an API package plugs its own behaviour into the generic mock. */
export interface MockExtension {
  readonly responders?: Readonly<Record<string, MockResponder>>;
  readonly routes?: readonly MockExtraRoute[];
  reset?(): void;
}

interface EngineRoute extends MockRoute {
  readonly extra?: MockExtraRoute;
}

const DEFAULT_POLLS = 2;

function pollsValue(value: unknown): number | undefined {
  const polls = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof polls === 'number' && Number.isSafeInteger(polls) && polls >= 0 ? polls : undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function createMock(
  definition: MockDefinition,
  options: AnyMockOptions = {},
  extension: MockExtension = {},
): MockApi {
  const { api, examples, scenarios } = definition;
  const known = Object.keys(scenarios);
  const defaultScenario = options.scenario ?? 'default';
  if (!Object.hasOwn(scenarios, defaultScenario))
    throw new Error(
      `${api.name} mock: no scenario "${defaultScenario}" (it has ${known.join(', ')})`,
    );
  const defaultPolls = pollsValue(options.polls ?? DEFAULT_POLLS);
  if (defaultPolls === undefined)
    throw new Error(`${api.name} mock: polls must be a whole number ≥ 0`);
  const overrides = (options.overrides ?? {}) as Record<string, MockOverride | undefined>;
  const resolved = operationsByRoute(api);
  const baseUrlOf = (operationId: string): string =>
    withoutTrailingSlashes(options.baseUrl ?? api.operations[operationId]?.baseUrl ?? api.baseUrl);

  const operationRoutes = Object.entries(api.operations).map(([operationId, operation]) => ({
    route: {
      method: operation.method,
      url: joinUrl(baseUrlOf(operationId), operation.path),
      operationId,
    } as EngineRoute,
    baseUrl: baseUrlOf(operationId),
    path: operation.path,
  }));
  const bases = [...new Set(operationRoutes.map(({ baseUrl }) => baseUrl))];
  const extraRoutes = (extension.routes ?? []).flatMap((extra) =>
    bases.map((baseUrl) => ({
      route: { method: extra.method, url: joinUrl(baseUrl, extra.path), extra } as EngineRoute,
      baseUrl,
      path: extra.path,
    })),
  );
  const table = routeTable<EngineRoute>([...operationRoutes, ...extraRoutes]);
  /** Answers given so far, per scenario, operation and concrete path. */
  const progress = new Map<string, number>();

  /** The key of the next answer in the scenario's sequence for this session. */
  function nextAnswer(scenario: string, operationId: string, path: string, polls: number) {
    const steps =
      scenarios[scenario]?.answers[operationId] ?? scenarios.default.answers[operationId];
    if (!steps || steps.length === 0) return undefined;
    const key = `${scenario}\n${operationId}\n${path}`;
    const given = progress.get(key) ?? 0;
    progress.set(key, given + 1);
    const step = polls === 0 ? steps.length - 1 : Math.floor(given / polls);
    return steps[Math.min(step, steps.length - 1)];
  }

  function invalid(operationId: string, rule: string, reason = 'invalid-request'): Response {
    const documented = definition.badRequest?.[operationId];
    const example = documented && examples[documented.example];
    if (!example) return problem(400, reason, 'The request breaks the spec', rule);
    if (documented.member && isObject(example.json)) {
      return answer({
        status: example.status,
        contentType: example.contentType,
        json: { ...example.json, [documented.member]: rule },
        reason,
      });
    }
    return exampleAnswer(example, reason);
  }

  /** The documented 401; where there is none, a request that breaks the spec (never an undocumented status). */
  function unauthorized(operationId: string, rule: string): Response {
    const key = definition.unauthorized?.[operationId];
    const example = key === undefined ? undefined : examples[key];
    return example
      ? exampleAnswer(example, 'missing-credential')
      : invalid(operationId, rule, 'missing-credential');
  }

  function overrideAnswer(operationId: string, override: MockOverride): Response {
    const operation = api.operations[operationId] as OperationDescriptor;
    const kind = documentedResponse(operation, override.status)?.body;
    const recorded = Object.values(examples).find(
      (example) => example.operationId === operationId && example.status === override.status,
    );
    const json =
      kind === 'json' || (override.body !== undefined && typeof override.body !== 'string');
    return answer({
      status: override.status,
      contentType:
        recorded?.contentType ?? (json ? 'application/json' : operation.accept?.split(',')[0]),
      ...(json ? { json: override.body } : { text: override.body as string | undefined }),
      headers: override.headers,
      reason: 'override',
    });
  }

  async function handle(request: Request): Promise<Response | undefined> {
    const url = new URL(request.url);
    const named = request.headers.get(SCENARIO_HEADER) ?? url.searchParams.get(SCENARIO_PARAM);
    const pollsNamed = request.headers.get(POLLS_HEADER) ?? url.searchParams.get(POLLS_PARAM);
    url.searchParams.delete(SCENARIO_PARAM);
    url.searchParams.delete(POLLS_PARAM);
    const matched = table.match(request.method, url);
    if (!matched) return undefined;
    const { route, pathParams } = matched;
    if (route.extra) {
      const own = await route.extra.respond({ request, baseUrl: matched.baseUrl });
      return marked(own, route.extra.reason);
    }
    const scenario = named ?? defaultScenario;
    if (!Object.hasOwn(scenarios, scenario)) {
      return problem(
        400,
        'unknown-scenario',
        'Unknown scenario',
        `${api.name} has no scenario "${scenario}"; it has ${known.join(', ')}`,
      );
    }
    const polls = pollsNamed === null ? defaultPolls : pollsValue(pollsNamed);
    if (polls === undefined) {
      return problem(
        400,
        'invalid-polls',
        'Invalid polls',
        `${POLLS_HEADER} must be a whole number ≥ 0`,
      );
    }
    const operationId = route.operationId as string;
    const operation = api.operations[operationId] as OperationDescriptor;
    const auth = operation.auth === undefined ? api.auth : operation.auth;
    const noCredential = missingCredential(auth, request.headers);
    if (noCredential) return unauthorized(operationId, noCredential);
    const resolvedOperation = resolved.get(`${operation.method} ${operation.path}`);
    const parameterRule =
      resolvedOperation && parameterProblem(resolvedOperation, pathParams, url.searchParams);
    if (parameterRule) return invalid(operationId, parameterRule);
    const body = operation.requestBody ? await request.text() : '';
    const contentType = request.headers.get('content-type');
    const validate = definition.requestBodies?.[operationId];
    const bodyRule = bodyProblem(operation, validate, contentType, body);
    if (bodyRule) return invalid(operationId, bodyRule);

    const override = overrides[operationId];
    if (override) return overrideAnswer(operationId, override);
    const key = nextAnswer(scenario, operationId, url.pathname, polls);
    const example = key === undefined ? undefined : examples[key];
    if (!example) {
      return problem(
        501,
        'no-example',
        'No recorded answer',
        `no fixture records an answer of ${operationId} for scenario "${scenario}"`,
      );
    }
    const responder = extension.responders?.[operationId];
    const context: MockResponderContext = {
      request,
      operationId,
      pathParams,
      body,
      scenario,
      example,
      baseUrlOf,
      invalid: (rule) => invalid(operationId, rule),
    };
    const own = responder && (await responder(context));
    return own ? marked(own, 'stateful') : exampleAnswer(example);
  }

  const credentialHeaders = new Set<string>();
  for (const operation of Object.values(api.operations)) {
    const auth = operation.auth === undefined ? api.auth : operation.auth;
    if (auth) credentialHeaders.add(auth.type === 'apiKey' ? auth.header : 'Authorization');
  }

  return {
    name: api.name,
    scenarios: scenarioList(definition),
    credentialHeaders: [...credentialHeaders],
    routes: table.routes.map(({ method, url, operationId }) =>
      operationId === undefined ? { method, url } : { method, url, operationId },
    ),
    handle,
    async fetch(input, init) {
      const request = new Request(input, init);
      const response = await handle(request);
      if (response) return response;
      const { origin, pathname } = new URL(request.url);
      return problem(
        404,
        'no-route',
        'No such route',
        `${api.name} has no operation at ${request.method} ${origin}${pathname}`,
      );
    },
    reset() {
      progress.clear();
      extension.reset?.();
    },
  };
}
