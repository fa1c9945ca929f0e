// The built package in Chromium: the client, its validators and its typed
// errors work in a browser bundle with no Node built-ins or CommonJS.
import { join } from 'node:path';
import {
  type BrowserHarness,
  bundleForBrowser,
  startBrowserHarness,
} from '@credstat/tools/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recorded } from '../test/fixtures.js';

const entry = `
import { createClient, getVerificationSessionStatus, isVerificationSessionError } from '@credstat/fortid-verifier';
import { validateResponse } from '@credstat/fortid-verifier/validators';

window.credstat = async () => {
  const client = createClient({ apiKey: 'browser-key', baseUrl: location.origin, retry: false });
  const status = await getVerificationSessionStatus(client, { verificationSessionId: '497f6eca-6276-4993-bfeb-53cbbbba6f08' });
  let expired;
  try {
    await getVerificationSessionStatus(client, { verificationSessionId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f' });
  } catch (error) {
    expired = { typed: isVerificationSessionError(error) && error.hasStatus(410), kind: error.kind, body: error.body };
  }
  const rejected = validateResponse('getVerificationSessionStatus', 200, { verificationSessionStatus: 'VERIFIED' });
  return { status, expired, rejected };
};
`;

describe('in Chromium', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    const bundle = await bundleForBrowser(entry, join(import.meta.dirname, '..'));
    harness = await startBrowserHarness(bundle, [
      recorded('200-verification-succeeded.har'),
      recorded('410-session-expired.har', '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f'),
    ]);
  }, 60_000);
  afterAll(() => harness?.close());

  it('reads a status, types a documented error and rejects an unknown status', async () => {
    const { result, consoleErrors } = await harness.run<{
      status: unknown;
      expired: unknown;
      rejected: { ok: boolean };
    }>('window.credstat()');
    expect(consoleErrors).toEqual([]);
    expect(result.status).toEqual(
      JSON.parse(recorded('200-verification-succeeded.har').response.content.text ?? ''),
    );
    expect(result.expired).toEqual({
      typed: true,
      kind: 'api',
      body: { message: 'Verification Session expired' },
    });
    expect(result.rejected.ok).toBe(false);
  }, 60_000);
});
