// verifier-backend.ts against credstat-mock's FortID Verifier Service.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fixtureBody, runProgram, useMock } from './support.js';

const API = 'fortid-verifier';
const API_KEY = 'example-api-key';
const mock = useMock(API);

function verify(url: string, env: Record<string, string> = { FORTID_API_KEY: API_KEY }) {
  return runProgram('verifier-backend.ts', [randomUUID()], { FORTID_VERIFIER_URL: url, ...env });
}

describe('verifier-backend.ts', () => {
  it('waits while the session is in progress, then prints the presented claims', async () => {
    const { presentedClaims } = fixtureBody<{ presentedClaims: Record<string, unknown> }>(
      API,
      '200-verification-succeeded.har',
    );
    const run = await verify(await mock('default'));
    expect(run).toEqual({
      code: 0,
      stdout: [
        'session: IN_PROGRESS',
        'session: VERIFICATION_SUCCEEDED',
        ...Object.entries(presentedClaims).map(
          ([claim, value]) => `claim ${claim}: ${JSON.stringify(value)}`,
        ),
      ],
      stderr: [],
    });
  });

  it('reports a failed verification with its description and exits 1', async () => {
    const { description } = fixtureBody<{ description: string }>(
      API,
      '200-verification-failed.har',
    );
    const run = await verify(await mock('verification-failed'));
    expect(run.code).toBe(1);
    expect(run.stdout.at(-1)).toBe('session: VERIFICATION_FAILED');
    expect(run.stderr).toEqual([`verification failed: ${description}`]);
  });

  it('says so when the session expired (410) and exits 1', async () => {
    const run = await verify(await mock('expired'));
    expect(run.code).toBe(1);
    expect(run.stderr).toEqual(['the session expired before the wallet answered: start a new one']);
  });

  it('refuses to run without an API key, and exits 1', async () => {
    const run = await verify(await mock('default'), {});
    expect(run.code).toBe(1);
    expect(run.stdout).toEqual([]);
    expect(run.stderr).toEqual([
      expect.stringMatching(/^cannot read the session \(credential\): /),
    ]);
  });

  it('says so when the service knows no such session (404) and exits 1', async () => {
    const run = await verify(await mock('status-404'));
    expect(run).toEqual({ code: 1, stdout: [], stderr: ['no such verification session'] });
  });

  it('never prints the API key when the service fails', async () => {
    const run = await verify(await mock('status-500'));
    expect(run.code).toBe(1);
    expect(run.stderr).toEqual([expect.stringMatching(/^cannot read the session \(api\): .*500/)]);
    expect(JSON.stringify(run)).not.toContain(API_KEY);
  });
});
