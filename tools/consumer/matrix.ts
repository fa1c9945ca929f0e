// The report of `pnpm test:consumer`: one row per combination that ran
// (package × module system × TypeScript × runtime), pass or fail, totals, and
// the output of every step that failed (once, however many rows it failed).
import type { CommandResult } from './exec.ts';

/** What one step found. A failure is one object, shared by every row it fails. */
export type Outcome = { ok: true } | Failure;

export interface Failure {
  ok: false;
  /** The step that failed, e.g. `tsc 5.9.3 -p tsconfig.nodenext.json in fortid-verifier`. */
  step: string;
  /** Why, in a line. */
  reason: string;
  command?: string;
  output?: string;
}

export const PASSED: Outcome = { ok: true };

/** A failed step; `details` is the command that failed and what it printed (a CommandResult will do). */
export function failure(
  step: string,
  reason: string,
  details: { command?: string; output?: string } = {},
): Failure {
  const { command, output } = details;
  return {
    ok: false,
    step,
    reason,
    ...(command === undefined ? {} : { command }),
    ...(output === undefined ? {} : { output }),
  };
}

/** A command's outcome: passed when it exited 0. */
export function commandOutcome(step: string, result: CommandResult): Outcome {
  return result.ok ? PASSED : failure(step, `exited with ${result.exit}`, result);
}

/** The first failure among a row's steps, in the order they ran. */
export function firstFailure(outcomes: readonly Outcome[]): Outcome {
  return outcomes.find((outcome) => !outcome.ok) ?? PASSED;
}

export interface MatrixRow {
  package: string;
  /** `esm`, `cjs`, `browser` (bundler resolution, bundled) or the msw line (`msw 2.13.3`). */
  module: string;
  /** The TypeScript version that compiled or type-checked it. */
  typescript: string;
  /** `node 22.23.3`, `chromium 140.0…`. */
  runtime: string;
  outcome: Outcome;
}

const COLUMNS = ['package', 'module', 'TypeScript', 'runtime', 'result'] as const;

export function renderMatrix(rows: readonly MatrixRow[]): string {
  const cells = rows.map((row) => [
    row.package,
    row.module,
    row.typescript,
    row.runtime,
    row.outcome.ok ? 'pass' : `FAIL (${row.outcome.step})`,
  ]);
  const widths = COLUMNS.map((title, column) =>
    Math.max(title.length, ...cells.map((line) => (line[column] ?? '').length)),
  );
  const format = (line: readonly string[]) =>
    line
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  const { passed, failed } = totals(rows);
  return [
    format(COLUMNS),
    format(widths.map((width) => '─'.repeat(width))),
    ...cells.map(format),
    '',
    `${rows.length} combinations: ${passed} passed, ${failed} failed`,
  ].join('\n');
}

export function totals(rows: readonly MatrixRow[]): { passed: number; failed: number } {
  const passed = rows.filter((row) => row.outcome.ok).length;
  return { passed, failed: rows.length - passed };
}

/**
 * Each failure once: its step, how many rows it failed, its command and its
 * output. Failures that printed the same (one bug seen from every Node line)
 * are one entry, with each command that ran into it.
 */
export function renderFailures(rows: readonly MatrixRow[]): string {
  const groups = new Map<string, { first: Failure; rows: number; commands: Set<string> }>();
  for (const row of rows) {
    const failed = row.outcome;
    if (failed.ok) continue;
    const key = `${failed.reason}\n${failed.output ?? failed.step}`;
    const group = groups.get(key) ?? { first: failed, rows: 0, commands: new Set<string>() };
    group.rows += 1;
    if (failed.command) group.commands.add(failed.command);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map(({ first, rows: count, commands }) =>
      [
        `── FAIL ${first.step}: ${first.reason} (${count} combination${count === 1 ? '' : 's'})`,
        ...[...commands].map((command) => `$ ${command}`),
        ...(first.output ? [first.output.trimEnd()] : []),
      ].join('\n'),
    )
    .join('\n\n');
}
