// Runs one case (an operation, a fault, a transport) and judges it: a typed
// error of core's family whose kind fits what the client heard, with the HTTP
// status kept wherever one arrived, or a value the package's validateResponse
// accepts; nothing uncaught; nothing left behind.
import { setTimeout as sleep } from 'node:timers/promises';
import { type ClientOptions, isCredstatError, type Transport } from '@credstat/core';
import { undiciTransport } from '@credstat/core/undici';
import type { Expect, Fault } from './catalogue.js';
import { type FaultOperation, type FaultWait, TOKEN } from './operations.js';
import { countResources, leaked, none, type Resources } from './resources.js';
import type { FaultServer } from './server.js';

export type TransportName = 'fetch' | 'undici';

export const TRANSPORTS: Record<TransportName, () => Transport | undefined> = {
  fetch: () => undefined, // the default: globalThis.fetch
  undici: () => undiciTransport(),
};

/** Small retries, so 429/503/5xx and Retry-After are exercised but cost little. */
const RETRY = { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 50 };
/** Generous for ordinary faults (a 10 MB body on a loaded machine); slow faults set their own. */
const TIMEOUT_MS = 10_000;
/** How long a case may take to give back its sockets, timers and listeners. */
const SETTLE_MS = 2_000;

export interface CaseResult {
  name: string;
  /** 'data': resolved; 'typed': a credstat error; 'untyped': anything else thrown. */
  outcome: 'data' | 'typed' | 'untyped';
  /** What is wrong with the case; empty when it holds. */
  problems: string[];
  /** An HTTP status reached the client, and the error (if any) kept it. */
  statusReceived: boolean;
  statusKept: boolean;
  /** A resolved value the package's validateResponse rejects. */
  unvalidated: boolean;
  leaks: Resources;
}

export interface CaseEnv {
  server: FaultServer;
  transport: TransportName;
  /** The long-lived caller signal every call gets: it must end each case with no listener. */
  signal: AbortSignal;
}

function documents(op: FaultOperation, status: number): boolean {
  return op.documented.includes(status);
}

/** The error kinds that fit what the client heard. */
function fittingKinds(op: FaultOperation, expect: Expect, wait: boolean): string[] {
  switch (expect.type) {
    case 'answer': {
      if (!documents(op, expect.status)) return ['unexpected-status'];
      if (expect.status < 400) return ['invalid-response'];
      return wait
        ? ['api', 'invalid-response', 'session-expired', 'session-not-found']
        : ['api', 'invalid-response'];
    }
    case 'broken-body':
      return ['invalid-response'];
    case 'no-answer':
      return ['network'];
    case 'timeout':
      return ['timeout'];
    case 'redirect':
      return ['redirect'];
  }
}

function receivedStatus(expect: Expect): number | undefined {
  return 'status' in expect ? expect.status : undefined;
}

/** The status an error holds: its own, or (for a session error) its ApiError cause's. */
function statusOf(error: unknown): number | undefined {
  const own = (error as { status?: unknown }).status;
  if (typeof own === 'number') return own;
  const cause = (error as { cause?: { status?: unknown } }).cause?.status;
  return typeof cause === 'number' ? cause : undefined;
}

function clientOptions(op: FaultOperation, fault: Fault, transport: TransportName): ClientOptions {
  const { token, ...rest } = fault.client ?? {};
  const options: ClientOptions & { token?: unknown } = {
    retry: RETRY,
    timeoutMs: TIMEOUT_MS,
    transport: TRANSPORTS[transport](),
    ...rest,
  };
  // A token function where the API takes a token: a 401 makes it refresh once.
  if (token === 'function' && op.credential === 'token') options.token = () => TOKEN;
  return options;
}

/** Waits until the case gave back what it took, or SETTLE_MS passed. */
async function settle(env: CaseEnv, before: Resources): Promise<Resources> {
  const deadline = Date.now() + SETTLE_MS;
  for (let turn = 0; ; turn += 1) {
    // fetch's keep-alive pool is Node's global one, not the client's to close:
    // its idle connections are the server's to end. The undici transport's
    // own Agent must give its sockets back on close(), unhelped.
    if (env.transport === 'fetch' && env.server.openConnections() > 0) env.server.closeIdle();
    // A few event-loop turns first (no timer of ours to count), then short sleeps.
    if (turn < 20) await new Promise((resolve) => setImmediate(resolve));
    else await sleep(2);
    const left = leaked(before, countResources(env.signal));
    if ((none(left) && env.server.openConnections() === 0) || Date.now() > deadline) {
      return { ...left, sockets: Math.max(left.sockets, env.server.openConnections()) };
    }
  }
}

export async function runCase(
  op: FaultOperation,
  fault: Fault,
  env: CaseEnv,
  wait?: FaultWait,
): Promise<CaseResult> {
  const name = `${env.transport} ${wait?.name ?? op.name}: ${fault.name}`;
  const before = countResources(env.signal);
  env.server.use(fault);
  const client = op.client(env.server.url, clientOptions(op, fault, env.transport));
  let value: unknown;
  let error: unknown;
  let threw = false;
  try {
    value = wait
      ? await wait.wait(client, env.server.url, { signal: env.signal })
      : await op.call(client, env.server.url, { signal: env.signal });
  } catch (caught) {
    threw = true;
    error = caught;
  }
  await client.close();
  const leaks = await settle(env, before);
  return judge(name, op, fault, { threw, value, error }, leaks, wait !== undefined);
}

function judge(
  name: string,
  op: FaultOperation,
  fault: Fault,
  result: { threw: boolean; value: unknown; error: unknown },
  leaks: Resources,
  wait: boolean,
): CaseResult {
  const problems: string[] = [];
  const { expect } = fault;
  const status = receivedStatus(expect);
  let outcome: CaseResult['outcome'] = 'data';
  let unvalidated = false;
  let statusKept = false;
  if (!result.threw) {
    // Only a documented success may resolve, and only with a value its schema accepts.
    const fits = expect.type === 'answer' && documents(op, expect.status) && expect.status < 300;
    const checked = status === undefined ? undefined : op.validate(status, result.value);
    unvalidated = !checked?.ok;
    if (unvalidated) problems.push(`resolved with a value validateResponse rejects`);
    else if (!fits) problems.push(`resolved where an error was due`);
    statusKept = true;
  } else if (!isCredstatError(result.error)) {
    outcome = 'untyped';
    const error = result.error as Error;
    problems.push(`untyped ${error?.name}: ${String(error?.message).slice(0, 200)}`);
  } else {
    outcome = 'typed';
    const error = result.error;
    const kinds = fittingKinds(op, expect, wait);
    if (!kinds.includes(error.kind))
      problems.push(`kind ${error.kind}, expected ${kinds.join('|')}`);
    statusKept = status === undefined || statusOf(error) === status;
    if (!statusKept) problems.push(`status ${statusOf(error)} kept, ${status} received`);
    if (
      expect.type === 'redirect' &&
      error.kind === 'redirect' &&
      error.crossOrigin !== expect.crossOrigin
    )
      problems.push(`crossOrigin ${error.crossOrigin}, expected ${expect.crossOrigin}`);
    // A 10 MB body must not end up in a message or preview.
    if (error.message.length > 4_096) problems.push(`message of ${error.message.length} chars`);
    const preview = (error as { bodyPreview?: unknown }).bodyPreview;
    if (typeof preview === 'string' && preview.length > 1_024)
      problems.push(`bodyPreview of ${preview.length} chars`);
  }
  if (({} as { polluted?: unknown }).polluted !== undefined)
    problems.push('Object.prototype polluted');
  if (!none(leaks)) problems.push(`left ${JSON.stringify(leaks)}`);
  return {
    name,
    outcome,
    problems,
    statusReceived: status !== undefined,
    statusKept,
    unvalidated,
    leaks,
  };
}
