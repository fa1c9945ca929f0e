// Clients under faults: a local server answers every operation of every API
// with each fault of the catalogue (faults/catalogue.ts), through the default
// fetch transport and the undici one, and through every `waitFor…` helper
// (through fetch).
// Each case must end in a typed error that fits (status kept) or a value the
// package's validateResponse accepts, with nothing uncaught and nothing left
// behind; the other origin a redirect names must never see a credential.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue, type Fault } from '../faults/catalogue.js';
import { type CaseResult, runCase, type TransportName } from '../faults/driver.js';
import { OPERATIONS, SECRETS, WAITS } from '../faults/operations.js';
import { none } from '../faults/resources.js';
import {
  type FaultServer,
  type OtherOrigin,
  startFaultServer,
  startOtherOrigin,
} from '../faults/server.js';
import { reportFigures } from '../lib/figures.js';

const TRANSPORT_NAMES: TransportName[] = ['fetch', 'undici'];
/** Faults a wait gets: the ordinary ones (slow, redirect and 10 MB faults are the operation's own cases). */
const forWaits = (fault: Fault) =>
  (fault.expect.type === 'answer' || fault.expect.type === 'broken-body') &&
  !fault.name.startsWith('big-');

let server: FaultServer;
let other: OtherOrigin;
const results: CaseResult[] = [];
const faultsPerOperation = new Map<string, number>();
const uncaught: unknown[] = [];
const onUncaught = (error: unknown) => uncaught.push(error);
// One long-lived caller signal for every call: it must hold no listener after a case.
const caller = new AbortController();

beforeAll(async () => {
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);
  other = await startOtherOrigin(SECRETS);
  server = await startFaultServer(() => other.url);
});

afterAll(async () => {
  process.off('uncaughtException', onUncaught);
  process.off('unhandledRejection', onUncaught);
  await server?.close();
  await other?.close();
  const threw = results.filter((r) => r.outcome !== 'data');
  const received = results.filter((r) => r.statusReceived);
  const sum = (key: 'timers' | 'sockets' | 'listeners') =>
    results.reduce((n, r) => n + r.leaks[key], 0);
  reportFigures('faults', 3, [
    {
      label: 'operations covered (every API)',
      value: `${faultsPerOperation.size}/${OPERATIONS.length}`,
    },
    {
      label: 'malformed responses per operation (min)',
      value: Math.min(...faultsPerOperation.values()),
    },
    {
      label: 'cases (operations through fetch and undici, waits through fetch)',
      value: results.length,
    },
    { label: 'uncaught exceptions or unhandled rejections', value: uncaught.length },
    {
      label: 'unvalidated values reaching the caller',
      value: results.filter((r) => r.unvalidated).length,
    },
    {
      label: 'typed errors',
      value: `${threw.filter((r) => r.outcome === 'typed').length}/${threw.length}`,
    },
    {
      label: 'HTTP status kept where received',
      value: `${received.filter((r) => r.statusKept).length}/${received.length}`,
    },
    { label: 'timers left after a case', value: sum('timers') },
    { label: 'sockets left after a case', value: sum('sockets') },
    { label: 'listeners left after a case', value: sum('listeners') },
    { label: 'credentials sent to another origin', value: other.seen().withSecret },
  ]);
});

async function runAll(name: string, cases: () => AsyncGenerator<CaseResult>) {
  const problems: string[] = [];
  for await (const result of cases()) {
    results.push(result);
    for (const problem of result.problems) problems.push(`${result.name}: ${problem}`);
    // A leaking case waited out the settle time: the next would too. Stop here.
    if (!none(result.leaks)) break;
  }
  expect(problems, name).toEqual([]);
}

describe.each(TRANSPORT_NAMES)('through the %s transport', (transport) => {
  it.each(OPERATIONS.map((op) => [op.name, op] as const))(
    '%s holds under every fault',
    async (_name, op) => {
      const faults = catalogue(op.documented, () => other.url);
      faultsPerOperation.set(op.name, faults.length);
      await runAll(op.name, async function* () {
        for (const fault of faults)
          yield await runCase(op, fault, { server, transport, signal: caller.signal });
      });
      expect(uncaught).toEqual([]);
    },
  );
});

// The waits poll through the same attempts as the operations above; the
// default transport is enough for them (the undici one would double the time).
describe('through the fetch transport, every waitFor… helper', () => {
  const transport: TransportName = 'fetch';
  it.each(WAITS.map((w) => [w.name, w] as const))(
    '%s holds under every fault',
    async (_name, wait) => {
      const faults = catalogue(wait.operation.documented, () => other.url).filter(forWaits);
      await runAll(wait.name, async function* () {
        for (const fault of faults)
          yield await runCase(
            wait.operation,
            fault,
            { server, transport, signal: caller.signal },
            wait,
          );
      });
      expect(uncaught).toEqual([]);
    },
  );
});

it('sent nothing to another origin', () => {
  expect(other.seen()).toEqual({ requests: 0, withSecret: 0 });
});
