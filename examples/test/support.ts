// Runs the examples the way a user would: `credstat-mock` (the bin
// @credstat/core installs, started by the shared test kit) as a child process
// on a free port, and each program as its own process under `node --import tsx`.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fixtureEntry, startCredstatMock } from '@credstat/tools/testing';
import { afterEach, expect } from 'vitest';

const EXAMPLES = join(import.meta.dirname, '..');
const SPECS = join(EXAMPLES, '../specs');
/** A program that outlives this is killed and its test fails (vitest's own timeout is longer). */
const PROGRAM_MS = 30_000;

/** The child's output, and its exit code (null when killed) once it has exited and its output is read. */
function finished(
  child: ChildProcess,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`still running after ${PROGRAM_MS} ms: killed (${stdout}${stderr})`));
    }, PROGRAM_MS);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * A mock per scenario for one test file: `start(scenario)` runs `credstat-mock
 * <apis…> --scenario <scenario> --polls 1 [args…]` (each pending status answers once;
 * `polls: 0` skips straight to the scenario's last answer). After each test
 * every mock started is stopped, and each must exit 0.
 */
export function useMock(
  ...apis: string[]
): (scenario: string, options?: { polls?: number; args?: string[] }) => Promise<string> {
  const running: { stop(): Promise<number | null> }[] = [];
  afterEach(async () => {
    const codes = await Promise.all(running.splice(0).map((mock) => mock.stop()));
    expect(codes).toEqual(codes.map(() => 0));
  });
  return async (scenario, { polls = 1, args: more = [] } = {}) => {
    const args = [
      ...apis,
      '--port',
      '0',
      '--scenario',
      scenario,
      '--polls',
      String(polls),
      ...more,
    ];
    const mock = await startCredstatMock(EXAMPLES, args, apis.length);
    running.push(mock);
    return mock.url;
  };
}

export interface ProgramRun {
  code: number | null;
  stdout: string[];
  stderr: string[];
}

const lines = (text: string) => text.split('\n').filter((line) => line !== '');

/**
 * Runs examples/<file> with `args`, and an environment of PATH and `env`
 * only (nothing of the caller's own credentials leaks in).
 */
export async function runProgram(
  file: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<ProgramRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
    cwd: EXAMPLES,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { code, stdout, stderr } = await finished(child);
  return { code, stdout: lines(stdout), stderr: lines(stderr) };
}

/** The parsed JSON body of a fixture's first exchange (specs/<api>/fixtures/<file>). */
export function fixtureBody<T = Record<string, unknown>>(api: string, file: string): T {
  const entry = fixtureEntry(join(SPECS, api, 'fixtures'), file);
  return JSON.parse(entry.response.content.text ?? '') as T;
}
