// The coverage matrix of an API, operation × documented status, computed from
// its spec and its fixtures with the same checks the contract suite runs: for
// each cell, whether a fixture exists, whether its body passes the package's
// generated validator (src/generated/api.gen.ts and validators.gen.js, as
// committed) and whether `redocly drift` finds nothing wrong with it. Nothing
// here reads a test report: the site and the preview compute it themselves.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { type ApiDescriptor, createResponseValidator } from '@credstat/core';
import { bundle, createConfig } from '@redocly/openapi-core';
import { listOperations, type OpenApiDocument } from '../generator/openapi.ts';
import { type FixtureFile, type HarEntry, listFixtures } from '../har/har.ts';
import { matchOperation } from '../lib/match.ts';
import { type ApiEntry, repoRoot } from '../lib/repo.ts';
import { type DriftReport, runDrift } from '../testing/drift.ts';

export interface Finding {
  /** A drift rule, or `validator`. */
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export interface ExchangeResult {
  /** The fixture, relative to the API's fixtures folder (`rejected/…` for a negative one). */
  file: string;
  /** The entry's index in the fixture. */
  index: number;
  method: string;
  url: string;
  status: number;
  operationId?: string;
  /** The documented status (matrix column) it fills, when it fills one. */
  cell?: string;
  /** `undefined` when the package has no generated validators to run. */
  validator?: { ok: boolean; issues: string[] };
  /** Drift findings of this exchange (info included; only warnings and errors flag it). */
  drift: Finding[];
}

export type CellState = 'pass' | 'missing' | 'flagged';

export interface Cell {
  status: string;
  state: CellState;
  fixture: boolean;
  validator: 'pass' | 'fail' | 'none';
  drift: 'clean' | 'problems' | 'none';
  exchanges: ExchangeResult[];
}

export interface OperationRow {
  operationId: string;
  method: string;
  path: string;
  summary?: string;
  tags: string[];
  /** Keyed by documented status; a status the operation does not document has no cell. */
  cells: Record<string, Cell>;
}

export interface ApiCoverage {
  name: string;
  packageName: string;
  specPath: string;
  title: string;
  version: string;
  /** The matrix's columns: every status some operation documents. */
  statuses: string[];
  operations: OperationRow[];
  /** Positive fixtures that fill no cell: an undocumented status, or no matching operation. */
  outside: ExchangeResult[];
  /** Negative fixtures (fixtures/rejected/): the validator must reject each. */
  rejected: ExchangeResult[];
  /** Every fixture file, relative to the fixtures folder. */
  fixtures: string[];
  /** Drift findings that could not be tied to one exchange. */
  unattributed: Finding[];
  /** Why part of the matrix could not be computed (a spec that does not bundle, no validators). */
  errors: string[];
  totals: { cells: number; pass: number; missing: number; flagged: number };
}

/**
 * The spec as one document. Bundled with an empty config: the matrix needs its
 * operations and responses, not redocly.yaml's rules (which the preview's lint
 * and `pnpm lint:specs` report), so a rule or plugin the tools' openapi-core
 * does not know cannot hide the matrix.
 */
async function bundleDocument(api: ApiEntry): Promise<OpenApiDocument> {
  const config = await createConfig({});
  const result = await bundle({ ref: join(repoRoot, api.specPath), config, dereference: false });
  const errors = result.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0)
    throw new Error(`${api.specPath} does not bundle: ${errors.map((e) => e.message).join('; ')}`);
  return result.bundle.parsed as OpenApiDocument;
}

type Validate = (
  operationId: string,
  status: number,
  body: unknown,
) => {
  ok: boolean;
  issues?: { path: string; message: string }[];
};

interface Loaded {
  descriptor: ApiDescriptor;
  validate: Validate;
}

/** The package's generated descriptor and validators, as committed. */
async function loadValidators(api: ApiEntry): Promise<Loaded | undefined> {
  const file = join(api.generatedDir, 'api.gen.ts');
  if (!existsSync(file) || !existsSync(join(api.generatedDir, 'validators.gen.js')))
    return undefined;
  const { api: descriptor } = (await import(file)) as { api: ApiDescriptor };
  return { descriptor, validate: createResponseValidator(descriptor) as unknown as Validate };
}

/** The documented status an HTTP status falls under: exact, then `4XX`, then `default`. */
export function documentedStatus(statuses: string[], status: number): string | undefined {
  const exact = String(status);
  if (statuses.includes(exact)) return exact;
  const range = `${exact[0]}XX`;
  return statuses.find((s) => s.toUpperCase() === range) ?? statuses.find((s) => s === 'default');
}

function sortStatuses(statuses: Iterable<string>): string[] {
  const rank = (s: string) => (s === 'default' ? 1000 : Number.parseInt(s.replace(/X/gi, '0'), 10));
  return [...new Set(statuses)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The body as the client hands it on (see testing/exchanges.ts): text stays text, JSON is parsed. */
function recordedBody(text: string, kind: string | undefined): unknown {
  if (text === '') return undefined;
  if (kind === 'text') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Header names drift should not call undocumented: the API keys the spec declares. */
function credentialHeaders(document: OpenApiDocument): string[] {
  return Object.values(document.components?.securitySchemes ?? {})
    .filter((scheme) => scheme.type === 'apiKey' && scheme.in === 'header' && scheme.name)
    .map((scheme) => String(scheme.name).toLowerCase());
}

interface Recorded {
  result: ExchangeResult;
  entry: HarEntry;
}

function runDriftOn(
  specPath: string,
  entries: HarEntry[],
  ignore: string[],
  drift: typeof runDrift,
): DriftReport {
  const dir = mkdtempSync(join(tmpdir(), 'credstat-coverage-'));
  try {
    const file = join(dir, 'exchanges.har');
    const har = {
      log: { version: '1.2', creator: { name: 'credstat-site', version: '1' }, entries },
    };
    writeFileSync(file, JSON.stringify(har));
    return drift(specPath, [file], ignore);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const toFinding = (problem: DriftReport['problems'][number]): Finding => ({
  ruleId: problem.ruleId,
  severity: problem.severity,
  message: problem.message,
});

/**
 * Drift over every positive exchange in one run, each finding tied to its
 * exchange by `exchangeIndex`. Drift reports a finding repeated across
 * exchanges once (`occurrences` > 1, the first exchange's index): for a
 * warning or an error, the exchanges of that operation are run one by one.
 */
function attachDrift(
  specPath: string,
  recorded: Recorded[],
  ignore: string[],
  drift: typeof runDrift,
): Finding[] {
  if (recorded.length === 0) return [];
  const report = runDriftOn(
    specPath,
    recorded.map(({ entry }) => entry),
    ignore,
    drift,
  );
  type Problem = DriftReport['problems'][number] & {
    exchangeIndex?: number;
    occurrences?: number;
    operationId?: string;
    method?: string;
  };
  const unattributed: Finding[] = [];
  const ambiguous = new Set<string>();
  const byIndex = new Map<number, Problem[]>();
  for (const problem of report.problems as Problem[]) {
    const index = problem.exchangeIndex;
    const target = index === undefined ? undefined : recorded[index]?.result;
    const consistent =
      target !== undefined &&
      target.status === problem.status &&
      (problem.url === undefined || problem.url === target.url);
    if (!consistent) {
      if (problem.operationId) ambiguous.add(problem.operationId);
      else unattributed.push(toFinding(problem));
      continue;
    }
    // An info finding flags nothing: it stays on the first exchange, with no rerun.
    if ((problem.occurrences ?? 1) > 1 && problem.severity !== 'info') {
      ambiguous.add(problem.operationId ?? target.operationId ?? '');
      continue;
    }
    byIndex.set(index as number, [...(byIndex.get(index as number) ?? []), problem]);
  }
  for (const [index, { result, entry }] of recorded.entries()) {
    if (ambiguous.has(result.operationId ?? '') || ambiguous.has('')) {
      result.drift = runDriftOn(specPath, [entry], ignore, drift).problems.map(toFinding);
    } else {
      result.drift = (byIndex.get(index) ?? []).map(toFinding);
    }
  }
  return unattributed;
}

const flags = (finding: Finding) => finding.severity !== 'info';

export interface CoverageOptions {
  /** The drift runner (tests may count its calls); testing/drift.ts's by default. */
  drift?: typeof runDrift;
}

export async function computeCoverage(
  api: ApiEntry,
  options: CoverageOptions = {},
): Promise<ApiCoverage> {
  const drift = options.drift ?? runDrift;
  const coverage: ApiCoverage = {
    name: api.name,
    packageName: api.packageName,
    specPath: api.specPath,
    title: api.name,
    version: '',
    statuses: [],
    operations: [],
    outside: [],
    rejected: [],
    fixtures: [],
    unattributed: [],
    errors: [],
    totals: { cells: 0, pass: 0, missing: 0, flagged: 0 },
  };

  let document: OpenApiDocument;
  try {
    document = await bundleDocument(api);
  } catch (error) {
    coverage.errors.push(error instanceof Error ? error.message : String(error));
    return coverage;
  }
  const info = (document as { info?: { title?: string; version?: string } }).info;
  coverage.title = info?.title ?? api.name;
  coverage.version = info?.version ?? '';

  const operations = listOperations(document);
  const routes = Object.fromEntries(operations.map((entry) => [entry.operationId, entry]));
  coverage.statuses = sortStatuses(
    operations.flatMap((entry) => Object.keys(entry.operation.responses ?? {})),
  );

  let loaded: Loaded | undefined;
  try {
    loaded = await loadValidators(api);
    if (!loaded)
      coverage.errors.push(
        `${relative(repoRoot, api.generatedDir)} has no generated validators: run pnpm generate`,
      );
  } catch (error) {
    coverage.errors.push(`cannot load the generated validators: ${String(error)}`);
  }

  let fixtures: FixtureFile[] = [];
  try {
    fixtures = listFixtures(api.fixturesDir);
  } catch (error) {
    coverage.errors.push(`cannot read the fixtures: ${String(error)}`);
  }
  coverage.fixtures = fixtures.map((fixture) => relative(api.fixturesDir, fixture.path));

  const positive: Recorded[] = [];
  for (const fixture of fixtures) {
    const file = relative(api.fixturesDir, fixture.path);
    for (const [index, entry] of fixture.har.log.entries.entries()) {
      const match = matchOperation(routes, entry.request.method, entry.request.url);
      const operation = match ? routes[match.operationId] : undefined;
      const status = entry.response.status;
      const result: ExchangeResult = {
        file,
        index,
        method: entry.request.method.toUpperCase(),
        url: entry.request.url,
        status,
        operationId: match?.operationId,
        cell: operation
          ? documentedStatus(Object.keys(operation.operation.responses ?? {}), status)
          : undefined,
        drift: [],
      };
      if (loaded && match) {
        const kind = loaded.descriptor.operations[match.operationId]?.responses[
          result.cell ?? String(status)
        ]?.body as string | undefined;
        const body = recordedBody(entry.response.content.text ?? '', kind);
        const outcome = loaded.validate(match.operationId, status, body);
        result.validator = {
          ok: outcome.ok,
          issues: (outcome.issues ?? []).map(
            (issue) => `${issue.path || '(body)'}: ${issue.message}`,
          ),
        };
      } else if (loaded) {
        result.validator = { ok: false, issues: ['matches no operation of the spec'] };
      }
      if (fixture.rejected) coverage.rejected.push(result);
      else positive.push({ result, entry });
    }
  }

  coverage.unattributed = attachDrift(
    join(repoRoot, api.specPath),
    positive,
    credentialHeaders(document),
    drift,
  );

  for (const entry of operations) {
    const row: OperationRow = {
      operationId: entry.operationId,
      method: entry.method,
      path: entry.path,
      summary: entry.operation.summary,
      tags: (entry.operation as { tags?: string[] }).tags ?? [],
      cells: {},
    };
    for (const status of sortStatuses(Object.keys(entry.operation.responses ?? {}))) {
      const exchanges = positive
        .map(({ result }) => result)
        .filter((result) => result.operationId === entry.operationId && result.cell === status);
      const fixture = exchanges.length > 0;
      const validator: Cell['validator'] =
        !fixture || !loaded
          ? 'none'
          : exchanges.every((result) => result.validator?.ok)
            ? 'pass'
            : 'fail';
      const driftState: Cell['drift'] = !fixture
        ? 'none'
        : exchanges.some((result) => result.drift.some(flags))
          ? 'problems'
          : 'clean';
      const state: CellState = !fixture
        ? 'missing'
        : validator === 'pass' && driftState === 'clean'
          ? 'pass'
          : 'flagged';
      row.cells[status] = { status, state, fixture, validator, drift: driftState, exchanges };
      coverage.totals.cells += 1;
      coverage.totals[state] += 1;
    }
    coverage.operations.push(row);
  }
  coverage.outside = positive.map(({ result }) => result).filter((result) => !result.cell);
  return coverage;
}

/** Whether anything in the API's coverage asks for attention besides its cells. */
export function hasSideProblems(coverage: ApiCoverage): boolean {
  return (
    coverage.errors.length > 0 ||
    coverage.outside.length > 0 ||
    coverage.unattributed.some(flags) ||
    coverage.rejected.some((result) => result.validator?.ok !== false)
  );
}
