// The mock of an API (src/generated/mock.gen.ts), derived from its spec and its
// recorded fixtures, with no knowledge of any one API:
//
// - examples: fixture answers (never fixtures/rejected/), each body checked
//   against its generated type by `satisfies`; where several fixtures answer the
//   same (operation, status, session status), the shortest file name wins;
// - scenarios: `default` (every operation's success; a session goes through the
//   pending statuses of its first wait to that wait's first terminal status),
//   one per terminal status (kebab-case), `expired`, `unauthorized`,
//   `<reason>-then-ok` for each status a client retries, and `status-<code>`
//   for every documented status with a fixture;
// - what a request that breaks the spec gets: the documented 400, with the
//   member that carries the reason, and the documented 401 without a credential.
import { basename } from 'node:path';
import { type FixtureFile, type HarEntry, headerValue, listFixtures } from '../har/har.ts';
import type { ApiEntry } from '../lib/repo.ts';
import { operationAuth } from './auth.ts';
import { isRetryable } from './extensions.ts';
import {
  type JsonSchema,
  jsonMediaType,
  listOperations,
  type OpenApiDocument,
  type OperationEntry,
  operationsById,
  type ResponseObject,
  resolveResponse,
  routeMatcher,
} from './openapi.ts';
import { type SessionData, sessionOf } from './session.ts';

export interface DerivedExample {
  key: string;
  operationId: string;
  status: number;
  contentType?: string;
  /** The parsed body, where the spec documents JSON. */
  json?: unknown;
  /** The body as recorded, for any other media type. */
  text?: string;
  fixture: string;
}

export interface DerivedScenario {
  name: string;
  description: string;
  answers: Record<string, string[]>;
}

export interface DerivedMock {
  /** Only the examples some scenario or request check uses, in fixture order. */
  examples: DerivedExample[];
  scenarios: DerivedScenario[];
  badRequest: Record<string, { example: string; member?: string }>;
  unauthorized: Record<string, string>;
}

/** Statuses a client retries besides those the spec marks `x-credstat-retryable`. */
const RETRIED = [429, 503];

/** Scenario names for "retry later" statuses: `<reason>-then-ok`. */
const REASONS: Record<number, string> = {
  408: 'request-timeout',
  409: 'conflict',
  423: 'locked',
  425: 'too-early',
  429: 'too-many-requests',
  500: 'internal-server-error',
  502: 'bad-gateway',
  503: 'service-unavailable',
  504: 'gateway-timeout',
};

/** `VERIFY_SUCCEEDED` → `verify-succeeded`. */
export const kebab = (value: string) =>
  value
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

type BodyKind = 'json' | 'text' | 'empty';

function bodyKind(response: ResponseObject): BodyKind {
  if (jsonMediaType(response)) return 'json';
  return Object.keys(response.content ?? {}).length === 0 ? 'empty' : 'text';
}

/** The body member that says what went wrong: the first free-text string property. */
export function messageMember(
  document: OpenApiDocument,
  response: ResponseObject,
): string | undefined {
  const resolve = (schema: JsonSchema | undefined): JsonSchema | undefined => {
    const ref = schema?.$ref;
    if (typeof ref !== 'string') return schema;
    return resolve(document.components?.schemas?.[ref.replace('#/components/schemas/', '')]);
  };
  const schema = resolve(jsonMediaType(response)?.[1].schema);
  const properties = (schema?.properties ?? {}) as Record<string, JsonSchema>;
  for (const [name, raw] of Object.entries(properties)) {
    const property = resolve(raw) ?? {};
    const types = [property.type].flat();
    if (types.includes('string') && property.enum === undefined && property.const === undefined)
      return name;
  }
  return undefined;
}

interface Recorded extends DerivedExample {
  file: string;
}

function recordedExample(
  document: OpenApiDocument,
  entry: OperationEntry,
  fixture: FixtureFile,
  harEntry: HarEntry,
  index: number,
): Recorded | undefined {
  const status = harEntry.response.status;
  const raw = entry.operation.responses?.[String(status)];
  if (!raw) return undefined; // an undocumented status is no answer to give
  const kind = bodyKind(resolveResponse(document, raw));
  const file = basename(fixture.path);
  const key = `${file.replace(/\.har$/, '')}${index > 0 ? `#${index}` : ''}`;
  const example: Recorded = {
    key,
    file,
    operationId: entry.operationId,
    status,
    fixture: `${file}${index > 0 ? `#${index}` : ''}`,
  };
  const text = harEntry.response.content.text ?? '';
  if (kind === 'empty' || text === '') return example;
  const contentType =
    headerValue(harEntry.response.headers, 'content-type') ?? harEntry.response.content.mimeType;
  return kind === 'json'
    ? { ...example, contentType, json: JSON.parse(text) }
    : { ...example, contentType, text };
}

/** Where several fixtures answer the same, the shortest file name first (then by name). */
const byFileName = (a: Recorded, b: Recorded) =>
  a.file.length - b.file.length || a.file.localeCompare(b.file);

export function deriveMock(
  document: OpenApiDocument,
  specPath: string,
  fixtures: readonly FixtureFile[],
): DerivedMock {
  const entries = listOperations(document);
  const match = routeMatcher(operationsById(document));
  const byId = new Map(entries.map((entry) => [entry.operationId, entry]));
  const recorded: Recorded[] = [];
  for (const fixture of fixtures) {
    if (fixture.rejected) continue;
    fixture.har.log.entries.forEach((harEntry, index) => {
      const matched = match(harEntry.request.method, harEntry.request.url);
      const entry = matched && byId.get(matched.operationId);
      const example = entry && recordedExample(document, entry, fixture, harEntry, index);
      if (example) recorded.push(example);
    });
  }
  const candidates = [...recorded].sort(byFileName);
  // Lookups by operation (and status), each in candidates' order: a find over
  // every example per operation would make the mock quadratic in the spec's size.
  const byOperation = new Map<string, Recorded[]>();
  const firstByStatus = new Map<string, Recorded>();
  for (const example of candidates) {
    const list = byOperation.get(example.operationId) ?? [];
    list.push(example);
    byOperation.set(example.operationId, list);
    const at = `${example.operationId} ${example.status}`;
    if (!firstByStatus.has(at)) firstByStatus.set(at, example);
  }
  const byKey = new Map<string, Recorded>();
  for (const example of recorded) if (!byKey.has(example.key)) byKey.set(example.key, example);
  const used = new Set<string>();
  const use = (example: Recorded | undefined) => {
    if (example) used.add(example.key);
    return example?.key;
  };
  const find = (operationId: string, status: number) =>
    firstByStatus.get(`${operationId} ${status}`);

  const sessions = new Map<string, SessionData>();
  for (const entry of entries) {
    const session = sessionOf(document, entry, specPath);
    if (session) sessions.set(entry.operationId, session);
  }
  const documented = (entry: OperationEntry) =>
    Object.keys(entry.operation.responses ?? {})
      .filter((status) => /^\d{3}$/.test(status))
      .map(Number)
      .sort((a, b) => a - b);
  const successStatus = (entry: OperationEntry) =>
    documented(entry).find((status) => status < 300 && find(entry.operationId, status));

  /** The example whose session field holds `value`. */
  const withValue = (operationId: string, session: SessionData, value: string) => {
    const status = successStatus(byId.get(operationId) as OperationEntry);
    return byOperation
      .get(operationId)
      ?.find(
        (ex) =>
          ex.status === status &&
          (ex.json as Record<string, unknown> | undefined)?.[session.field] === value,
      );
  };
  /** Pending statuses then the terminal one, as example keys (a status with no fixture is left out). */
  const sessionAnswers = (
    operationId: string,
    session: SessionData,
    pending: string[],
    end: string,
  ) => {
    const terminal = withValue(operationId, session, end);
    if (!terminal) return undefined;
    const steps = pending.map((value) => withValue(operationId, session, value));
    return [...steps.filter((step) => step !== undefined), terminal].map(
      (step) => use(step) as string,
    );
  };

  type Building = { head: string; parts: string[]; answers: Record<string, string[]> };
  const scenarios = new Map<string, Building>();
  const add = (
    name: string,
    head: string,
    operationId: string,
    answers: string[] | undefined,
    part: string,
  ) => {
    if (!answers || answers.length === 0) return;
    const scenario = scenarios.get(name) ?? { head, parts: [], answers: {} };
    scenarios.set(name, scenario);
    if (scenario.answers[operationId])
      throw new Error(`${specPath}: ${operationId} would have two scenarios named "${name}"`);
    scenario.answers[operationId] = answers;
    scenario.parts.push(part);
  };
  const statusesOf = (keys: string[]) =>
    keys.map((key) => {
      const example = byKey.get(key) as Recorded;
      const session = sessions.get(example.operationId);
      const value =
        session && (example.json as Record<string, unknown> | undefined)?.[session.field];
      return typeof value === 'string' ? value : String(example.status);
    });

  // default: every operation's success; a session its first wait's first terminal status.
  const defaults = new Map<string, string[]>();
  for (const entry of entries) {
    const { operationId } = entry;
    const session = sessions.get(operationId);
    const [wait] = session?.waits ?? [];
    const answers =
      session && wait
        ? sessionAnswers(operationId, session, wait.pending, wait.terminal[0] as string)
        : [use(find(operationId, successStatus(entry) ?? 0))].filter((key) => key !== undefined);
    if (answers && answers.length > 0) defaults.set(operationId, answers);
  }
  scenarios.set('default', { head: 'every operation answers its success', parts: [], answers: {} });
  for (const [operationId, answers] of defaults) {
    const part = `${operationId}: ${statusesOf(answers).join(' → ')}`;
    add('default', '', operationId, answers, part);
  }

  // One per terminal status, through the most pending statuses of a wait that ends there.
  for (const [operationId, session] of sessions) {
    const ends = [...new Set(session.waits.flatMap((wait) => wait.terminal))];
    for (const end of ends) {
      const wait = session.waits
        .filter((candidate) => candidate.terminal.includes(end))
        .reduce((most, candidate) =>
          candidate.pending.length > most.pending.length ? candidate : most,
        );
      const answers = sessionAnswers(operationId, session, wait.pending, end);
      const part = `${operationId}: ${answers ? statusesOf(answers).join(' → ') : ''}`;
      add(kebab(end), `the session ends ${end}`, operationId, answers, part);
    }
  }

  // expired: the session's expired status, then its gone status.
  for (const [operationId, session] of sessions) {
    const [expired] = session.expired;
    const [gone] = session.gone;
    const answers = [expired, gone].map((status) => use(find(operationId, status ?? 0)));
    if (answers.every((key) => key !== undefined)) {
      const part = `${operationId}: ${expired} (expired) → ${gone} (gone)`;
      add('expired', 'the session expires, then is gone', operationId, answers as string[], part);
    }
  }

  // unauthorized: the documented 401 of every operation that has one.
  const badRequest: DerivedMock['badRequest'] = {};
  const unauthorized: DerivedMock['unauthorized'] = {};
  for (const entry of entries) {
    const { operationId } = entry;
    const key = use(find(operationId, 401));
    const refused = 'every operation that documents a 401 answers it';
    add('unauthorized', refused, operationId, key ? [key] : undefined, `${operationId}: 401`);
    const where = `${specPath}: ${operationId}`;
    if (key && operationAuth(document, entry.operation, where)) unauthorized[operationId] = key;
    const invalid = use(find(operationId, 400));
    const raw = entry.operation.responses?.['400'];
    if (invalid && raw) {
      const member = messageMember(document, resolveResponse(document, raw));
      badRequest[operationId] = member ? { example: invalid, member } : { example: invalid };
    }
  }

  // <reason>-then-ok: each status a client retries, then the operation's default answers.
  const retried = entries.flatMap((entry) =>
    Object.entries(entry.operation.responses ?? {})
      .filter(
        ([status, raw]) =>
          RETRIED.includes(Number(status)) || isRetryable(raw, resolveResponse(document, raw)),
      )
      .map(([status]) => ({ entry, status: Number(status) })),
  );
  for (const { entry, status } of retried.sort((a, b) => a.status - b.status)) {
    const { operationId } = entry;
    const first = use(find(operationId, status));
    const then = defaults.get(operationId);
    const name = `${REASONS[status] ?? `status-${status}`}-then-ok`;
    const head = `${status}, which a client retries, then the success`;
    const answers = first && then ? [first, ...then] : undefined;
    add(name, head, operationId, answers, `${operationId}: ${status} × polls → ok`);
  }

  // status-<code>: every documented status that has a fixture.
  const statuses = [...new Set(entries.flatMap(documented))].sort((a, b) => a - b);
  for (const status of statuses) {
    for (const entry of entries) {
      const example = find(entry.operationId, status);
      if (!example || !documented(entry).includes(status)) continue;
      const head = `every operation that documents ${status} answers it`;
      const part = `${entry.operationId}: ${example.fixture}`;
      add(`status-${status}`, head, entry.operationId, [use(example) as string], part);
    }
  }

  return {
    examples: recorded
      .filter((example) => used.has(example.key))
      .map(({ file: _file, ...example }) => example),
    scenarios: [...scenarios].map(([name, { head, parts, answers }]) => ({
      name,
      description: parts.length > 0 ? `${head} (${parts.join('; ')})` : head,
      answers,
    })),
    badRequest,
    unauthorized,
  };
}

/** `value` as JSON text, its lines after the first indented by `indent`. */
function literal(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
}

/** What the package's `./scenarios` entry re-exports (an API with state of its own wraps `mock`). */
const MOCK_ENTRY = [
  "export type { MockApi, MockScenarioInfo } from '@credstat/core/mock';",
  'export type MockApiOptions = MockOptions<operations, ScenarioName>;',
  '',
  '/** Every scenario, by name, with what it does. */',
  'export const scenarios = scenarioList(mock);',
  '',
  '/** A mock of the API: answers requests from its fixtures, per scenario, checking each against the spec. */',
  'export function createMockApi(options?: MockApiOptions): MockApi {',
  '  return createMock(mock, options);',
  '}',
  '',
];

export function emitMock(mock: DerivedMock, requestBodies: Map<string, string>): string {
  const lines = [
    'import {',
    '  createMock,',
    '  type MockApi,',
    '  type MockDefinition,',
    '  type MockOptions,',
    '  type ResponseBody,',
    '  scenarioList,',
    "} from '@credstat/core/mock';",
    "import { api } from './api.gen.js';",
    "import type { operations } from './types.gen.js';",
  ];
  const validators = [...new Set(requestBodies.values())].sort();
  if (validators.length > 0)
    lines.push(`import { ${validators.join(', ')} } from './validators.gen.js';`);
  lines.push(
    '',
    '/** A recorded body, checked against the type generated for its (operation, status). */',
    'type Body<K extends keyof operations, S extends number> = ResponseBody<operations[K], S>;',
    '',
    '/** The names of this API’s mock scenarios. */',
    `export type ScenarioName = ${mock.scenarios.map(({ name }) => `'${name}'`).join(' | ')};`,
    '',
    '/** Recorded answers and the scenarios built from them; run by `createMock` (@credstat/core/mock). */',
    'export const mock: MockDefinition<ScenarioName> = {',
    '  api,',
    '  examples: {',
  );
  for (const example of mock.examples) {
    const body = example.json !== undefined ? 'json' : example.text !== undefined ? 'text' : '';
    const value = body === 'json' ? example.json : example.text;
    lines.push(`    ${JSON.stringify(example.key)}: {`);
    lines.push(`      operationId: ${JSON.stringify(example.operationId)},`);
    lines.push(`      status: ${example.status},`);
    if (example.contentType)
      lines.push(`      contentType: ${JSON.stringify(example.contentType)},`);
    if (body) {
      const type = `Body<${JSON.stringify(example.operationId)}, ${example.status}>`;
      lines.push(`      ${body}: ${literal(value, '      ')} satisfies ${type},`);
    }
    lines.push(`      fixture: ${JSON.stringify(example.fixture)},`, '    },');
  }
  lines.push('  },', '  scenarios: {');
  for (const scenario of mock.scenarios) {
    lines.push(
      `    ${JSON.stringify(scenario.name)}: {`,
      `      description: ${JSON.stringify(scenario.description)},`,
      `      answers: ${literal(scenario.answers, '      ')},`,
      '    },',
    );
  }
  lines.push('  },');
  lines.push(`  badRequest: ${literal(mock.badRequest, '  ')},`);
  lines.push(`  unauthorized: ${literal(mock.unauthorized, '  ')},`);
  const checks = [...requestBodies].map(([operationId, name]) => `    ${operationId}: ${name},`);
  lines.push(...(checks.length > 0 ? ['  requestBodies: {', ...checks, '  },'] : []));
  lines.push('};', '', ...MOCK_ENTRY);
  return lines.join('\n');
}

/** mock.gen.ts for an API: its spec, its fixtures, and its request body checks by operation. */
export function emitApiMock(
  api: ApiEntry,
  document: OpenApiDocument,
  requestBodies: Map<string, string>,
): string {
  const derived = deriveMock(document, api.specPath, listFixtures(api.fixturesDir));
  return emitMock(derived, requestBodies);
}
