// credstat-mock as users run it: the built bin (bin/credstat-mock.js, which
// loads dist/), spawned on fake API packages installed in a scratch folder, and
// driven over HTTP like curl would; SIGTERM ends it with exit code 0.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../tools/testing/local-server.ts';

const CORE = resolve(import.meta.dirname, '..');
const BIN = join(CORE, 'bin', 'credstat-mock.js');

/** A fake API package: `@credstat/<name>/scenarios` built on @credstat/core/mock. */
function fakeApi(name: string, api: object, examples: object, scenarios: object, extra = '') {
  return `import { createMock, scenarioList } from '@credstat/core/mock';
const definition = {
  api: ${JSON.stringify({ name, ...api })},
  examples: ${JSON.stringify(examples)},
  scenarios: ${JSON.stringify(scenarios)},
  ${extra}
};
export const scenarios = scenarioList(definition);
export const createMockApi = (options) => createMock(definition, options);
`;
}

const thing = (state: string) => ({
  operationId: 'getThing',
  status: 200,
  contentType: 'application/json',
  json: { state },
  fixture: `${state}.har`,
});
const ALPHA = fakeApi(
  'alpha',
  {
    baseUrl: 'https://alpha.example.test/v1',
    auth: { type: 'apiKey', header: 'X-Alpha-Key' },
    operations: {
      getThing: {
        method: 'GET',
        path: '/things/{id}',
        responses: { 200: { body: 'json' }, 404: { body: 'json' } },
      },
    },
  },
  {
    pending: thing('pending'),
    done: thing('done'),
    missing: { ...thing('missing'), status: 404, json: { message: 'no thing' } },
  },
  {
    default: { description: 'pending, then done', answers: { getThing: ['pending', 'done'] } },
    missing: { description: 'no such thing', answers: { getThing: ['missing'] } },
  },
);
const BETA = fakeApi(
  'beta',
  {
    baseUrl: 'https://beta.example.test',
    auth: { type: 'bearer' },
    operations: {
      createOrder: {
        method: 'POST',
        path: '/orders',
        requestBody: { mediaType: 'application/json', required: true },
        responses: { 201: { body: 'json' }, 400: { body: 'json' } },
      },
    },
  },
  {
    created: {
      operationId: 'createOrder',
      status: 201,
      contentType: 'application/json',
      json: { order: 1 },
      fixture: 'created.har',
    },
    refused: {
      operationId: 'createOrder',
      status: 400,
      contentType: 'application/json',
      json: { message: 'recorded' },
      fixture: 'refused.har',
    },
  },
  { default: { description: 'the order is created', answers: { createOrder: ['created'] } } },
  "badRequest: { createOrder: { example: 'refused', member: 'message' } },",
);
/** Routes that collide with alpha's on one origin. */
const GAMMA = fakeApi(
  'gamma',
  {
    baseUrl: 'https://gamma.example.test/v1',
    auth: null,
    operations: {
      getByName: { method: 'GET', path: '/things/{name}', responses: { 200: { body: 'json' } } },
    },
  },
  {},
  { default: { description: 'nothing recorded', answers: {} } },
);

let scratch: string;
/** A folder with the fake APIs and @credstat/core installed, as a consumer's project. */
let project: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'credstat-mock-cli-'));
  project = join(scratch, 'project');
  const scope = join(project, 'node_modules', '@credstat');
  mkdirSync(scope, { recursive: true });
  symlinkSync(CORE, join(scope, 'core'), 'dir');
  for (const [name, source] of Object.entries({ alpha: ALPHA, beta: BETA, gamma: GAMMA })) {
    const dir = join(scope, name);
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({
        name: `@credstat/${name}`,
        type: 'module',
        exports: { './scenarios': './scenarios.js' },
      }),
    );
    writeFileSync(join(dir, 'scenarios.js'), source);
  }
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const children = new Set<ChildProcess>();
afterEach(() => {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
});

interface Run {
  child: ChildProcess;
  lines: string[];
  stderr: () => string;
  exit: Promise<number | null>;
}

function run(args: string[], options: { cwd?: string; node?: string[] } = {}): Run {
  const child = spawn(process.execPath, [...(options.node ?? []), BIN, ...args], {
    cwd: options.cwd ?? project,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const lines: string[] = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    lines.push(line);
  });
  const exit = once(child, 'exit').then(([code]) => {
    children.delete(child);
    return code as number | null;
  });
  return { child, lines, stderr: () => stderr, exit };
}

/** Waits until the server has printed `count` lines, and returns its URL. */
async function listening(started: Run, count: number): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (started.lines.length < count) {
    if (Date.now() > deadline || started.child.exitCode !== null)
      throw new Error(`credstat-mock did not start: ${started.stderr()}`);
    await new Promise((done) => setTimeout(done, 20));
  }
  const [first = ''] = started.lines;
  const url = /^credstat-mock listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(first)?.[1];
  if (!url) throw new Error(`first line: ${first}`);
  return url;
}

/** Whether something still listens on the port. */
function portTaken(port: number): Promise<boolean> {
  const probe = createServer();
  return new Promise((done) => {
    probe.once('error', () => done(true));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(false)));
  });
}

// Each test starts the bin as a child process: give it more than vitest's 5 s on a
// loaded 2-core CI machine (a hung one is still killed by the helpers' own bounds).
describe('credstat-mock', { timeout: 30_000 }, () => {
  it('serves several APIs on one origin, as curl sees it, and stops on SIGTERM', async () => {
    const started = run(['alpha', '@credstat/beta', '--polls', '1']);
    const url = await listening(started, 3);
    expect(started.lines.slice(1)).toEqual([
      'alpha scenarios: default, missing',
      'beta scenarios: default',
    ]);
    const key = { 'X-Alpha-Key': 'k' };
    const thingAt = async (path: string, headers: Record<string, string> = key) => {
      const response = await fetch(`${url}${path}`, { headers });
      return [response.status, await response.json()];
    };
    expect(await thingAt('/things/1')).toEqual([200, { state: 'pending' }]);
    expect(await thingAt('/things/1')).toEqual([200, { state: 'done' }]);
    // Every session starts again, for a suite that reuses one server.
    const reset = await fetch(`${url}/__credstat/reset`, { method: 'POST' });
    expect([reset.status, reset.headers.get('x-credstat-mock')]).toEqual([204, 'reset']);
    expect(await thingAt('/things/1')).toEqual([200, { state: 'pending' }]);
    expect(await thingAt('/things/1')).toEqual([200, { state: 'done' }]);
    expect(await thingAt('/things/2', { ...key, 'X-Credstat-Scenario': 'missing' })).toEqual([
      404,
      { message: 'no thing' },
    ]);
    expect(await thingAt('/things/3?credstat-scenario=missing')).toEqual([
      404,
      { message: 'no thing' },
    ]);
    const [status, unknown] = await thingAt('/things/3?credstat-scenario=nope');
    expect([status, unknown.type]).toEqual([400, 'urn:credstat:mock:unknown-scenario']);
    const [noRoute, nothing] = await thingAt('/nothing');
    expect([noRoute, nothing.type]).toEqual([404, 'urn:credstat:mock:no-route']);

    const order = (body: string) =>
      fetch(`${url}/orders`, {
        method: 'POST',
        headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
        body,
      });
    const created = await order('{"item":"x"}');
    expect([created.status, await created.json()]).toEqual([201, { order: 1 }]);
    const refused = await order('{');
    expect(refused.headers.get('x-credstat-mock')).toBe('invalid-request');
    expect(await refused.json()).toEqual({ message: 'the request body is not JSON' });

    const listing = await (await fetch(`${url}/__credstat/scenarios`)).json();
    expect(listing).toEqual({
      apis: [
        {
          name: 'alpha',
          scenarios: [
            { name: 'default', description: 'pending, then done' },
            { name: 'missing', description: 'no such thing' },
          ],
        },
        { name: 'beta', scenarios: [{ name: 'default', description: 'the order is created' }] },
      ],
    });

    const port = Number(new URL(url).port);
    started.child.kill('SIGTERM');
    expect(await started.exit).toBe(0);
    expect(await portTaken(port)).toBe(false);
  });

  it('answers CORS preflights and lets a page read its answers', async () => {
    const started = run(['alpha', 'beta']);
    const url = await listening(started, 3);
    const preflight = await fetch(`${url}/things/1`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'x-alpha-key, x-credstat-scenario',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const allowed = preflight.headers.get('access-control-allow-headers')?.split(', ') ?? [];
    expect(allowed).toEqual(
      expect.arrayContaining([
        'X-Alpha-Key',
        'Authorization',
        'X-Credstat-Scenario',
        'X-Credstat-Polls',
      ]),
    );
    const answer = await fetch(`${url}/things/1`, {
      headers: { origin: 'http://localhost:5173', 'x-alpha-key': 'k' },
    });
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('access-control-expose-headers')).toMatch(
      /Location.*X-Credstat-Mock/,
    );
    started.child.kill('SIGINT');
    expect(await started.exit).toBe(0);
  });

  it('--scenario applies to each API that has it; --port listens there', async () => {
    const port = await freePort();
    const started = run(['alpha', 'beta', '--scenario', 'missing', '--port', String(port)]);
    const url = await listening(started, 3);
    expect(url).toBe(`http://127.0.0.1:${port}`);
    expect((await fetch(`${url}/things/1`, { headers: { 'x-alpha-key': 'k' } })).status).toBe(404);
    const order = await fetch(`${url}/orders`, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(order.status).toBe(201);
  });

  it('refuses APIs whose routes collide on one origin', async () => {
    const started = run(['alpha', 'gamma']);
    expect(await started.exit).toBe(1);
    expect(started.stderr()).toMatch(/collide.*alpha GET .*\/things\/\{id\}.*gamma/);
  });

  it.each([
    [['nope'], 1, /cannot find @credstat\/nope: install it/],
    [[], 2, /name at least one API/],
    [['alpha', '--polls', 'x'], 2, /--polls must be a whole number/],
    [['alpha', '--scenario', 'nope'], 2, /no API here has a scenario "nope"/],
    [['alpha', '--colour'], 2, /Unknown option '--colour'/],
    [['alpha', '--options', '{'], 2, /--options must be JSON/],
    [['alpha', '--options', '[1]'], 2, /--options must be a JSON object/],
  ])('%j exits %i', async (args, code, message) => {
    const started = run(args);
    expect(await started.exit).toBe(code);
    expect(started.stderr()).toMatch(message);
  });

  it('--help says how to use it', async () => {
    const started = run(['--help']);
    expect(await started.exit).toBe(0);
    expect(started.lines[0]).toMatch(/^usage: credstat-mock <api>/);
    expect(started.lines.join('\n')).toMatch(/X-Credstat-Scenario/);
  });

  it('finds an API installed beside @credstat/core when the current folder has none (npx -p)', async () => {
    const elsewhere = join(scratch, 'elsewhere');
    mkdirSync(elsewhere, { recursive: true });
    // As npx installs them: core and the API side by side; symlinks kept as paths.
    const bin = join(project, 'node_modules', '@credstat', 'core', 'bin', 'credstat-mock.js');
    const child = spawn(
      process.execPath,
      ['--preserve-symlinks', '--preserve-symlinks-main', bin, 'alpha'],
      { cwd: elsewhere, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.add(child);
    const lines: string[] = [];
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      lines.push(line);
    });
    const started: Run = {
      child,
      lines,
      stderr: () => '',
      exit: once(child, 'exit').then(([code]) => code as number | null),
    };
    await listening(started, 2);
    expect(lines[1]).toBe('alpha scenarios: default, missing');
    child.kill('SIGTERM');
    expect(await started.exit).toBe(0);
  });
});
