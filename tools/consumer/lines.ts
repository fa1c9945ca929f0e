// The consumer code prints one line per call; the runner compares them with
// the fixture's expected lines (the same in Node and in the browser).

/** The lines of a text, without blank ones and trailing spaces. */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '');
}

/** `undefined` when `actual` is `expected`; otherwise which lines are missing, extra or out of order. */
export function lineMismatch(
  expected: readonly string[],
  actual: readonly string[],
): string | undefined {
  if (expected.length === actual.length && expected.every((line, i) => line === actual[i]))
    return undefined;
  const missing = expected.filter((line) => !actual.includes(line));
  const extra = actual.filter((line) => !expected.includes(line));
  return [
    ...missing.map((line) => `- ${line}`),
    ...extra.map((line) => `+ ${line}`),
    ...(missing.length === 0 && extra.length === 0 ? ['(the same lines, in another order)'] : []),
    '',
    'printed:',
    ...actual.map((line) => `  ${line}`),
  ].join('\n');
}

/** Operations and waits whose name no printed line mentions. */
export function uncalled(names: readonly string[], lines: readonly string[]): string[] {
  return names.filter((name) => !lines.some((line) => line.split(/\W+/).includes(name)));
}
