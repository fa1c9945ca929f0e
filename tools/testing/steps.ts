// Tests that walk a sequence (scaffold, release, README walkthroughs): each
// step needs the one before, so after a failure the later steps fail at once,
// naming the step that broke, instead of running on a half-made repo.
import { it } from 'vitest';

/** A `step(name, body, timeout?)` for one sequence (call once per describe). */
export function sequence(defaultTimeout = 300_000) {
  let failed: string | undefined;
  return (name: string, body: () => Promise<void> | void, timeout = defaultTimeout) =>
    it(
      name,
      async () => {
        if (failed) throw new Error(`not run: the step "${failed}" failed`);
        try {
          await body();
        } catch (error) {
          failed = name;
          throw error;
        }
      },
      timeout,
    );
}
