// Every wait a package generates, run on the package's own recorded fixtures:
// from a pending status to each terminal one, and to the expired and gone
// errors its spec declares. Nothing here knows one API.
import type { ApiDescriptor, SessionStates } from '@credstat/core';
import { SessionExpiredError, SessionNotFoundError } from '@credstat/core';
import { describe, expect, it } from 'vitest';
import { type Exchange, recordedExchanges } from './exchanges.ts';
import { replayFetch, withUrl } from './replay.ts';

type States = SessionStates<string, string, string>;
// biome-ignore lint/suspicious/noExplicitAny: any package's client and arguments
type AnyWait = (client: any, args: any, options: object) => Promise<unknown>;

export interface WaitsOptions {
  api: ApiDescriptor;
  /** A client of the package that sends with `fetch` (credential and retries set). */
  createClient: (options: {
    fetch: (url: string, init?: RequestInit) => Promise<Response>;
  }) => unknown;
  /** Each generated wait: its `…States` and its `waitFor…` function. */
  waits: Record<string, { states: States; wait: AnyWait }>;
}

const fast = { intervalMs: 1, maxIntervalMs: 1 };

export function describeSessionWaits(options: WaitsOptions): void {
  if (Object.keys(options.waits).length === 0) return; // an API without sessions
  const accepted = recordedExchanges(options.api).filter((exchange) => !exchange.fixture.rejected);

  describe.each(Object.entries(options.waits))('%s', (_name, { states, wait }) => {
    const ofSession = accepted.filter((exchange) => exchange.operationId === states.operationId);
    const statusOf = (exchange: Exchange) =>
      exchange.status < 300 ? (exchange.body as Record<string, unknown>)[states.field] : undefined;
    const withStatus = (values: readonly string[]) =>
      ofSession.filter((exchange) => values.includes(statusOf(exchange) as string));
    const [start] = withStatus(states.pending);

    /** Replays `first` then `then` at one URL, and waits with `first`'s arguments. */
    const run = (first: Exchange, then?: Exchange) => {
      const entries = then
        ? [first.entry, withUrl(then.entry, first.entry.request.url)]
        : [first.entry];
      const fetch = replayFetch(...entries);
      const client = options.createClient({ fetch });
      return { fetch, result: wait(client, { ...first.pathParams }, fast) };
    };

    it('has a fixture for every pending and terminal status', () => {
      const seen = new Set(ofSession.map(statusOf));
      expect([...states.pending, ...states.terminal].filter((status) => !seen.has(status))).toEqual(
        [],
      );
    });

    it.each(withStatus(states.terminal).map((end) => [statusOf(end), end] as const))(
      'from a pending status, ends on %s with its body',
      async (_status, end) => {
        if (!start) throw new Error(`no fixture with a pending ${states.field}`);
        const { fetch, result } = run(start, end);
        expect(await result).toEqual(end.body);
        expect(fetch.sent).toHaveLength(2);
      },
    );

    const endings = [
      ...(states.expired ?? []).map(
        (status) => [status, 'SessionExpiredError', SessionExpiredError] as const,
      ),
      ...(states.gone ?? []).map(
        (status) => [status, 'SessionNotFoundError', SessionNotFoundError] as const,
      ),
    ];
    it.each(endings)('a %i ends it with %s', async (status, _name, ErrorClass) => {
      const answer = ofSession.find((exchange) => exchange.status === status);
      if (!start || !answer) throw new Error(`no fixture for a pending status or for ${status}`);
      const { fetch, result } = run(start, answer);
      const error = await result.catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toMatchObject({ cause: { status, body: answer.body } });
      expect(fetch.sent).toHaveLength(2);
    });
  });
}
