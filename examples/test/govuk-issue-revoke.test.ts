// govuk-issue-revoke.ts against credstat-mock's GOV.UK status list (private
// API and public lists on one origin, the lists signed by the mock's own key).
import { createStatusListClient } from '@credstat/govuk-status-list';
import { describe, expect, it } from 'vitest';
import { fixtureBody, runProgram, useMock } from './support.js';

const API = 'govuk-status-list';
const mock = useMock(API);

function issueAndRevoke(apiUrl: string, publicUrl = apiUrl) {
  return runProgram('govuk-issue-revoke.ts', [], {
    GOVUK_STATUS_LIST_API_URL: apiUrl,
    GOVUK_STATUS_LIST_PUBLIC_URL: publicUrl,
    GOVUK_CLIENT_ID: 'example-client-id',
  });
}

/** The entry the program's first line names. */
function issuedEntry(line: string | undefined) {
  const found = /^issued: idx (\d+) in (\S+)$/.exec(line ?? '');
  expect(found, `first line: ${line}`).not.toBeNull();
  return { idx: Number(found?.[1]), uri: found?.[2] ?? '' };
}

describe('govuk-issue-revoke.ts', () => {
  const { message } = fixtureBody<{ message: string }>(API, 'revoke-202.har');

  it('issues an entry, revokes it, and the status list shows it revoked', async () => {
    const url = await mock('default');
    const run = await issueAndRevoke(url);
    expect(run.code).toBe(0);
    expect(run.stderr).toEqual([]);
    const [issued, ...rest] = run.stdout;
    const entry = issuedEntry(issued);
    expect(rest).toEqual([
      'status: valid (VALID)',
      `revoke: ${message}`,
      'status: revoked (INVALID)',
    ]);

    // Read back apart from the program, verified against the service's keys:
    // the entry is revoked, and only it: its neighbour is still valid.
    const lists = createStatusListClient({ jwks: `${url}/.well-known/jwks.json`, baseUrl: url });
    try {
      expect(new URL(entry.uri).origin).toBe(url);
      expect(await lists.checkTokenStatus(entry)).toMatchObject({ status: 'INVALID' });
      expect(await lists.checkTokenStatus({ ...entry, idx: entry.idx + 1 })).toMatchObject({
        status: 'VALID',
      });
    } finally {
      await lists.close();
    }
  });

  it('reads a Bitstring Status List (/b/) the same way', async () => {
    const kindB = JSON.stringify({ statusList: { kind: 'b' } });
    const url = await mock('default', { args: ['--options', kindB] });
    const run = await issueAndRevoke(url);
    expect(run.code).toBe(0);
    const [issued, ...rest] = run.stdout;
    expect(new URL(issuedEntry(issued).uri).pathname).toMatch(/^\/b\//);
    expect(rest).toEqual([
      'status: valid (revocation bit clear)',
      `revoke: ${message}`,
      'status: revoked (revocation bit set)',
    ]);
  });

  it('gets its entry after a 409 by resending the same request JWT', async () => {
    const run = await issueAndRevoke(await mock('conflict-then-ok'));
    expect(run.code).toBe(0);
    expect(run.stdout).toEqual([
      expect.stringMatching(/^issueStatusListEntry: 409, retrying in \d+ ms$/),
      expect.stringMatching(/^issued: idx \d+ in /),
      'status: valid (VALID)',
      `revoke: ${message}`,
      'status: revoked (INVALID)',
    ]);
  });

  it('exits 1 when GOV.UK refuses the request JWT (401)', async () => {
    const run = await issueAndRevoke(await mock('unauthorized'));
    expect(run).toEqual({
      code: 1,
      stdout: [],
      stderr: [expect.stringMatching(/^the status list service failed \(api\): .*401/)],
    });
  });

  it('exits 1 when the revocation is refused (403), after the entry was issued', async () => {
    const run = await issueAndRevoke(await mock('status-403'));
    expect(run.code).toBe(1);
    expect(run.stdout).toEqual([expect.stringMatching(/^issued: /), 'status: valid (VALID)']);
    expect(run.stderr).toEqual([
      expect.stringMatching(/^the status list service failed \(api\): .*403/),
    ]);
  });

  it('refuses a status list that the public keys it was given did not sign', async () => {
    // Two services, each signing with its own key: the list comes from the
    // first, the keys from the second.
    const run = await issueAndRevoke(await mock('default'), await mock('default'));
    expect(run.code).toBe(1);
    expect(run.stdout).toEqual([expect.stringMatching(/^issued: /)]);
    expect(run.stderr).toEqual([
      expect.stringMatching(/^cannot trust the status list \(signature\): /),
    ]);
  });
});
