// `pnpm scaffold` end to end, for two specs. Each copies the working tree
// (tracked files and untracked ones git does not ignore: the code as it is now,
// not the last commit), then follows README "Adding an API" step by step and
// runs what CI runs for the new package. Nothing the scaffold writes is edited
// or formatted afterwards.
import { type ChildProcess, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { parse } from 'yaml';
import { sequence } from '../testing/steps.ts';

/** This checkout (not CREDSTAT_ROOT: the copy is of the code under test). */
const checkout = resolve(import.meta.dirname, '../..');
const specs = join(import.meta.dirname, 'specs');
const PNPM = ['--yes', 'pnpm@10.34.9'];
const STEP_TIMEOUT = 240_000;

interface Case {
  api: string;
  about: string;
  /** The credential option createClient must take, or none. */
  option: 'apiKey: string;' | undefined;
  /** Names the package must export (generated operations, guards, waits). */
  exports: string[];
  /** A live credential in the recorded fixtures, gone once they are sanitized. */
  secret?: string;
  /** Also scaffold the same spec with an HTTP bearer scheme (`from` → `to` in its text). */
  bearer?: { from: string; to: string };
}

const cases: Case[] = [
  {
    api: 'acme-status',
    about: 'an API key in a header and a session to wait on',
    option: 'apiKey: string;',
    exports: ['getJob', 'isGetJobError', 'waitForJob', 'jobStates'],
    secret: 'acme-live-',
    bearer: {
      from: 'type: apiKey\n      in: header\n      name: X-Acme-Key',
      to: 'type: http\n      scheme: bearer',
    },
  },
  {
    api: 'transit-board',
    about: 'a public spec: no security, query parameters, oneOf bodies, a 401 with no body',
    option: undefined,
    exports: ['listArrivals', 'isListArrivalsError'],
  },
];

// The outer run's pnpm, turbo and vitest settings must not leak into the copy's.
const env: NodeJS.ProcessEnv = {
  ...Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(npm_|pnpm_|VITEST|TURBO_|CREDSTAT_|NODE_OPTIONS$|INIT_CWD$)/i.test(key),
    ),
  ),
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  TURBO_TELEMETRY_DISABLED: '1',
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
};

/** Commands still running, ended (with what they started) if a step times out first. */
const running = new Set<ChildProcess>();
function stop(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Runs one command in `cwd`; rejects with its last output when it fails. */
function run(cwd: string, command: string, args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, so stop() ends pnpm, turbo and vitest too
    });
    running.add(child);
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const timer = setTimeout(() => stop(child), STEP_TIMEOUT);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      if (code === 0) return done(output);
      fail(
        new Error(
          `\`${[command, ...args].join(' ')}\` ended with ${code ?? signal}:\n${output.slice(-6000)}`,
        ),
      );
    });
  });
}
const pnpm = (cwd: string, ...args: string[]) => run(cwd, 'npx', [...PNPM, ...args]);

async function copyTree(to: string): Promise<number> {
  const out = await run(checkout, 'git', ['ls-files', '-co', '--exclude-standard', '-z']);
  let copied = 0;
  for (const file of out.split('\0')) {
    // A tracked file deleted in the working tree is not part of it.
    if (!file || !existsSync(join(checkout, file))) continue;
    mkdirSync(dirname(join(to, file)), { recursive: true });
    cpSync(join(checkout, file), join(to, file));
    copied += 1;
  }
  return copied;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === 'node_modules' || entry === 'dist') return [];
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Copies a test spec's folder (its fixtures apart) or its fixtures into the copy. */
function copySpec(api: string, to: string, part: 'spec' | 'fixtures'): void {
  const from = join(specs, api);
  for (const entry of readdirSync(from)) {
    if ((entry === 'fixtures') !== (part === 'fixtures')) continue;
    cpSync(join(from, entry), join(to, 'specs', api, entry), { recursive: true });
  }
}

describe.each(cases.map((c) => [c.api, c] as const))('scaffolding %s', (_name, c) => {
  const { api } = c;
  let root: string;
  let redoclyBefore: string;
  const step = sequence();

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), `credstat-scaffold-${api}-`));
  });
  afterAll(() => {
    for (const child of running) stop(child);
    rmSync(root, { recursive: true, force: true });
  });

  step(`starts from the working tree (${c.about})`, async () => {
    expect(await copyTree(root)).toBeGreaterThan(50);
    // The Quick start: install and build (only core's dist/ is needed here).
    await pnpm(root, 'install', '--prefer-offline', '--no-frozen-lockfile');
    await pnpm(
      root,
      'turbo',
      'run',
      'build',
      '--filter=@credstat/core',
      '--output-logs=errors-only',
    );
    expect(existsSync(join(root, 'packages', api))).toBe(false);
  });

  step('1-2. a spec, then `pnpm scaffold`: only its redocly.yaml entry is added', async () => {
    copySpec(api, root, 'spec');
    redoclyBefore = readFileSync(join(root, 'redocly.yaml'), 'utf8');
    await pnpm(root, 'scaffold', api);
    const after = readFileSync(join(root, 'redocly.yaml'), 'utf8');
    const added = [`  ${api}:`, `    root: specs/${api}/openapi.yaml`];
    const lines = after.split('\n');
    expect(lines.filter((line) => added.includes(line))).toEqual(added);
    // Every other line as it was, in order: nothing re-wrapped, re-quoted or moved.
    expect(lines.filter((line) => !added.includes(line)).join('\n')).toBe(redoclyBefore);
    expect(parse(after).apis[api]).toEqual({ root: `specs/${api}/openapi.yaml` });
  });

  step('writes files that pass `biome ci` as they are, with no placeholder left', async () => {
    await pnpm(root, 'exec', 'biome', 'ci', '--colors=off', `packages/${api}`, `specs/${api}`);
    const made = files(join(root, 'packages', api)).map((f) => f.slice(root.length + 1));
    expect(made).toEqual(
      expect.arrayContaining(
        [
          'README.md',
          'package.json',
          'turbo.json',
          'src/index.ts',
          'src/generated/api.gen.ts',
          'src/generated/operations.gen.ts',
          'src/generated/runtime.gen.ts',
          'src/generated/index.gen.ts',
          'examples/usage.ts',
          'examples/validate.ts',
          'test/contract.test.ts',
          'test/readme.test.ts',
          'test/generated/fixtures.gen.test-d.ts',
        ].map((file) => `packages/${api}/${file}`),
      ),
    );
    for (const file of made) {
      expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(/\{\{\w+\}\}/);
    }
    expect(existsSync(join(root, 'specs', api, 'fixtures', 'rejected'))).toBe(true);
  });

  step(
    "index.ts: createClient with the descriptor's credential, and an explicit export list",
    () => {
      const index = readFileSync(join(root, 'packages', api, 'src/index.ts'), 'utf8');
      expect(index).not.toContain("export * from '@credstat/core'");
      // It re-exports the generated layer: operations, and an explicit list from core.
      expect(index).toContain("export * from './generated/index.gen.js';");
      const barrel = readFileSync(
        join(root, 'packages', api, 'src/generated/index.gen.ts'),
        'utf8',
      );
      expect(barrel).toContain("export * from './operations.gen.js';");
      expect(barrel).toContain("export * from './runtime.gen.js';");
      const runtime = readFileSync(
        join(root, 'packages', api, 'src/generated/runtime.gen.ts'),
        'utf8',
      );
      expect(runtime).toMatch(/^export \{\n(\s+[\w ]+,\n)+\} from '@credstat\/core';$/m);
      // The credential option is generated from the descriptor's auth.
      const descriptor = readFileSync(
        join(root, 'packages', api, 'src/generated/api.gen.ts'),
        'utf8',
      );
      const options = descriptor.match(/^\s+(apiKey|token)\??:.*$/gm) ?? [];
      expect(options.map((line) => line.trim())).toEqual(c.option ? [c.option] : []);
      // The contract suite takes the credential from the descriptor (step 5 runs it).
      const contract = readFileSync(join(root, 'packages', api, 'test/contract.test.ts'), 'utf8');
      expect(contract).toContain(
        'describeApiContract({ api, createClient, validateResponse, waits });',
      );
      const usage = readFileSync(join(root, 'packages', api, 'examples/usage.ts'), 'utf8');
      expect(usage).toMatch(new RegExp(`await ${c.exports[0]}\\(client, \\{`));
      expect(readFileSync(join(root, 'packages', api, 'README.md'), 'utf8')).toContain(usage);
    },
  );

  step('refuses to overwrite the package without --force', async () => {
    const again = await pnpm(root, 'scaffold', api).then(
      () => 'succeeded',
      (error: Error) => error.message,
    );
    expect(again).toContain('--force');
  });

  step('3-4. `pnpm install`, fixtures, credstat-sanitize, `pnpm generate`', async () => {
    // The new workspace package changes the lockfile, so not frozen.
    await pnpm(root, 'install', '--prefer-offline', '--no-frozen-lockfile');
    copySpec(api, root, 'fixtures');
    const fixtures = files(join(root, 'specs', api, 'fixtures')).map((f) =>
      f.slice(root.length + 1),
    );
    await pnpm(root, 'exec', 'credstat-sanitize', api, ...fixtures);
    for (const file of fixtures) {
      const text = readFileSync(join(root, file), 'utf8');
      if (c.secret) expect(text, file).not.toContain(c.secret);
    }
    await pnpm(root, 'generate', api);
  });

  step('5. passes what CI runs for it', async () => {
    await pnpm(root, 'generate', api, '--check');
    await pnpm(root, 'exec', 'biome', 'ci', '--colors=off', `packages/${api}`, `specs/${api}`);
    await pnpm(
      root,
      'turbo',
      'run',
      'lint',
      'lint:spec',
      'build',
      'typecheck',
      'lint:package',
      'test',
      `--filter=@credstat/${api}`,
      '--output-logs=errors-only',
    );
    const report = JSON.parse(
      readFileSync(join(root, 'packages', api, '.vitest-report.json'), 'utf8'),
    );
    const names: string[] = report.testResults.flatMap((file: { assertionResults: [] }) =>
      file.assertionResults.map((test: { fullName: string }) => test.fullName),
    );
    expect(report.numFailedTests).toBe(0);
    // Contract replay of every fixture, the README's examples, the type-level fixtures.
    expect(names.filter((name) => name.includes('replays through the client'))).not.toEqual([]);
    expect(names).toContain(
      'usage example calls its operation with the credential and prints the body',
    );
    expect(names.filter((name) => name.includes('fixtures.gen.test-d.ts'))).not.toEqual([]);
    const built = await import(pathToFileURL(join(root, 'packages', api, 'dist/index.js')).href);
    for (const name of c.exports) expect(built, name).toHaveProperty(name);
  });

  step('the tools that list APIs find it too', async () => {
    await run(join(root, 'tools'), 'npx', [
      'vitest',
      'run',
      'test/preview.test.ts',
      'test/lint.test.ts',
      'test/secrets.test.ts',
      'test/validators-esm.test.ts',
    ]);
  });

  if (c.bearer) {
    const { from, to } = c.bearer;
    step('with an HTTP bearer scheme instead, createClient takes a token', async () => {
      const spec = readFileSync(join(specs, api, 'openapi.yaml'), 'utf8');
      expect(spec).toContain(from);
      mkdirSync(join(root, 'specs/bearer-api'), { recursive: true });
      writeFileSync(join(root, 'specs/bearer-api/openapi.yaml'), spec.replace(from, to));
      await pnpm(root, 'scaffold', 'bearer-api');
      await pnpm(root, 'exec', 'biome', 'ci', '--colors=off', 'packages/bearer-api');
      const pkg = (file: string) => readFileSync(join(root, 'packages/bearer-api', file), 'utf8');
      expect(pkg('src/generated/api.gen.ts')).toContain('  token: TokenSource;');
      expect(pkg('src/generated/api.gen.ts')).not.toMatch(/^\s+apiKey\??:/m);
      expect(pkg('examples/usage.ts')).toContain('process.env.BEARER_API_TOKEN');
    });
  }
});
