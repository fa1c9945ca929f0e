// credstat/retryable-safe: `x-credstat-retryable` (the API documents this
// status as "retry later", so the client retries it) marks only responses of
// operations that are safe to repeat: a GET, or an operation whose
// `x-credstat-idempotent` gives the reason repeating it is safe. This is the
// generator's own predicate (`isSafeToRepeat` and `isRetryable` in
// tools/generator/extensions.ts, used by descriptor.ts), so lint refuses what
// `pnpm generate` would.
//
// A response counts as marked whether the mark is on the response where it is
// written (often a shared file under components/responses) or next to the
// `$ref` an operation uses it by. Reported at that operation's response
// (`responses.<status>`), in the operation's file: the same shared response
// may be fine for a GET and wrong for a POST. A reason that is too short
// counts as none (and credstat/known-extensions reports it).
import type { Oas3Rule } from '@redocly/openapi-core';
import { isRetryable, isSafeToRepeat } from '../../generator/extensions.ts';
import { isObject, type Node, operationName, resolveAt } from '../support.ts';

export const retryableSafe: Oas3Rule = () => ({
  Operation(node, { key, location, resolve, report }) {
    const operation = node as unknown as Node;
    const method = String(key).toUpperCase();
    if (isSafeToRepeat(method, operation['x-credstat-idempotent'])) return;
    if (!isObject(operation.responses)) return;
    const name = operationName(operation, key);
    for (const [status, raw] of Object.entries(operation.responses)) {
      const at = location.child(['responses', status]);
      if (!isRetryable(raw, resolveAt(raw, at, resolve)?.node)) continue;
      report({
        message: `${name}: response ${status} is x-credstat-retryable, but ${method} is not safe to repeat; mark the operation x-credstat-idempotent with the reason, or drop the mark.`,
        location: at.key(),
      });
    }
  },
});
