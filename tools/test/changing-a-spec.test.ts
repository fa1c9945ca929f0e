// README "Changing a spec", followed step by step in a scratch repo (the working
// tree as a repo of its own, after a release): edit a spec, lint, preview,
// record a fixture from a fake upstream on 127.0.0.1, write the proposed
// changeset, check the package and the release. Each command is the README's,
// with only its port and upstream pointed at this test's own.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHar } from '../har/har.ts';
import { repoRoot } from '../lib/repo.ts';
import { commitAll, env, ok, run, scratchRepo, stop, stopAll } from '../release/scratch.ts';
import { freePort } from '../testing/local-server.ts';
import { sequence } from '../testing/steps.ts';

const PNPM = ['--yes', 'pnpm@10.34.9'];
const STEP_TIMEOUT = 300_000;
const SCHEMA = 'specs/fortid-issuer/components/schemas/IssuanceSucceeded.yaml';
const SESSION_URL =
  '/control/issuer/fortid_issuer/get-session-status/497f6eca-6276-4993-bfeb-53cbbbba6f08';

/** The shell commands of the README section, in order. */
function readmeCommands(): string[] {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = /## Changing a spec\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap(([, block = '']) =>
    block
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
  );
}

const pnpmArgs = (command: string) => {
  const [tool, ...args] = command.trim().split(/\s+/);
  expect(tool).toBe('pnpm');
  return args;
};

let root: string;
let repo: string;
let upstream: Server;
const commands = readmeCommands();

const step = sequence(STEP_TIMEOUT);

/** Runs the README's command `index` in the scratch repo, with `extra` arguments. */
function readmeStep(index: number, extra: string[] = []) {
  const command = commands[index] ?? '';
  return ok(repo, 'npx', [...PNPM, ...pnpmArgs(command), ...extra], { timeout: STEP_TIMEOUT });
}

/** Starts the README's long-running command `index`; resolves once `ready` is printed (if given). */
async function start(index: number, extra: string[], ready?: RegExp): Promise<ChildProcess> {
  const child = spawn('npx', [...PNPM, ...pnpmArgs(commands[index] ?? ''), ...extra], {
    cwd: repo,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  if (!ready) return child;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in 120 s:\n${output}`)), 120_000);
    const watch = (chunk: Buffer) => {
      output += chunk;
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', watch);
    child.stderr?.on('data', watch);
    child.on('exit', (code) => reject(new Error(`exited with ${code} before ready:\n${output}`)));
  });
  return child;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'credstat-changing-a-spec-'));
  repo = join(root, 'repo');
  upstream = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"issuanceSessionStatus":"ISSUANCE_SUCCEEDED","issuedAt":"2026-11-27T09:00:00Z"}');
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  stopAll();
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
  rmSync(root, { recursive: true, force: true });
}, 60_000);

describe('README: Changing a spec', () => {
  it('the README section has the steps this test follows', () => {
    expect(commands).toEqual([
      'pnpm lint:specs',
      'pnpm preview',
      'pnpm exec credstat-record fortid-issuer --target https://eis.fortid.com --out 200-issued-at',
      'pnpm generate fortid-issuer',
      'pnpm changeset:spec fortid-issuer',
      'pnpm turbo run lint lint:spec build typecheck lint:package test --filter=@credstat/fortid-issuer',
      'pnpm check:release',
    ]);
  });

  // As after the README's quick start (install, build), and a release.
  // Installed, its runtime built (turbo's cache is this checkout's, so that is
  // usually a cache hit), and fortid-issuer released: at 0.1.0, no changeset pending.
  step('a scratch repo, installed, after a release of fortid-issuer', async () => {
    scratchRepo(repo);
    await ok(repo, 'npx', [...PNPM, 'install', '--frozen-lockfile', '--prefer-offline'], {
      timeout: STEP_TIMEOUT,
    });
    await ok(repo, 'npx', [...PNPM, 'turbo', 'run', 'build', '--filter=@credstat/core'], {
      timeout: STEP_TIMEOUT,
    });
    const manifest = join(repo, 'packages/fortid-issuer/package.json');
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace('"version": "0.0.0"', '"version": "0.1.0"'),
    );
    for (const file of readdirSync(join(repo, '.changeset')))
      if (file.startsWith('fortid-issuer-')) rmSync(join(repo, '.changeset', file));
    commitAll(repo, 'release @credstat/fortid-issuer 0.1.0');
  });

  step('edit: an optional issuedAt in IssuanceSucceeded', async () => {
    const file = join(repo, SCHEMA);
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8').trimEnd()}
  issuedAt:
    type: string
    format: date-time
    description: When the credential was issued.
`,
    );
  });

  step('1. pnpm lint:specs passes', async () => {
    await readmeStep(0);
  });

  step('2. pnpm preview serves the page with the new member and no lint problem', async () => {
    const port = await freePort();
    const preview = await start(1, ['--port', String(port)], /credstat docs at/);
    try {
      const page = await (await fetch(`http://127.0.0.1:${port}/fortid-issuer/`)).text();
      expect(page).toContain('issuedAt');
      expect(page).not.toContain('credstat-problems');
    } finally {
      stop(preview);
    }
  });

  step('3. credstat-record captures the new body from the upstream', async () => {
    const port = await freePort();
    const target = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    const [, , , , , ...rest] = pnpmArgs(commands[2] ?? ''); // --out and its name
    expect(rest).toEqual(['--out', '200-issued-at']);
    // The README's --target comes first; the test's own wins (parseArgs keeps the last).
    const recorder = await start(2, ['--target', target, '--port', String(port)]);
    await waitFor(
      async () =>
        (
          await fetch(`http://127.0.0.1:${port}${SESSION_URL}`, {
            method: 'POST',
            headers: { 'X-API-KEY': 'walkthrough-key-1234567' },
          })
        ).ok,
      'the recorder never answered through its proxy',
    );
    // Ctrl-C, as a terminal sends it: to the whole process group. pnpm exits at
    // once; the recorder stops its proxy and writes the capture after it.
    if (recorder.pid) process.kill(-recorder.pid, 'SIGINT');
    const file = join(repo, 'specs/fortid-issuer/fixtures/200-issued-at.har');
    await waitFor(async () => existsSync(file), 'the recorder wrote no capture');
    const [entry] = readHar(file).log.entries;
    expect(entry?.response.content.text).toContain('issuedAt');
    expect(readFileSync(file, 'utf8')).not.toContain('walkthrough-key-1234567');
  });

  step('4. pnpm generate, then pnpm changeset:spec proposes a minor bump', async () => {
    await readmeStep(3);
    const before = await run(repo, 'npx', [...PNPM, 'check:release']);
    expect(before.code).toBe(1);
    expect(before.output).toContain('@credstat/fortid-issuer');
    await readmeStep(4);
    const [changeset] = readdirSync(join(repo, '.changeset')).filter((f) =>
      f.startsWith('fortid-issuer-spec-'),
    );
    const text = readFileSync(join(repo, '.changeset', changeset ?? 'none'), 'utf8');
    expect(text).toMatch(/"@credstat\/fortid-issuer": minor/);
    expect(text).toContain('issuedAt');
  });

  step('5. the package checks and pnpm check:release pass', async () => {
    await readmeStep(5);
    const checked = await readmeStep(6);
    expect(checked).toContain('@credstat/fortid-issuer');
  });
});

async function waitFor(probe: () => Promise<boolean>, failure: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(failure);
}
