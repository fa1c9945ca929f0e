// credstat-record end to end: a fake upstream on 127.0.0.1, `redocly proxy` in
// front of it, one request carrying canary credentials, then Ctrl-C.
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHar } from '../har/har.ts';
import { repoRoot } from '../lib/repo.ts';
import { copyRedoclyConfig } from '../lint/scratch-config.ts';
import { freePort } from '../testing/local-server.ts';

const KEY = 'live-canary-key-7c1f9e';
const TOKEN = 'query-canary-2b8d4a';

async function waitForPort(port: number, deadline = Date.now() + 20_000): Promise<void> {
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      }).on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`nothing listens on ${port}`);
}

describe('credstat-record', () => {
  const root = mkdtempSync(join(tmpdir(), 'credstat-record-'));
  let upstream: Server;
  let recorder: ChildProcess;
  let stderr = '';
  let exitCode: number | null = null;

  beforeAll(async () => {
    copyRedoclyConfig(join(repoRoot, 'redocly.yaml'), join(root, 'redocly.yaml'));
    for (const part of ['openapi.yaml', 'paths', 'components']) {
      cpSync(
        join(repoRoot, 'specs/fortid-verifier', part),
        join(root, 'specs/fortid-verifier', part),
        {
          recursive: true,
        },
      );
    }
    upstream = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': `session=${KEY}` });
      res.end('{"verificationSessionStatus":"IN_PROGRESS"}');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const target = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    const port = await freePort();
    recorder = spawn(
      process.execPath,
      [
        join(repoRoot, 'tools/bin/record.js'),
        'fortid-verifier',
        '--target',
        target,
        '--out',
        'live',
        '--port',
        String(port),
      ],
      { env: { ...process.env, CREDSTAT_ROOT: root }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    recorder.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    const exited = new Promise<void>((resolve) =>
      recorder.on('exit', (code) => {
        exitCode = code;
        resolve();
      }),
    );
    await waitForPort(port);
    const proxy = `http://127.0.0.1:${port}`;
    await fetch(`${proxy}/healthz`); // not in the spec: must not be kept
    const response = await fetch(
      `${proxy}/verification-session/status/497f6eca-6276-4993-bfeb-53cbbbba6f08?token=${TOKEN}`,
      { headers: { 'X-API-KEY': KEY, Authorization: `Bearer ${KEY}` } },
    );
    expect(await response.json()).toEqual({ verificationSessionStatus: 'IN_PROGRESS' });
    recorder.kill('SIGINT');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
  }, 60_000);

  afterAll(async () => {
    if (exitCode === null) recorder?.kill('SIGKILL');
    await new Promise<void>((resolve) => upstream.close(() => resolve()));
    rmSync(root, { recursive: true, force: true });
  });

  it('stops on Ctrl-C and writes the capture', () => {
    expect(exitCode).toBe(0);
    expect(stderr).toContain('skipped GET /healthz: no operation');
  });

  it('keeps the spec exchange, pointed at the spec server, with no credential left', () => {
    const file = join(root, 'specs/fortid-verifier/fixtures/live.har');
    const text = readFileSync(file, 'utf8');
    const [entry, ...rest] = readHar(file).log.entries;
    expect(rest).toEqual([]);
    expect(entry?.request.url).toBe(
      'https://evs.fortid.com/verification-session/status/497f6eca-6276-4993-bfeb-53cbbbba6f08?token=REDACTED',
    );
    expect(entry?.response.status).toBe(200);
    expect(entry?.comment).toMatch(
      /^Recorded \d{4}-\d\d-\d\d from 127\.0\.0\.1:\d+ with credstat-record/,
    );
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(TOKEN);
  });
});
