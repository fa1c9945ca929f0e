// README examples are real files: each ```ts block that follows an
// `<!-- example: path -->` marker must equal that file, which the tests run.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, it, vi } from 'vitest';

export interface ReadmeExample {
  file: string;
  inReadme: string;
  onDisk: string;
}

const MARKER = /<!-- example: (\S+) -->\s*```ts\n([\s\S]*?)```/g;

export function readmeExamples(readmePath: string): ReadmeExample[] {
  const readme = readFileSync(readmePath, 'utf8');
  return [...readme.matchAll(MARKER)].map(([, file = '', code = '']) => ({
    file: join(dirname(readmePath), file),
    inReadme: code,
    onDisk: readFileSync(join(dirname(readmePath), file), 'utf8'),
  }));
}

/** One test per README example: the README shows exactly the file the tests run. */
export function describeReadmeExamples(readmePath: string): void {
  const examples = readmeExamples(readmePath);
  it('README has at least one example', () => {
    expect(examples.length).toBeGreaterThan(0);
  });
  it.each(
    examples.map(
      (example) => [example.file.slice(dirname(readmePath).length + 1), example] as const,
    ),
  )('README shows %s as it is', (_file, example) => {
    expect(example.inReadme).toBe(example.onDisk);
  });
}

/**
 * Runs an example module to its end under fake timers (faking only setTimeout,
 * clearTimeout and Date): loading it is real I/O, so the event loop turns
 * between clock steps of `stepMs`.
 */
export async function runUnderFakeTimers(
  load: () => Promise<unknown>,
  stepMs = 100,
): Promise<void> {
  let finished = false;
  const done = load().finally(() => {
    finished = true;
  });
  while (!finished) {
    await new Promise((resolve) => setImmediate(resolve));
    await vi.advanceTimersByTimeAsync(stepMs);
  }
  await done;
}
