// credstat-mock as a child process of a test: started on a free port, stopped
// with SIGTERM, and never left running (a hung start or stop is killed).
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';

const require = createRequire(import.meta.url);
/** credstat-mock as installed: @credstat/core's committed bin shim. */
export const CREDSTAT_MOCK_BIN = join(
  dirname(require.resolve('@credstat/core/package.json')),
  'bin',
  'credstat-mock.js',
);

const START_MS = 15_000;
const STOP_MS = 5_000;
/**
 * A timeout for a test that starts and stops credstat-mock: the process's own
 * bounds and some work between, past vitest's 5 s default, which a loaded
 * 2-core CI machine ran out of while the child process started.
 */
export const CREDSTAT_MOCK_TEST_MS = START_MS + STOP_MS + 10_000;

export interface RunningMock {
  url: string;
  /** Its stdout so far: the listening line, then one line per API. */
  lines: string[];
  /** SIGTERM, then the exit code (null when it had to be killed after STOP_MS). */
  stop(): Promise<number | null>;
}

/** Starts credstat-mock in `cwd` and waits for its first line and one line per API. */
export async function startCredstatMock(
  cwd: string,
  args: string[],
  apis: number,
): Promise<RunningMock> {
  const child: ChildProcess = spawn(process.execPath, [CREDSTAT_MOCK_BIN, ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const lines: string[] = [];
  const reader = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  let timer: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      reader.on('line', (line) => {
        lines.push(line);
        if (lines.length === 1 + apis) resolve();
      });
      void exited.then(() => reject(new Error(`credstat-mock exited: ${stderr}`)));
      timer = setTimeout(
        () => reject(new Error(`credstat-mock printed no address in ${START_MS} ms: ${stderr}`)),
        START_MS,
      );
    });
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  } finally {
    clearTimeout(timer);
  }
  const url = /^credstat-mock listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(lines[0] ?? '')?.[1];
  if (!url) {
    child.kill('SIGKILL');
    throw new Error(`unexpected first line: ${lines[0]}`);
  }
  return {
    url,
    lines,
    stop: async () => {
      child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), STOP_MS);
      try {
        return await exited;
      } finally {
        clearTimeout(kill);
      }
    },
  };
}
