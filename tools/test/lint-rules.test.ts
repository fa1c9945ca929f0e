// credstat's Redocly rules (tools/lint): each one fails on a small bad spec,
// at the file and line the author edits, and passes once it is fixed; every
// spec the repo lints passes them; the CLI loads the plugin from redocly.yaml.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createConfig,
  getLineColLocation,
  lint,
  type RawUniversalConfig,
} from '@redocly/openapi-core';
import { afterAll, describe, expect, it } from 'vitest';
import { redoclyBin } from '../lib/redocly.ts';
import { listApis, listTestSpecs, redoclyConfigPath, repoRoot } from '../lib/repo.ts';
import { credstatPlugin, rules } from '../lint/rules.ts';

const scratch = mkdtempSync(join(tmpdir(), 'credstat-lint-rules-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Files = Record<string, string>;
interface Reported {
  rule: string;
  message: string;
  /** The file the problem is in, relative to the spec's folder, and its line. */
  at: string;
}

let specs = 0;
function writeSpec(files: Files): string {
  const dir = join(scratch, `spec-${++specs}`);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

/** Lints a spec with credstat's rules only (all of them, or the ones named), through Redocly's `lint`. */
async function lintWith(files: Files, only?: string[]): Promise<Reported[]> {
  const dir = writeSpec(files);
  const ids = only ?? Object.keys(rules);
  const config = await createConfig(
    {
      plugins: [credstatPlugin()],
      rules: Object.fromEntries(ids.map((id) => [`credstat/${id}`, 'error'])),
    } as RawUniversalConfig,
    { configPath: join(dir, 'redocly.yaml') },
  );
  const problems = await lint({ ref: join(dir, 'openapi.yaml'), config });
  return problems
    .filter((problem) => problem.ruleId.startsWith('credstat/'))
    .map((problem) => {
      const location = problem.location[0];
      if (!location) throw new Error(`${problem.ruleId} reported no location`);
      const { start } = getLineColLocation(location);
      return {
        rule: problem.ruleId,
        message: problem.message,
        at: `${relative(dir, location.source.absoluteRef)}:${start.line}`,
      };
    });
}

/** A one-operation spec split like the repo's: root, path file, components in files. */
function demo(parts: Partial<Files> & { path: string }): Files {
  const { path, ...rest } = parts;
  return {
    'openapi.yaml': `openapi: 3.1.0
info:
  title: Demo
  version: 1.0.0
security:
  - key: []
paths:
  /runs/{runId}:
    $ref: paths/run.yaml
components:
  securitySchemes:
    key:
      type: apiKey
      in: header
      name: X-Key
`,
    'paths/run.yaml': path,
    'schemas/Run.yaml': `type: object
description: A run.
properties:
  state:
    type: string
    description: Where the run stands.
    enum: [QUEUED, DONE, FAILED]
`,
    'schemas/Error.yaml': `type: object
description: Error body of every documented failure.
properties:
  message:
    type: string
    description: What went wrong.
`,
    'responses/NotFound.yaml': `description: No such run.
content:
  application/json:
    schema:
      $ref: ../schemas/Error.yaml
`,
    ...(rest as Files),
  };
}

const runId = `  parameters:
    - name: runId
      in: path
      required: true
      description: The run's id.
      schema:
        type: string
`;
const ok200 = `    "200":
      description: The run.
      content:
        application/json:
          schema:
            $ref: ../schemas/Run.yaml
`;
const getRun = (lines: string, responses = '') => `get:
  operationId: getRun
${lines}${runId}  responses:
${ok200}${responses}`;
const postRun = (lines: string, responses: string) => `post:
  operationId: retryRun
${lines}${runId}  responses:
${ok200}${responses}`;
const session = (pending: string, terminal: string) => `  x-credstat-session:
    name: run
    field: state
    gone: [404]
    waits:
      run:
        pending: [${pending}]
        terminal: [${terminal}]
`;
const unavailable = `description: The service is busy; retry later.
content:
  application/json:
    schema:
      $ref: ../schemas/Error.yaml
`;
const notFound = `    "404":
      $ref: ../responses/NotFound.yaml
`;

interface Case {
  rule: string;
  name: string;
  bad: Files;
  /** What the rule reports on `bad`: message fragments and `file:line`, in order. */
  reports: { message: string; at: string }[];
  good: Files;
}

const cases: Case[] = [
  {
    rule: 'session',
    name: 'an enum value no wait lists',
    bad: demo({ path: getRun(session('QUEUED', 'DONE'), notFound) }),
    reports: [
      {
        message:
          'getRun x-credstat-session wait "run": state "FAILED" is neither pending nor terminal',
        at: 'paths/run.yaml:3',
      },
    ],
    good: demo({ path: getRun(session('QUEUED', 'DONE, FAILED'), notFound) }),
  },
  {
    rule: 'session',
    name: 'a wait value the enum lacks',
    bad: demo({ path: getRun(session('QUEUED, PAUSED', 'DONE, FAILED'), notFound) }),
    reports: [{ message: 'wait "run": "PAUSED" is not a value of state', at: 'paths/run.yaml:3' }],
    good: demo({ path: getRun(session('QUEUED', 'DONE, FAILED'), notFound) }),
  },
  {
    rule: 'session',
    name: 'a gone status the operation does not document',
    bad: demo({ path: getRun(session('QUEUED', 'DONE, FAILED')) }),
    reports: [{ message: 'status 404 is not a documented response', at: 'paths/run.yaml:3' }],
    good: demo({ path: getRun(session('QUEUED', 'DONE, FAILED'), notFound) }),
  },
  {
    rule: 'security-declared',
    name: 'an operation without security in a spec without a top-level one',
    bad: {
      ...demo({ path: getRun('', notFound) }),
      'openapi.yaml': `openapi: 3.1.0
info:
  title: Demo
  version: 1.0.0
paths:
  /runs/{runId}:
    $ref: paths/run.yaml
`,
    },
    reports: [{ message: 'getRun declares no security', at: 'paths/run.yaml:1' }],
    good: {
      ...demo({ path: getRun('  security: []\n', notFound) }),
      'openapi.yaml': `openapi: 3.1.0
info:
  title: Demo
  version: 1.0.0
paths:
  /runs/{runId}:
    $ref: paths/run.yaml
`,
    },
  },
  {
    rule: 'security-declared',
    name: 'a requirement the generated client cannot send',
    bad: demo({
      path: getRun('  security:\n    - key: []\n      other: []\n', notFound),
      'openapi.yaml': demo({ path: '' })['openapi.yaml']?.replace(
        'components:\n  securitySchemes:\n',
        'components:\n  securitySchemes:\n    other:\n      type: http\n      scheme: bearer\n',
      ),
    }),
    reports: [
      { message: 'requirements that combine schemes (key + other)', at: 'paths/run.yaml:3' },
    ],
    good: demo({ path: getRun('  security:\n    - key: []\n', notFound) }),
  },
  {
    rule: 'security-declared',
    name: 'an inherited top-level requirement the generated client cannot send',
    bad: demo({
      path: getRun('', notFound),
      'openapi.yaml': demo({ path: '' })
        ['openapi.yaml']?.replace('  - key: []\n', '  - key: []\n    other: []\n')
        .replace(
          'components:\n  securitySchemes:\n',
          'components:\n  securitySchemes:\n    other:\n      type: http\n      scheme: bearer\n',
        ),
    }),
    reports: [
      {
        message: 'the top-level security: requirements that combine schemes (key + other)',
        at: 'openapi.yaml:5',
      },
    ],
    good: demo({ path: getRun('', notFound) }),
  },
  {
    rule: 'shared-error-schema',
    name: 'an error body with an inline schema, in a shared response file',
    bad: demo({
      path: getRun('', notFound),
      'responses/NotFound.yaml': `description: No such run.
content:
  application/json:
    schema:
      type: object
`,
    }),
    reports: [
      {
        message: "getRun 404 (application/json): the error body's schema is written inline",
        at: 'responses/NotFound.yaml:4',
      },
    ],
    good: demo({ path: getRun('', notFound) }),
  },
  {
    rule: 'shared-error-schema',
    name: "an error body that reuses the operation's success schema",
    bad: demo({
      path: getRun('', notFound),
      'responses/NotFound.yaml': `description: No such run.
content:
  application/json:
    schema:
      $ref: ../schemas/Run.yaml
`,
    }),
    reports: [
      {
        message:
          "getRun 404 (application/json): the error body uses the schema of this operation's success body",
        at: 'responses/NotFound.yaml:4',
      },
    ],
    good: demo({ path: getRun('', notFound) }),
  },
  {
    rule: 'shared-error-schema',
    name: 'a JSON error body with no schema, and one pointing into another schema',
    bad: demo({
      path: getRun(
        '',
        `${notFound}    "500":
      description: The service failed.
      content:
        application/problem+json:
          schema:
            $ref: ../schemas/Error.yaml#/properties/message
        application/json:
          example: { message: failed }
`,
      ),
    }),
    reports: [
      { message: 'getRun 500 (application/problem+json): the error body', at: 'paths/run.yaml:23' },
      {
        message: 'getRun 500 (application/json): the JSON error body has no schema',
        at: 'paths/run.yaml:25',
      },
    ],
    // A body the API does not document (`*/*`) or that is not JSON has no schema to share.
    good: demo({
      path: getRun(
        '',
        `${notFound}    "500":
      description: The service failed; the API documents no body.
      content:
        "*/*":
          schema: {}
        text/plain:
          schema:
            type: string
`,
      ),
    }),
  },
  {
    rule: 'property-description',
    name: 'properties without a description, inline and by $ref',
    bad: demo({
      path: getRun('', notFound),
      'schemas/Run.yaml': `type: object
description: A run.
properties:
  state:
    type: string
    enum: [QUEUED, DONE, FAILED]
  error:
    $ref: Error.yaml
  cancelled: false
`,
    }),
    reports: [
      { message: 'Property "state" has no description.', at: 'schemas/Run.yaml:4' },
      {
        message: 'Property "error" has no description: add one next to its $ref',
        at: 'schemas/Run.yaml:7',
      },
    ],
    good: demo({
      path: getRun('', notFound),
      'schemas/Run.yaml': `type: object
description: A run.
properties:
  state:
    type: string
    enum: [QUEUED, DONE, FAILED]
    description: Where the run stands.
  error:
    $ref: Error.yaml
    description: Why the run failed.
  cancelled: false
`,
    }),
  },
  {
    rule: 'retryable-safe',
    name: 'a retryable response of a POST that is not marked idempotent',
    bad: demo({
      path: postRun(
        '',
        `${notFound}    "409":\n      $ref: ../responses/RetryLater.yaml\n    "503":\n      $ref: ../responses/Unavailable.yaml\n      x-credstat-retryable: true\n`,
      ),
      'responses/Unavailable.yaml': unavailable,
      'responses/RetryLater.yaml': `description: A duplicate in progress; retry later.
x-credstat-retryable: true
content:
  application/json:
    schema:
      $ref: ../schemas/Error.yaml
`,
    }),
    reports: [
      {
        message: 'retryRun: response 409 is x-credstat-retryable, but POST is not safe to repeat',
        at: 'paths/run.yaml:19',
      },
      { message: 'retryRun: response 503 is x-credstat-retryable', at: 'paths/run.yaml:21' },
    ],
    good: demo({
      path: postRun(
        '  x-credstat-idempotent: Retrying resends the same request, keyed by its id.\n',
        `${notFound}    "409":\n      $ref: ../responses/RetryLater.yaml\n    "503":\n      $ref: ../responses/Unavailable.yaml\n      x-credstat-retryable: true\n`,
      ),
      'responses/Unavailable.yaml': unavailable,
      'responses/RetryLater.yaml': `description: A duplicate in progress; retry later.
x-credstat-retryable: true
content:
  application/json:
    schema:
      $ref: ../schemas/Error.yaml
`,
    }),
  },
  {
    rule: 'known-extensions',
    name: 'an unknown extension, one on the wrong node, and ones of the wrong shape',
    bad: demo({
      path: getRun(
        `  x-credstat-idempotent: safe
  x-credstat-retryable: true
  x-credstat-session:
    name: run
    field: state
    gone: [404]
    waits:
      run:
        pending: QUEUED
        terminal: [DONE, FAILED]
`,
        `${notFound}      x-credstat-retryable: "yes"\n`,
      ),
      'responses/NotFound.yaml': `description: No such run.
x-credstat-retriable: true
content:
  application/json:
    schema:
      $ref: ../schemas/Error.yaml
`,
    }),
    reports: [
      { message: 'x-credstat-idempotent: must be the reason', at: 'paths/run.yaml:3' },
      {
        message: 'x-credstat-retryable belongs on a Response; on an Operation',
        at: 'paths/run.yaml:4',
      },
      { message: 'wait "run": "pending" must be a list', at: 'paths/run.yaml:11' },
      { message: 'x-credstat-retryable: must be `true`', at: 'paths/run.yaml:29' },
      {
        message: 'x-credstat-retriable is not an extension credstat knows',
        at: 'responses/NotFound.yaml:2',
      },
    ],
    good: demo({
      path: getRun(
        `  x-credstat-idempotent: It only reads the run, so repeating it is safe.
${session('QUEUED', 'DONE, FAILED')}`,
        `    "404":
      $ref: ../responses/NotFound.yaml
      x-credstat-retryable: true
`,
      ),
    }),
  },
];

describe.each(Object.keys(rules).map((rule) => [rule] as const))('credstat/%s', (rule) => {
  const own = cases.filter((c) => c.rule === rule);

  it('has a bad spec and its fix', () => {
    expect(own.length).toBeGreaterThan(0);
  });

  it.each(own.map((c) => [c.name, c] as const))(
    'reports %s, where it is written',
    async (_n, c) => {
      const reported = await lintWith(c.bad, [rule]);
      expect(reported).toHaveLength(c.reports.length);
      c.reports.forEach((expected, index) => {
        expect(reported[index]?.rule).toBe(`credstat/${rule}`);
        expect(reported[index]?.message).toContain(expected.message);
        expect(reported[index]?.at).toBe(expected.at);
      });
    },
  );

  it.each(own.map((c) => [c.name, c] as const))('passes once fixed: %s', async (_n, c) => {
    expect(await lintWith(c.good)).toEqual([]);
  });
});

describe('credstat/session on a spec with a broken $ref', () => {
  // Redocly's no-unresolved-refs reports the $ref; the session rule adds no
  // second, misleading message about a success body it could not read.
  it('stays quiet', async () => {
    const broken = getRun(session('QUEUED', 'DONE, FAILED'), notFound).replace(
      '../schemas/Run.yaml',
      '../schemas/NoSuch.yaml',
    );
    expect(await lintWith(demo({ path: broken }), ['session'])).toEqual([]);
  });
});

describe('every spec the repo lints', () => {
  const all = [
    ...listApis().map((api) => api.specPath),
    ...listTestSpecs().map((spec) => spec.specPath),
    'tools/test/specs/acme-status/openapi.yaml',
    'tools/test/specs/transit-board/openapi.yaml',
  ];

  it.each(all)('%s passes every credstat rule', async (specPath) => {
    const config = await createConfig(
      {
        plugins: [credstatPlugin()],
        rules: Object.fromEntries(Object.keys(rules).map((id) => [`credstat/${id}`, 'error'])),
      } as RawUniversalConfig,
      { configPath: join(scratch, 'redocly.yaml') },
    );
    const problems = await lint({ ref: join(repoRoot, specPath), config });
    expect(problems.map((problem) => `${problem.ruleId}: ${problem.message}`)).toEqual([]);
  });
});

interface Problem {
  ruleId: string;
  message: string;
}

describe('plugin.mjs (what redocly.yaml loads)', () => {
  it('declares exactly the rules of rules.ts, under the id credstat', async () => {
    const plugin = await import(
      pathToFileURL(join(import.meta.dirname, '../lint/plugin.mjs')).href
    );
    const instance = plugin.default();
    expect(instance.id).toBe('credstat');
    expect(Object.keys(instance.rules.oas3)).toEqual(Object.keys(rules));
  });
});

describe('redocly lint --config redocly.yaml (the CLI)', () => {
  const cli = (...args: string[]) => {
    const result = spawnSync(
      process.execPath,
      [redoclyBin(), 'lint', ...args, '--config', redoclyConfigPath, '--format', 'json'],
      {
        encoding: 'utf8',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    );
    const start = result.stdout.indexOf('{');
    if (start === -1) throw new Error(`redocly printed no report:\n${result.stderr}`);
    // One JSON report per file, one after the other.
    const reports = JSON.parse(
      `[${result.stdout.slice(start).replace(/\}\s*\{(?=\s*"totals")/g, '},{')}]`,
    ) as { totals: { errors: number; warnings: number }; problems: Problem[] }[];
    const report = {
      totals: {
        errors: reports.reduce((sum, r) => sum + r.totals.errors, 0),
        warnings: reports.reduce((sum, r) => sum + r.totals.warnings, 0),
      },
      problems: reports.flatMap((r) => r.problems),
    };
    return { status: result.status, report };
  };

  it('loads the plugin (through tsx) and reports each of its rules', () => {
    const bad = cases.map((c) => join(writeSpec(c.bad), 'openapi.yaml'));
    const { status, report } = cli(...bad);
    const reported = new Set(report.problems.map((problem) => problem.ruleId));
    for (const rule of Object.keys(rules)) expect(reported).toContain(`credstat/${rule}`);
    expect(status).not.toBe(0);
  });

  it('passes the test specs (core, scaffold) with no error and no warning', () => {
    const { status, report } = cli(
      ...listTestSpecs().map((spec) => join(repoRoot, spec.specPath)),
      join(repoRoot, 'tools/test/specs/acme-status/openapi.yaml'),
      join(repoRoot, 'tools/test/specs/transit-board/openapi.yaml'),
    );
    expect(report.problems.map((problem) => `${problem.ruleId}: ${problem.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    expect(status).toBe(0);
  });
});
