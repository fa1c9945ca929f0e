// The API's mock server, started the way a user would start it: `npx
// credstat-mock <api>` in their project, i.e. the bin of the @credstat/core
// they installed, loading each API's scenarios from their node_modules.
import { spawn } from 'node:child_process';
import { consumerEnv, killGroup, track } from './exec.ts';
import { type Failure, failure } from './matrix.ts';

export interface MockServer {
  url: string;
  /** Everything it printed so far (shown when a consumer fails). */
  output(): string;
  /** Stops it (SIGTERM, then SIGKILL after 5 s). */
  stop(): Promise<void>;
}

/** Its first line on stdout, by contract. */
const LISTENING = /^credstat-mock listening on (http:\/\/127\.0\.0\.1:\d+)$/;

export function startMock(
  projectDir: string,
  apis: readonly string[],
  options: { polls: number },
): Promise<MockServer | Failure> {
  const args = ['--no', 'credstat-mock', ...apis, '--port', '0', '--polls', String(options.polls)];
  const step = `npx ${args.join(' ')}`;
  const child = spawn('npx', args, {
    cwd: projectDir,
    env: consumerEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  track(child);
  let output = '';
  let stdout = '';
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      killGroup(child.pid);
      resolve(failure(step, 'did not say it was listening within 30 s', { output }));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline === -1) return;
      child.stdout.off('data', onData);
      child.stdout.on('data', (more: Buffer) => {
        output += more;
      });
      const url = stdout.slice(0, newline).trimEnd().match(LISTENING)?.[1];
      clearTimeout(timer);
      if (!url) {
        killGroup(child.pid);
        resolve(failure(step, 'its first line is not "credstat-mock listening on …"', { output }));
        return;
      }
      resolve({
        url,
        output: () => output,
        stop: async () => {
          killGroup(child.pid, 'SIGTERM');
          const killer = setTimeout(() => killGroup(child.pid), 5_000);
          await exited;
          clearTimeout(killer);
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve(failure(step, `exited with ${code ?? signal} before listening`, { output }));
    });
  });
}
