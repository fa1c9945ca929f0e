// Two installed copies of core (e.g. two API packages, each with its own core)
// must recognise each other's errors: the brand is a registry symbol, so
// `isCredstatError`, `isApiErrorOf` and `instanceof` work across copies even
// though the classes are different objects. Here: the built dist, copied twice
// into temp dirs and imported from each.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as source from '../src/index.js';
import { api as fakeApi } from './generated/api.gen.js';
import type { paths } from './generated/types.gen.js';
import { startServer } from './support/server.js';

type Core = typeof source;

const coreDir = fileURLToPath(new URL('..', import.meta.url));
const dist = join(coreDir, 'dist');

const temps: string[] = [];
const held: ServerResponse[] = [];
let server: Awaited<ReturnType<typeof startServer>>;
const copies = {} as Record<'A' | 'B', Core>;
/** Errors made by each copy: a real timeout and a real documented 404. */
const made = {} as Record<'A' | 'B', { timeout: unknown; api: unknown }>;

/** A copy of dist in a temp dir, with openapi-fetch resolvable, imported as its own module. */
async function installCopy(): Promise<Core> {
  const dir = mkdtempSync(join(tmpdir(), 'credstat-core-copy-'));
  temps.push(dir);
  cpSync(dist, join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(
    realpathSync(join(coreDir, 'node_modules', 'openapi-fetch')),
    join(dir, 'node_modules', 'openapi-fetch'),
    'dir',
  );
  return (await import(pathToFileURL(join(dir, 'dist', 'index.js')).href)) as Core;
}

async function errorsOf(core: Core) {
  // A tight timeout for the call that hangs; a generous one for the 404, which
  // a loaded CI machine may take longer than 50 ms to answer.
  const client = (timeoutMs: number) =>
    core.createApiClient<paths>(fakeApi, {
      token: 'two-copies-token',
      baseUrl: server.url,
      timeoutMs,
      retry: false,
    });
  const [hanging, answering] = [client(50), client(10_000)];
  const caught = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected the call to fail');
      },
      (error: unknown) => error,
    );
  try {
    const timeout = await caught(
      hanging.GET('/sessions/{id}', { params: { path: { id: 'hang' } } }),
    );
    const api = await caught(
      answering.GET('/sessions/{id}', { params: { path: { id: 'missing' } } }),
    );
    return { timeout, api };
  } finally {
    await Promise.all([hanging.close(), answering.close()]);
  }
}

beforeAll(async () => {
  if (!existsSync(join(dist, 'index.js'))) {
    execFileSync('npx', ['tsup'], { cwd: coreDir, stdio: 'ignore', timeout: 120_000 });
  }
  server = await startServer();
  server.handle((req, res) => {
    if (req.url === '/sessions/hang') {
      held.push(res); // never answered
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"message":"not found"}');
  });
  copies.A = await installCopy();
  copies.B = await installCopy();
  made.A = await errorsOf(copies.A);
  made.B = await errorsOf(copies.B);
}, 150_000);

afterAll(async () => {
  for (const res of held) res.destroy();
  await server?.close();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('the two copies', () => {
  it('are distinct modules with distinct classes', () => {
    const { A, B } = copies;
    expect(A).not.toBe(B);
    expect(A.TimeoutError).not.toBe(B.TimeoutError);
    expect(A.ApiError).not.toBe(B.ApiError);
    expect(A.CredstatError).not.toBe(B.CredstatError);
    expect(A.isCredstatError).not.toBe(B.isCredstatError);
    expect(A.TimeoutError).not.toBe(source.TimeoutError);
    // So instanceof across copies cannot be the prototype chain at work.
    expect(Object.getPrototypeOf(made.A.timeout)).toBe(A.TimeoutError.prototype);
    expect(
      Object.prototype.isPrototypeOf.call(B.TimeoutError.prototype, made.A.timeout as object),
    ).toBe(false);
  });

  it.each(['A', 'B'] as const)('copy %s made real errors', (from) => {
    expect(made[from].timeout).toMatchObject({ kind: 'timeout', timeoutMs: 50, attempts: 1 });
    expect(made[from].api).toMatchObject({
      kind: 'api',
      status: 404,
      operationId: 'getSession',
      body: { message: 'not found' },
    });
  });
});

type Check = [
  check: string,
  expected: boolean,
  run: (other: Core, error: { timeout: unknown; api: unknown }) => boolean,
];

const checks: Check[] = [
  ['isCredstatError(timeout)', true, (o, e) => o.isCredstatError(e.timeout)],
  ["isCredstatError(timeout, 'timeout')", true, (o, e) => o.isCredstatError(e.timeout, 'timeout')],
  ["isCredstatError(timeout, 'api')", false, (o, e) => o.isCredstatError(e.timeout, 'api')],
  ["isCredstatError(timeout, 'abort')", false, (o, e) => o.isCredstatError(e.timeout, 'abort')],
  ['timeout instanceof TimeoutError', true, (o, e) => e.timeout instanceof o.TimeoutError],
  ['timeout instanceof ApiError', false, (o, e) => e.timeout instanceof o.ApiError],
  ['timeout instanceof AbortError', false, (o, e) => e.timeout instanceof o.AbortError],
  ['timeout instanceof CredstatError', true, (o, e) => e.timeout instanceof o.CredstatError],
  ["isApiErrorOf(timeout, 'getSession')", false, (o, e) => o.isApiErrorOf(e.timeout, 'getSession')],
  ['isCredstatError(api)', true, (o, e) => o.isCredstatError(e.api)],
  ["isCredstatError(api, 'api')", true, (o, e) => o.isCredstatError(e.api, 'api')],
  ["isCredstatError(api, 'timeout')", false, (o, e) => o.isCredstatError(e.api, 'timeout')],
  ['api instanceof ApiError', true, (o, e) => e.api instanceof o.ApiError],
  ['api instanceof TimeoutError', false, (o, e) => e.api instanceof o.TimeoutError],
  ['api instanceof CredstatError', true, (o, e) => e.api instanceof o.CredstatError],
  ["isApiErrorOf(api, 'getSession')", true, (o, e) => o.isApiErrorOf(e.api, 'getSession')],
  ["isApiErrorOf(api, 'issue')", false, (o, e) => o.isApiErrorOf(e.api, 'issue')],
];

describe.each([
  ['A', 'B'],
  ['B', 'A'],
] as const)('an error made by copy %s, seen by copy %s', (from, to) => {
  it.each(checks)('%s → %s', (_check, expected, run) => {
    expect(run(copies[to], made[from])).toBe(expected);
  });
});

describe('look-alikes are not recognised', () => {
  const lookAlikes: [name: string, value: unknown][] = [
    ['new Error()', new Error('timed out')],
    ["{ kind: 'timeout' }", { kind: 'timeout', timeoutMs: 50 }],
    ["an Error with kind 'timeout'", Object.assign(new Error('t'), { kind: 'timeout' })],
    [
      "{ kind: 'api', status: 404, operationId: 'getSession' }",
      { kind: 'api', status: 404, operationId: 'getSession' },
    ],
    ['null', null],
    ["'timeout'", 'timeout'],
  ];

  it.each(lookAlikes)('%s', (_name, value) => {
    for (const core of [copies.A, copies.B]) {
      expect(core.isCredstatError(value)).toBe(false);
      expect(core.isCredstatError(value, 'timeout')).toBe(false);
      expect(core.isApiErrorOf(value, 'getSession')).toBe(false);
      expect(value instanceof core.CredstatError).toBe(false);
      expect(value instanceof core.TimeoutError).toBe(false);
      expect(value instanceof core.ApiError).toBe(false);
    }
  });
});
