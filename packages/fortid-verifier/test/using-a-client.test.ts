// The root README's "Using a client" examples: shown as they are, and run
// against recorded responses (fake timers where they wait).
import { join } from 'node:path';
import { describeReadmeExamples, replayFetch, runUnderFakeTimers } from '@credstat/tools/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recorded } from './fixtures.js';

describeReadmeExamples(join(import.meta.dirname, '../../../README.md'));

const EXPIRED_ID = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const html502 = {
  ...recorded('500-internal-error.har'),
  response: {
    ...recorded('500-internal-error.har').response,
    status: 502,
    statusText: 'Bad Gateway',
    headers: [{ name: 'Content-Type', value: 'text/html' }],
    content: { size: 20, mimeType: 'text/html', text: '<h1>Bad Gateway</h1>' },
  },
};

/** Imports an example and moves the fake clock until it has finished. */
const finish = (example: string) => runUnderFakeTimers(() => import(`../examples/${example}`));

async function run(example: string, ...answers: Parameters<typeof replayFetch>) {
  const fetch = vi.fn(replayFetch(...answers));
  vi.stubGlobal('fetch', fetch);
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  await finish(example);
  return { fetch, lines: log.mock.calls };
}

describe('Using a client examples', () => {
  beforeEach(() => {
    vi.resetModules();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.stubEnv('FORTID_API_KEY', 'example-key');
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('errors.ts: a documented 410 is typed', async () => {
    const { lines } = await run('errors.ts', recorded('410-session-expired.har', EXPIRED_ID));
    expect(lines).toEqual([['expired:', 'Verification Session expired']]);
  });

  it('errors.ts: a proxy HTML 502 is an unexpected status after its retries', async () => {
    const { lines, fetch } = await run('errors.ts', {
      ...html502,
      request: recorded('410-session-expired.har', EXPIRED_ID).request,
    });
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(lines).toEqual([['undocumented 502: <h1>Bad Gateway</h1>']]);
  });

  it('errors.ts: any other kind falls through to its generic line', async () => {
    const refused = vi.fn(async () => {
      throw new TypeError('connect ECONNREFUSED 127.0.0.1:9');
    });
    vi.stubGlobal('fetch', refused);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await finish('errors.ts');
    expect(refused).toHaveBeenCalledTimes(3);
    expect(log.mock.calls).toEqual([
      [
        `network after 3 attempt(s): getVerificationSessionStatus (GET https://evs.fortid.com/verification-session/status/1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f) failed: connect ECONNREFUSED 127.0.0.1:9`,
      ],
    ]);
  });

  it('errors-as-values.ts: a documented error resolves as { error }', async () => {
    const { lines } = await run(
      'errors-as-values.ts',
      recorded('404-session-not-found.har', EXPIRED_ID),
    );
    expect(lines).toEqual([['failed with', 404, 'Verification Session not found']]);
  });

  it('timeouts.ts: each attempt times out, then TimeoutError', async () => {
    const never = vi.fn(
      (_url: string, init: RequestInit) =>
        new Promise<Response>((_resolve, reject) =>
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        ),
    );
    vi.stubGlobal('fetch', never);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await finish('timeouts.ts');
    expect(never).toHaveBeenCalledTimes(3);
    expect(log.mock.calls).toEqual([['no answer within 2000 ms, 3 attempts']]);
  });

  it('retries.ts: a 503 then a 200', async () => {
    const busy = {
      ...html502,
      response: { ...html502.response, status: 503, statusText: 'Service Unavailable' },
    };
    const { lines, fetch } = await run('retries.ts', busy, recorded('200-in-progress.har'));
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(lines).toEqual([
      ['getVerificationSessionStatus: attempt 1 failed (503), retrying in 250 ms'],
      ['status:', 'IN_PROGRESS'],
    ]);
  });

  it('polling.ts: IN_PROGRESS twice, then the claims', async () => {
    const inProgress = recorded('200-in-progress.har');
    const succeeded = recorded('200-verification-succeeded.har');
    const { lines, fetch } = await run('polling.ts', inProgress, inProgress, succeeded);
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(lines).toEqual([
      ['now:', 'IN_PROGRESS'],
      ['now:', 'VERIFICATION_SUCCEEDED'],
      ['claims:', JSON.parse(succeeded.response.content.text ?? '').presentedClaims],
    ]);
  });

  it('polling.ts: a session that expires', async () => {
    const { lines } = await run(
      'polling.ts',
      recorded('200-in-progress.har'),
      recorded('410-session-expired.har'),
    );
    expect(lines).toEqual([
      ['now:', 'IN_PROGRESS'],
      ['the wallet never answered; start a new session'],
    ]);
  });
});
