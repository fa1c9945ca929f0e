// credstat/security-declared: every operation says who may call it, and says
// it in a way the generated client can act on.
//
// - Declared: the operation has a `security` of its own, or the spec has a
//   top-level `security`. `security: []` (either place) is a declaration too:
//   "no credential", as for a public endpoint. An operation with neither is
//   reported at the operation: a client would otherwise guess.
// - Usable: a declared requirement goes through the generator's own
//   `operationAuth` (tools/generator/auth.ts), so what `pnpm generate` refuses
//   is reported here: a scheme the runtime cannot send (only an API key in a
//   header and HTTP bearer are), schemes combined in one requirement, or
//   alternatives. A requirement naming a scheme that is not declared is left
//   to Redocly's `security-defined`. The problem is reported at the
//   `security` that holds it: the operation's own, or the top-level one
//   (once, and only if some operation inherits it, as only then would
//   generation use it).
import type { Location, Oas3Rule } from '@redocly/openapi-core';
import { operationAuth } from '../../generator/auth.ts';
import type { OpenApiDocument, OperationObject, SecurityScheme } from '../../generator/openapi.ts';
import { isObject, type Node, operationName, resolveAt } from '../support.ts';

type Requirements = Record<string, string[]>[];

export const securityDeclared: Oas3Rule = () => {
  let rootSecurity: Requirements | undefined;
  /** The top-level security's problem, reported once an operation inherits it. */
  let rootProblem: { message: string; location: Location } | undefined;
  const schemes: Record<string, SecurityScheme> = {};

  /** The generator's verdict on a requirement list, or undefined when it can be sent. */
  const refusal = (security: Requirements, where: string): string | undefined => {
    if (!security.every((r) => isObject(r) && Object.keys(r).every((name) => name in schemes))) {
      return undefined;
    }
    const document: OpenApiDocument = {
      openapi: '3.1.0',
      components: { securitySchemes: schemes },
    };
    try {
      operationAuth(document, { security } as OperationObject, where);
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  };

  return {
    Root: {
      enter(node, { location, resolve }) {
        const document = node as unknown as Node;
        const components = document.components;
        const named = isObject(components) ? components.securitySchemes : undefined;
        if (isObject(named)) {
          const at = location.child(['components', 'securitySchemes']);
          for (const [name, raw] of Object.entries(named)) {
            const scheme = resolveAt(raw, at.child([name]), resolve)?.node;
            if (isObject(scheme)) schemes[name] = scheme as unknown as SecurityScheme;
          }
        }
        if (!Array.isArray(document.security)) return;
        rootSecurity = document.security as Requirements;
        const message = refusal(rootSecurity, 'the top-level security');
        if (message) rootProblem = { message, location: location.child(['security']).key() };
      },
    },
    Operation(node, { key, location, report }) {
      const operation = node as unknown as Node;
      const name = operationName(operation, key);
      if (Array.isArray(operation.security)) {
        const problem = refusal(operation.security as Requirements, `${name} security`);
        if (problem) report({ message: problem, location: location.child(['security']).key() });
        return;
      }
      if (rootSecurity) {
        if (rootProblem) report(rootProblem);
        rootProblem = undefined;
        return;
      }
      report({
        message: `${name} declares no security, and the spec has no top-level \`security\`: add the requirement it needs, or \`security: []\` if it takes no credential.`,
        location: location.key(),
      });
    },
  };
};
