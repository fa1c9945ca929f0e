// The operation layer of an API package, from its spec: one typed function per
// operation (named by its operationId), its documented-error type and guard,
// and for each wait of an `x-credstat-session`, its states, terminal type and
// `waitFor…` function. The naming rule lives here and in the README:
//
//   operation `op`  → op(), OpError, isOpError()
//   session `name`  → NameStatus (the operation's success body)
//   wait `w`        → wStates, TerminalWStatus, waitForW(), and waits.w
import { listOperations, type OpenApiDocument, parametersOf } from './openapi.ts';
import type { SessionData } from './session.ts';
import { sessionOf } from './session.ts';

export const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** Argument keys the operation layer keeps for itself beside the path parameters. */
const RESERVED = ['query', 'body'];

export interface OperationNames {
  fn: string;
  errorType: string;
  guard: string;
}

export function operationNames(operationId: string): OperationNames {
  const type = pascal(operationId);
  return { fn: operationId, errorType: `${type}Error`, guard: `is${type}Error` };
}

function docLine(text: string | undefined): string {
  return (text ?? '').replace(/\*\//g, '*\\/').replace(/\s+/g, ' ').trim();
}

export function emitOperations(document: OpenApiDocument, specPath: string): string {
  const lines: string[] = [];
  const sessions: SessionData[] = [];
  const taken = new Set<string>();
  const claim = (name: string, where: string) => {
    if (taken.has(name)) throw new Error(`${specPath}: ${where} makes the name ${name} twice`);
    taken.add(name);
  };
  for (const entry of listOperations(document)) {
    const { operationId, method, path, operation } = entry;
    for (const parameter of parametersOf(document, entry)) {
      if (parameter.in === 'path' && RESERVED.includes(parameter.name)) {
        throw new Error(
          `${specPath}: ${operationId} has a path parameter named "${parameter.name}", which the operation layer uses for the ${parameter.name}`,
        );
      }
    }
    const names = operationNames(operationId);
    for (const name of Object.values(names)) claim(name, operationId);
    const op = `operations['${operationId}']`;
    lines.push(
      `/** \`${method} ${path}\`${operation.summary ? `: ${docLine(operation.summary)}` : ''}. */`,
      `export function ${names.fn}(`,
      '  client: Client<paths>,',
      `  args: OperationArgs<${op}>,`,
      '  init?: CallInit,',
      `): Promise<SuccessBody<${op}>> {`,
      `  return callOperation(client, api.operations.${operationId}, args, init);`,
      '}',
      '',
      `/** A documented error of ${operationId}: narrow \`body\` with \`hasStatus()\`. */`,
      `export type ${names.errorType} = ApiError<DocumentedError<${op}>>;`,
      '',
      `export function ${names.guard}(error: unknown): error is ${names.errorType} {`,
      `  return isApiErrorOf(error, '${operationId}');`,
      '}',
      '',
    );
    const session = sessionOf(document, entry, specPath);
    if (session) sessions.push(session);
  }
  for (const session of sessions) {
    const op = `operations['${session.operationId}']`;
    const status = `${pascal(session.name)}Status`;
    claim(status, `x-credstat-session ${session.name}`);
    lines.push(
      `/** A body of ${session.operationId}: the session's status, \`${session.field}\`. */`,
      `export type ${status} = SuccessBody<${op}>;`,
      '',
    );
    for (const wait of session.waits) {
      const states = `${wait.name}States`;
      const terminal = `Terminal${pascal(wait.name)}Status`;
      const waitFor = `waitFor${pascal(wait.name)}`;
      for (const name of [states, terminal, waitFor]) claim(name, `wait ${wait.name}`);
      const data = {
        operationId: session.operationId,
        field: session.field,
        pending: wait.pending,
        terminal: wait.terminal,
        expired: session.expired,
        gone: session.gone,
      };
      lines.push(
        `/** The statuses of the "${wait.name}" wait: which keep it going and which end it. */`,
        `export const ${states} = ${JSON.stringify(data, null, 2)} as const;`,
        '',
        `export type ${terminal} = WithStatus<`,
        `  ${status},`,
        `  '${session.field}',`,
        `  (typeof ${states}.terminal)[number]`,
        '>;',
        '',
        `/** Polls ${session.operationId} until ${wait.terminal.join(' or ')}. */`,
        `export function ${waitFor}(`,
        '  client: Client<paths>,',
        `  args: OperationArgs<${op}>,`,
        `  options?: PollOptions<${status}>,`,
        `): Promise<${terminal}> {`,
        '  return pollSession(',
        '    api,',
        `    ${states},`,
        `    (signal) => ${session.operationId}(client, args, { signal, baseUrl: options?.baseUrl }),`,
        '    options,',
        '  );',
        '}',
        '',
      );
    }
  }
  {
    const entries = sessions.flatMap((session) =>
      session.waits.map(
        (wait) =>
          `  ${wait.name}: { states: ${wait.name}States, wait: waitFor${pascal(wait.name)} },`,
      ),
    );
    lines.push(
      '/** Every wait of this API, by name (the test kit runs each on the fixtures). */',
      'export const waits = {',
      ...entries,
      '} as const;',
      '',
    );
    claim('waits', 'the waits map');
  }
  const coreImports = [
    'type ApiError',
    'type CallInit',
    'callOperation',
    'type DocumentedError',
    'isApiErrorOf',
    'type OperationArgs',
    ...(sessions.length > 0 ? ['type PollOptions', 'pollSession'] : []),
    'type SuccessBody',
    ...(sessions.length > 0 ? ['type WithStatus'] : []),
  ];
  return [
    `import { ${coreImports.join(', ')} } from '@credstat/core';`,
    "import type { Client } from 'openapi-fetch';",
    "import { api } from './api.gen.js';",
    "import type { operations, paths } from './types.gen.js';",
    '',
    ...lines,
  ].join('\n');
}
