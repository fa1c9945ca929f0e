// The README's examples are the files in examples/; each runs here against the
// spec's own example response.
import { join } from 'node:path';
import { api } from '@credstat/fortid-issuer';
import * as kit from '@credstat/tools/testing';
import { describe, expect, it, vi } from 'vitest';

kit.describeReadmeExamples(join(import.meta.dirname, '../README.md'));
// Also restores stubs, mocks and modules after every test of this file.
kit.describeUsageExample({ api, load: () => import('../examples/usage.ts') });

const fixtures = join(import.meta.dirname, '../../../specs/fortid-issuer/fixtures');
const EXAMPLE_URL =
  'https://eis.fortid.com/control/issuer/fortid_issuer/get-session-status/497f6eca-6276-4993-bfeb-53cbbbba6f08';
/** A recorded answer, addressed to the session the examples read. */
const recorded = (file: string) => kit.withUrl(kit.fixtureEntry(fixtures, file), EXAMPLE_URL);

describe('README examples run', () => {
  it.each([
    [
      '200-in-progress.har',
      '200-issuance-failed.har',
      ['not issued:', 'Obtained invalid proof from wallet (signature verification failed).'],
    ],
    ['200-in-progress.har', '200-issuance-succeeded.har', ['issued']],
    [
      '200-in-progress.har',
      '410-session-expired.har',
      ['the wallet never finished; start a new issuance'],
    ],
  ])('waiting example: %s then %s', async (first, then, line) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const fetch = vi.fn(kit.replayFetch(recorded(first), recorded(then)));
      vi.stubGlobal('fetch', fetch);
      vi.stubEnv('FORTID_ISSUER_API_KEY', 'example-credential');
      const log = vi.spyOn(console, 'log').mockImplementation(() => {});
      await kit.runUnderFakeTimers(() => import('../examples/waiting.ts'));
      expect(fetch).toHaveBeenCalledTimes(2);
      expect(log.mock.calls).toEqual([line]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('validate example accepts the spec example', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await import('../examples/validate.ts');
    expect(log.mock.calls).toEqual([['valid']]);
  });
});
