// The DCQL rules beside the schema (src/dcql-checks.ts), as the client and
// `validateResponse` both report them: one issue per fault, at its JSON Pointer.
import { join } from 'node:path';
import {
  createClient,
  getVerifySessionStatus,
  InvalidResponseError,
} from '@credstat/fortid-wallet';
import { validateResponse } from '@credstat/fortid-wallet/validators';
import { fixtureEntry, replayFetch } from '@credstat/tools/testing';
import { describe, expect, it } from 'vitest';

const fixtures = join(import.meta.dirname, '../../../specs/fortid-wallet/fixtures');
const recorded = fixtureEntry(fixtures, '200-consent-request-ready-credential-sets.har');
const args = {
  walletId: new URL(recorded.request.url).pathname.split('/')[2] ?? '',
  verificationSessionId: new URL(recorded.request.url).pathname.split('/')[4] ?? '',
};
const AT = '/consentRequestObject/validated_authorization_request/dcql_query';

interface Query {
  credentials: { id: string; claims?: { id?: string }[]; claim_sets?: string[][] }[];
  credential_sets?: { options: string[][] }[];
}
/** The recorded body (pid with claim_sets; credential_sets) with its query changed. */
function body(change: (query: Query) => void) {
  const parsed = JSON.parse(recorded.response.content.text ?? '');
  change(parsed.consentRequestObject.validated_authorization_request.dcql_query);
  return parsed;
}

const faults: [string, (query: Query) => void, { path: string; message: string }[]][] = [
  [
    'a repeated credential query id',
    (query) => {
      (query.credentials[2] as { id: string }).id = 'pid';
    },
    [
      { path: `${AT}/credentials/2/id`, message: `repeats the id "pid" of ${AT}/credentials/0/id` },
      // credential_sets still name the id it had.
      {
        path: `${AT}/credential_sets/0/options/2/0`,
        message: 'names no credential query: "pid_reduced_cred_1"',
      },
    ],
  ],
  [
    'a repeated claim id',
    (query) => {
      const claims = query.credentials[0]?.claims ?? [];
      (claims[4] as { id: string }).id = 'a';
    },
    [
      {
        path: `${AT}/credentials/0/claims/4/id`,
        message: `repeats the id "a" of ${AT}/credentials/0/claims/0/id`,
      },
      // claim_sets still name "e", which no claim has any more.
      { path: `${AT}/credentials/0/claim_sets/0/3`, message: 'names no claim of this query: "e"' },
      { path: `${AT}/credentials/0/claim_sets/1/2`, message: 'names no claim of this query: "e"' },
    ],
  ],
  [
    'a claim set naming an unknown claim',
    (query) => {
      query.credentials[0]?.claim_sets?.[1]?.push('z');
    },
    [{ path: `${AT}/credentials/0/claim_sets/1/3`, message: 'names no claim of this query: "z"' }],
  ],
  [
    'a credential set option naming an unknown credential query',
    (query) => {
      query.credential_sets?.[0]?.options[2]?.push('pid_reduced_cred_3');
    },
    [
      {
        path: `${AT}/credential_sets/0/options/2/2`,
        message: 'names no credential query: "pid_reduced_cred_3"',
      },
    ],
  ],
];

describe('DCQL checks beside the schema', () => {
  it('accept the recorded consent request and statuses without one', () => {
    expect(
      validateResponse(
        'getVerifySessionStatus',
        200,
        body(() => {}),
      ).ok,
    ).toBe(true);
    expect(validateResponse('getVerifySessionStatus', 200, { status: 'IN_PROGRESS' }).ok).toBe(
      true,
    );
  });

  it.each(faults)('validateResponse reports %s', (_name, change, issues) => {
    expect(validateResponse('getVerifySessionStatus', 200, body(change))).toEqual({
      ok: false,
      issues,
    });
  });

  it.each(faults)('the client rejects %s as a schema failure', async (_name, change, issues) => {
    const entry = {
      ...recorded,
      response: {
        ...recorded.response,
        content: { ...recorded.response.content, text: JSON.stringify(body(change)) },
      },
    };
    const client = createClient({ token: 't-1234', fetch: replayFetch(entry), retry: false });
    const error = await getVerifySessionStatus(client, args).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ reason: 'schema', status: 200, issues });
  });
});
