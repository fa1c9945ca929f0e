// The wallet's bearer token as a function: asked once per attempt, so a retry
// carries a fresh token, and no token shows in any rendering of an error.
import { join } from 'node:path';
import { inspect } from 'node:util';
import {
  ApiError,
  createClient,
  getVerifySessionStatus,
  InvalidResponseError,
} from '@credstat/fortid-wallet';
import { fixtureEntry, replayFetch } from '@credstat/tools/testing';
import { describe, expect, it } from 'vitest';

const fixtures = join(import.meta.dirname, '../../../specs/fortid-wallet/fixtures');
const recorded = (file: string) => fixtureEntry(fixtures, file);
const args = {
  walletId: 'f4856bb7-d77a-4a6a-9c8a-7d7f6f639cfb',
  verificationSessionId: '497f6eca-6276-4993-bfeb-53cbbbba6f08',
};
const quick = { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 1 };

/** A token function handing out a new canary token on every call. */
function tokens() {
  const issued: string[] = [];
  const token = () => {
    issued.push(`canary-wallet-token-${issued.length + 1}-9f8e7d`);
    return issued.at(-1) as string;
  };
  return { issued, token };
}

function renderings(error: unknown): string[] {
  const causes: unknown[] = [];
  for (let cause = (error as Error).cause; cause; cause = (cause as Error).cause) {
    causes.push(cause);
  }
  return [
    String(error),
    (error as Error).message,
    String((error as Error).stack),
    JSON.stringify(error),
    inspect(error, { depth: 10, showHidden: true }),
    ...causes.map((cause) => inspect(cause, { depth: 10, showHidden: true })),
  ];
}

describe('a token function', () => {
  const ready = recorded('200-consent-request-ready.har');
  const busy = { ...ready, response: { ...ready.response, status: 503 } };

  it('is asked again for the retry after a 503: two different Authorization headers', async () => {
    const fetch = replayFetch(busy, ready);
    const { issued, token } = tokens();
    const client = createClient({ token, fetch, retry: quick });

    const status = await getVerifySessionStatus(client, args);

    expect(status.status).toBe('CONSENT_REQUEST_READY');
    const sent = fetch.sent.map((request) => request.headers.get('authorization'));
    expect(sent).toEqual(issued.map((value) => `Bearer ${value}`));
    expect(new Set(sent).size).toBe(2);
  });

  /** The seed's consent request with its one credential query listed twice. */
  const duplicateIds = () => {
    const body = JSON.parse(ready.response.content.text ?? '');
    const { credentials } = body.consentRequestObject.validated_authorization_request.dcql_query;
    credentials.push(credentials[0]);
    const content = { ...ready.response.content, text: JSON.stringify(body) };
    return { ...ready, response: { ...ready.response, content } };
  };

  it.each([
    ['a final 500 after two retries', () => [recorded('500-internal-error.har')], ApiError],
    [
      'a consent request failing the DCQL checks',
      () => [busy, duplicateIds()],
      InvalidResponseError,
    ],
  ])('leaves no token in any rendering of %s', async (_name, entries, kind) => {
    const fetch = replayFetch(...entries());
    const { issued, token } = tokens();
    const client = createClient({ token, fetch, retry: quick });

    const error = await getVerifySessionStatus(client, args).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(kind);
    expect(issued.length).toBe(fetch.sent.length);
    expect(issued.length).toBeGreaterThanOrEqual(2);
    for (const rendering of renderings(error)) {
      for (const value of issued) expect(rendering).not.toContain(value);
    }
  });
});
