// issuer-watch.ts against credstat-mock's FortID Issuer Service.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fixtureBody, runProgram, useMock } from './support.js';

const API = 'fortid-issuer';
const API_KEY = 'example-issuer-key';
const mock = useMock(API);

async function watch(scenario: string) {
  return runProgram('issuer-watch.ts', [randomUUID()], {
    FORTID_ISSUER_URL: await mock(scenario),
    FORTID_ISSUER_API_KEY: API_KEY,
    FORTID_ISSUER_ID: 'fortid_issuer',
  });
}

describe('issuer-watch.ts', () => {
  it('follows the session until the wallet holds the credential', async () => {
    const run = await watch('default');
    expect(run).toEqual({
      code: 0,
      stdout: [
        'session: IN_PROGRESS',
        'session: ISSUANCE_SUCCEEDED',
        'issued: the wallet holds the credential',
      ],
      stderr: [],
    });
  });

  it('reports a failed issuance with its description and exits 1', async () => {
    const { description } = fixtureBody<{ description: string }>(API, '200-issuance-failed.har');
    const run = await watch('issuance-failed');
    expect(run.code).toBe(1);
    expect(run.stdout.at(-1)).toBe('session: ISSUANCE_FAILED');
    expect(run.stderr).toEqual([`issuance failed: ${description}`]);
  });

  it('says so when the session expired (410) and exits 1', async () => {
    const run = await watch('expired');
    expect(run.code).toBe(1);
    expect(run.stderr).toEqual([
      'the session expired before the wallet finished: offer the credential again',
    ]);
  });

  it('reports a refused API key without printing it, and exits 1', async () => {
    const run = await watch('unauthorized');
    expect(run.code).toBe(1);
    expect(run.stderr).toEqual([expect.stringMatching(/^cannot read the session \(api\): /)]);
    expect(JSON.stringify(run)).not.toContain(API_KEY);
  });

  it('asks for the issuer id it needs', async () => {
    const run = await runProgram('issuer-watch.ts', [randomUUID()], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toEqual([expect.stringContaining('FORTID_ISSUER_ID')]);
  });
});
