// Runs compiled consumer code under one Node line and checks what it printed.
import { consumerEnv, runCommand } from './exec.ts';
import { lineMismatch, linesOf } from './lines.ts';
import { commandOutcome, failure, type Outcome, PASSED } from './matrix.ts';
import type { NodeBinary } from './toolchain.ts';

/** `node <script>` in `projectDir`, with the mock's URL in CREDSTAT_MOCK_URL; its lines must be `expected`. */
export async function runConsumer(
  node: NodeBinary,
  projectDir: string,
  script: string,
  mockUrl: string,
  expected: readonly string[],
): Promise<Outcome> {
  const result = await runCommand(node.bin, [script], {
    cwd: projectDir,
    env: { ...consumerEnv(), CREDSTAT_MOCK_URL: mockUrl },
    timeoutMs: 90_000,
  });
  const step = `node ${node.version} ${script}`;
  if (!result.ok) return commandOutcome(step, result);
  const mismatch = lineMismatch(expected, linesOf(result.stdout));
  return mismatch
    ? failure(step, 'printed other lines than expected', { ...result, output: mismatch })
    : PASSED;
}

/** `node --test <file>` (TAP), which must pass and have run at least one test. */
export async function runNodeTest(
  node: NodeBinary,
  projectDir: string,
  file: string,
): Promise<Outcome> {
  const result = await runCommand(node.bin, ['--test', '--test-reporter=tap', file], {
    cwd: projectDir,
    timeoutMs: 90_000,
  });
  const step = `node ${node.version} --test ${file}`;
  if (!result.ok) return commandOutcome(step, result);
  const passed = Number(result.stdout.match(/^# pass (\d+)$/m)?.[1] ?? 0);
  return passed > 0 ? PASSED : failure(step, 'ran no test', result);
}
