// wallet-consent.ts against credstat-mock's FortID Wallet Service.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fixtureBody, runProgram, useMock } from './support.js';

const API = 'fortid-wallet';
const TOKEN = 'example-wallet-token';
const mock = useMock(API);

interface ConsentRequestFixture {
  consentRequestObject: {
    validated_authorization_request: {
      client_id: string;
      dcql_query: { credentials: { id: string; claims?: { path: string[] }[] }[] };
    };
    matching_credentials: { id: string }[];
  };
}

/** Runs the program against the mock; `polls: 0` starts the session at its last status. */
async function consent(scenario: string, polls = 1) {
  return runProgram('wallet-consent.ts', [randomUUID(), randomUUID()], {
    FORTID_WALLET_URL: await mock(scenario, { polls }),
    FORTID_WALLET_TOKEN: TOKEN,
  });
}

describe('wallet-consent.ts', () => {
  it('picks the credential that answers the DCQL query, and what it would disclose', async () => {
    const { consentRequestObject } = fixtureBody<ConsentRequestFixture>(
      API,
      '200-consent-request-ready.har',
    );
    const request = consentRequestObject.validated_authorization_request;
    // The recorded request asks for one credential, which the one matching credential answers.
    const [query] = request.dcql_query.credentials;
    const [held] = consentRequestObject.matching_credentials;
    const disclosed = query?.claims?.map(({ path }) => path.join('.')).join(', ');

    const run = await consent('consent-request-ready');
    expect(run).toEqual({
      code: 0,
      stdout: [
        `${request.client_id} asks for: ${query?.id}`,
        `${query?.id}: present credential ${held?.id}, disclosing ${disclosed}`,
        'the request can be answered: ask the user to consent',
      ],
      stderr: [],
    });
  });

  it('exits 1 when the verification failed before there was anything to consent to', async () => {
    const run = await consent('verify-failed', 0);
    expect(run).toEqual({
      code: 1,
      stdout: [],
      stderr: ['the verification already ended: VERIFY_FAILED'],
    });
  });

  it('says so when the service knows no such session (404) and exits 1', async () => {
    const run = await consent('status-404');
    expect(run).toEqual({ code: 1, stdout: [], stderr: ['no such verify session'] });
  });

  it('reports a refused token without printing it, and exits 1', async () => {
    const run = await consent('unauthorized');
    expect(run.code).toBe(1);
    expect(run.stderr).toEqual([expect.stringMatching(/^cannot read the session \(api\): /)]);
    expect(JSON.stringify(run)).not.toContain(TOKEN);
  });
});
