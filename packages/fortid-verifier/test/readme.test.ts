// The package README's examples are the files in examples/; run each against
// recorded traffic and check what it prints.
import { join } from 'node:path';
import { describeReadmeExamples, replayFetch } from '@credstat/tools/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recorded } from './fixtures.js';

describeReadmeExamples(join(import.meta.dirname, '../README.md'));

describe('README examples run', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('usage example reads a status and narrows it', async () => {
    const entry = recorded('200-verification-succeeded.har');
    const fetch = vi.fn(replayFetch(entry));
    vi.stubGlobal('fetch', fetch);
    vi.stubEnv('FORTID_API_KEY', 'example-key');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});

    await import('../examples/usage.ts');

    expect(fetch).toHaveBeenCalledTimes(2);
    expect(new Headers(fetch.mock.calls[0]?.[1]?.headers).get('x-api-key')).toBe('example-key');
    expect(log.mock.calls).toEqual([
      ['verified claims:', JSON.parse(entry.response.content.text ?? '').presentedClaims],
      ['status:', 'VERIFICATION_SUCCEEDED'],
    ]);
  });

  it('validate example reports the missing claims', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await import('../examples/validate.ts');
    expect(log.mock.calls).toEqual([
      ['invalid:', '(body)', "must have required property 'presentedClaims'"],
    ]);
  });
});
