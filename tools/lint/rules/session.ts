// credstat/session: an operation's `x-credstat-session` is one the generator
// accepts. It runs the generator's own check (`sessionOf` in
// tools/generator/session.ts) on the operation as bundling would give it to
// the generator, so an author sees in `redocly lint`, while editing, what
// `pnpm generate` would refuse: a name or wait that is not a camelCase
// identifier, no waits, no JSON success body or no enum for `field` in it, an
// `expired`/`gone` status the operation does not document, and each wait
// matched against the enum in both directions (a value the enum lacks, an
// enum value no wait lists, a value both pending and terminal, no terminal).
//
// It reports at the operation's `x-credstat-session`, in the file the
// operation is written in. A value of the wrong shape is left to
// credstat/known-extensions.
import type { Oas3Rule } from '@redocly/openapi-core';
import { sessionShapeProblems } from '../../generator/extensions.ts';
import type { OperationObject } from '../../generator/openapi.ts';
import { sessionOf } from '../../generator/session.ts';
import { dereference, type Node, operationName } from '../support.ts';

const EXTENSION = 'x-credstat-session';
/** sessionOf names the spec file first; the lint report already shows it. */
const FILE = '<spec>';

export const session: Oas3Rule = () => ({
  Operation(node, { key, location, resolve, report }) {
    const operation = node as unknown as Node;
    const extension = operation[EXTENSION];
    if (extension === undefined || sessionShapeProblems(extension).length > 0) return;
    const operationId = operationName(operation, key);
    // Only what sessionOf reads, with its $refs followed across files.
    let unresolved = false;
    const following: typeof resolve = (ref, from) => {
      const target = resolve(ref, from);
      if (!target.location) unresolved = true;
      return target;
    };
    const responses = dereference(operation.responses, location.source.absoluteRef, following);
    // A broken $ref is no-unresolved-refs' to report: judged on half a spec,
    // the session would only get a misleading second message.
    if (unresolved) return;
    const read = { [EXTENSION]: extension, responses } as OperationObject;
    const entry = {
      operationId,
      method: String(key).toUpperCase(),
      path: '',
      operation: read,
      pathParameters: [],
      server: undefined,
    };
    try {
      sessionOf({ openapi: '3.1.0' }, entry, FILE);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      report({
        message: message.startsWith(`${FILE}: `) ? message.slice(FILE.length + 2) : message,
        location: location.child([EXTENSION]).key(),
      });
    }
  },
});
