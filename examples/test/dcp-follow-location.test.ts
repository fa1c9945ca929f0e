// dcp-follow-location.ts against credstat-mock's iSHARE DCP issuer.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fixtureBody, runProgram, useMock } from './support.js';

const API = 'ishare-dcp';
const mock = useMock(API);
const HOLDER = { HOLDER_DID: 'did:web:holder.example', ISSUER_DID: 'did:web:issuer.example' };

interface CredentialStatus {
  issuerPid: string;
}

/** The Location the issuer's 201 to POST /credentials would carry, for request `id`. */
const locationOf = (dcpUrl: string, id: string) => `${dcpUrl}/requests/${encodeURIComponent(id)}`;

async function follow(scenario: string) {
  const ISHARE_DCP_URL = await mock(scenario);
  const requestId = `urn:uuid:${randomUUID()}`;
  const run = await runProgram('dcp-follow-location.ts', [locationOf(ISHARE_DCP_URL, requestId)], {
    ISHARE_DCP_URL,
    ...HOLDER,
  });
  return { run, requestId };
}

describe('dcp-follow-location.ts', () => {
  it('follows the request from its Location until the issuer has issued it', async () => {
    const { issuerPid } = fixtureBody<CredentialStatus>(API, '200-issued.har');
    const { run, requestId } = await follow('default');
    expect(run).toEqual({
      code: 0,
      stdout: [
        `request: ${requestId}`,
        'status: RECEIVED',
        'status: ISSUED',
        `issued (the issuer's id for it: ${issuerPid})`,
      ],
      stderr: [],
    });
  });

  it('exits 1 when the issuer rejects the request', async () => {
    const { issuerPid } = fixtureBody<CredentialStatus>(API, '200-rejected.har');
    const { run } = await follow('rejected');
    expect(run.code).toBe(1);
    expect(run.stdout.at(-1)).toBe('status: REJECTED');
    expect(run.stderr).toEqual([`rejected (the issuer's id for it: ${issuerPid})`]);
  });

  it('refuses a Location on another origin before sending the holder a token', async () => {
    const ISHARE_DCP_URL = await mock('default');
    const run = await runProgram(
      'dcp-follow-location.ts',
      ['https://elsewhere.example/dcp/requests/urn%3Auuid%3A1'],
      { ISHARE_DCP_URL, ...HOLDER },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toEqual([]);
    expect(run.stderr).toEqual([
      expect.stringMatching(/^cannot read the request \(invalid-parameter\): .*elsewhere\.example/),
    ]);
  });

  it('refuses holder and issuer ids that are not DIDs, before signing anything', async () => {
    const ISHARE_DCP_URL = await mock('default');
    const run = await runProgram('dcp-follow-location.ts', [locationOf(ISHARE_DCP_URL, 'x')], {
      ISHARE_DCP_URL,
      HOLDER_DID: 'holder',
      ISSUER_DID: HOLDER.ISSUER_DID,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toEqual([
      expect.stringMatching(/^cannot sign the holder's token \(holder-did\): /),
    ]);
  });
});
