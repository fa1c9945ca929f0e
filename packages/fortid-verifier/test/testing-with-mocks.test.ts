// The root README's "Testing against a mock" examples, run as they are shown
// (using-a-client.test.ts checks that the README shows these files unchanged).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recorded } from './fixtures.js';

const body = (file: string) => JSON.parse(recorded(file).response.content.text ?? '');

async function printed(example: string): Promise<unknown[][]> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  await import(`../examples/${example}`);
  return log.mock.calls;
}

describe('Testing against a mock examples', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('the fetch mock walks a session to its scenario’s terminal status', async () => {
    expect(await printed('mock-fetch.ts')).toEqual([
      [body('200-verification-failed.har').verificationSessionStatus],
    ]);
  });

  it('the msw handlers answer an override and a scenario chosen per request', async () => {
    expect(await printed('mock-msw.ts')).toEqual([
      ['Verification session expired'],
      ['status:', recorded('500-internal-error.har').response.status],
    ]);
  });
});
