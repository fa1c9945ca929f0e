// The README's examples are the files in examples/; each runs here against the
// spec's own example response.
import { join } from 'node:path';
import { api } from '@credstat/fortid-wallet';
import * as kit from '@credstat/tools/testing';
import { describe, expect, it, vi } from 'vitest';

kit.describeReadmeExamples(join(import.meta.dirname, '../README.md'));
// Also restores stubs, mocks and modules after every test of this file.
kit.describeUsageExample({ api, load: () => import('../examples/usage.ts') });

const fixtures = join(import.meta.dirname, '../../../specs/fortid-wallet/fixtures');
/** The examples read the session of the recorded 200s. */
const recorded = (file: string) => kit.fixtureEntry(fixtures, file);

describe('README examples run', () => {
  it.each([
    [
      '200-consent-request-ready.har',
      [['Verifier-Service asks for my_credential (dc+sd-jwt):', ['vct']]],
    ],
    [
      '200-consent-request-ready-credential-sets.har',
      [
        [
          'Verifier-Service asks for pid (dc+sd-jwt):',
          ['family_name', 'postal_code', 'locality', 'region', 'date_of_birth'],
        ],
        [
          'Verifier-Service asks for other_pid (dc+sd-jwt):',
          ['given_name', 'family_name', 'address.street_address'],
        ],
        [
          'Verifier-Service asks for pid_reduced_cred_1 (dc+sd-jwt):',
          ['family_name', 'given_name'],
        ],
        [
          'Verifier-Service asks for pid_reduced_cred_2 (dc+sd-jwt):',
          ['postal_code', 'locality', 'region'],
        ],
        ['Verifier-Service asks for nice_to_have (dc+sd-jwt):', ['rewards_number']],
      ],
    ],
    ['200-verify-succeeded.har', [['verification already ended:', 'VERIFY_SUCCEEDED']]],
  ])('consent example: IN_PROGRESS, then %s', async (then, lines) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const fetch = vi.fn(kit.replayFetch(recorded('200-in-progress.har'), recorded(then)));
      vi.stubGlobal('fetch', fetch);
      vi.stubEnv('FORTID_WALLET_TOKEN', 'example-credential');
      const log = vi.spyOn(console, 'log').mockImplementation(() => {});
      await kit.runUnderFakeTimers(() => import('../examples/consent.ts'));
      expect(fetch).toHaveBeenCalledTimes(2);
      expect(log.mock.calls).toEqual(lines);
    } finally {
      vi.useRealTimers();
    }
  });

  it.each([
    [
      // meta {} asks for no particular vct, so the held credential answers it.
      '200-consent-request-ready.har',
      [
        ['my_credential: held credential 0 would disclose', ['vct']],
        ['the request can be answered'],
      ],
    ],
    [
      // pid's second claim set (family_name, postal_code, date_of_birth) is met;
      // the optional nice_to_have set is not, which the request allows.
      '200-consent-request-ready-credential-sets.har',
      [
        ['pid: held credential 0 would disclose', ['family_name', 'postal_code', 'date_of_birth']],
        ['the request can be answered'],
      ],
    ],
    ['200-in-progress.har', []],
  ])('matching example on %s', async (file, lines) => {
    const fetch = vi.fn(kit.replayFetch(recorded(file)));
    vi.stubGlobal('fetch', fetch);
    vi.stubEnv('FORTID_WALLET_TOKEN', 'example-credential');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await import('../examples/matching.ts');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(log.mock.calls).toEqual(lines);
  });

  it('validate example accepts the spec example', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await import('../examples/validate.ts');
    expect(log.mock.calls).toEqual([['valid']]);
  });
});
