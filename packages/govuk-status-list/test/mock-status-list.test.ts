// The GOV.UK mock keeps the service's state: entries reserved per request JWT
// (iss + jti), revocations, and status lists signed by a key it publishes. A
// status list client given the mock's JWKS verifies what it serves, in process
// and over credstat-mock's HTTP server.
import { join } from 'node:path';
import {
  createClient,
  createStatusListClient,
  isIssueStatusListEntryError,
  issueStatusListEntry,
  revokeStatusListEntry,
  signIssueRequest,
  signRevokeRequest,
} from '@credstat/govuk-status-list';
import { createMockApi, type MockApiOptions } from '@credstat/govuk-status-list/scenarios';
import { CREDSTAT_MOCK_TEST_MS, startCredstatMock } from '@credstat/tools/testing';
import { type CryptoKey, decodeProtectedHeader, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';

const PRIVATE_API = 'https://status-list-api.invalid';
const PUBLIC = 'https://crs.account.gov.uk';
let issuerKey: CryptoKey;
beforeAll(async () => {
  issuerKey = (await generateKeyPair('ES256')).privateKey;
});

const signer = (iss = 'client-1', jti?: string) => ({
  privateKey: issuerKey,
  kid: 'issuer-key',
  iss,
  ...(jti ? { jti } : {}),
});
const inAnHour = () => Math.floor(Date.now() / 1000) + 3_600;

function setUp(options: MockApiOptions = {}, baseUrl = PRIVATE_API) {
  const mock = createMockApi(options);
  const client = createClient({ baseUrl, fetch: mock.fetch, retry: false });
  const issue = async (iss = 'client-1', jti?: string, statusExpiry = inAnHour()) =>
    issueStatusListEntry(client, {
      body: await signIssueRequest({ ...signer(iss, jti), statusExpiry }),
    });
  const revoke = async (entry: { idx: number; uri: string }, iss = 'client-1') =>
    revokeStatusListEntry(client, { body: await signRevokeRequest({ ...signer(iss), ...entry }) });
  const lists = createStatusListClient({
    jwks: `${PUBLIC}/.well-known/jwks.json`,
    fetch: mock.fetch,
  });
  return { mock, client, issue, revoke, lists };
}

describe('GOV.UK mock: entries', () => {
  it('issue → revoke → the list says INVALID for it, VALID for its neighbour', async () => {
    const { issue, revoke, lists } = setUp();
    const first = await issue();
    const second = await issue();
    expect(first).toEqual({ idx: 0, uri: `${PUBLIC}/t/3B0F3BD087A7` });
    expect(second).toEqual({ idx: 1, uri: first.uri });
    expect(await revoke(first)).toMatchObject({ message: 'Request processed for revocation' });
    expect(await lists.checkTokenStatus(first)).toMatchObject({ status: 'INVALID', idx: 0 });
    expect(await lists.checkTokenStatus(second)).toMatchObject({ status: 'VALID', idx: 1 });
    const bitstring = { statusListCredential: `${PUBLIC}/b/A671FED3E9AD` };
    expect(await lists.checkBitstringStatus({ ...bitstring, statusListIndex: '0' })).toMatchObject({
      set: true,
    });
    expect(await lists.checkBitstringStatus({ ...bitstring, statusListIndex: '1' })).toMatchObject({
      set: false,
    });
  });

  it('the same request JWT gets the same entry; the same jti with other claims is a 400', async () => {
    const { client, issue } = setUp();
    const jti = crypto.randomUUID();
    const body = await signIssueRequest({ ...signer('client-1', jti), statusExpiry: inAnHour() });
    const entry = await issueStatusListEntry(client, { body });
    expect(await issueStatusListEntry(client, { body })).toEqual(entry);
    const later = inAnHour() + 60;
    const changed = await issue('client-1', jti, later).catch((error: unknown) => error);
    expect(isIssueStatusListEntryError(changed) && changed.hasStatus(400)).toBe(true);
    expect(changed).toMatchObject({
      body: { error: 'BAD_REQUEST', error_description: expect.stringMatching(/invalid changes/) },
    });
  });

  it('revoking twice answers "already revoked" with the first time', async () => {
    const { issue, revoke } = setUp();
    const entry = await issue();
    const first = await revoke(entry);
    expect(await revoke(entry)).toEqual({
      message: 'Credential already revoked',
      revokedAt: first.revokedAt,
    });
  });

  it('refuses to revoke an entry never issued, or another issuer’s', async () => {
    const { issue, revoke } = setUp();
    const entry = await issue('client-1');
    const unknown = await revoke({ ...entry, idx: 99 }).catch((error: unknown) => error);
    expect(unknown).toMatchObject({ status: 404, body: { error: 'NOT_FOUND' } });
    const elsewhere = await revoke({ ...entry, uri: `${PUBLIC}/t/000000000000` }).catch((e) => e);
    expect(elsewhere).toMatchObject({ status: 404 });
    const theirs = await revoke(entry, 'client-2').catch((error: unknown) => error);
    expect(theirs).toMatchObject({
      status: 401,
      body: {
        error: 'UNAUTHORIZED',
        error_description: expect.stringMatching(/original clientId/),
      },
    });
  });

  it('presets revoked indexes, which /issue skips', async () => {
    const { issue, revoke, lists } = setUp({ statusList: { revoked: [0, 1, 7] } });
    const entry = await issue();
    expect(entry.idx).toBe(2);
    expect(await lists.checkTokenStatus({ idx: 7, uri: entry.uri })).toMatchObject({
      status: 'INVALID',
    });
    expect(await lists.checkTokenStatus(entry)).toMatchObject({ status: 'VALID' });
    expect(await revoke({ idx: 7, uri: entry.uri })).toMatchObject({
      message: 'Credential already revoked',
    });
  });

  it('issues on a Bitstring list when told to, with its own identifier', async () => {
    const { issue } = setUp({ statusList: { kind: 'b', ids: { b: 'B1' } } });
    expect(await issue()).toEqual({ idx: 0, uri: `${PUBLIC}/b/B1` });
  });

  it('reset() forgets every entry', async () => {
    const { mock, issue } = setUp();
    await issue();
    mock.reset();
    expect((await issue()).idx).toBe(0);
  });

  it('a retrying client gets its entry through conflict-then-ok', async () => {
    const mock = createMockApi({ scenario: 'conflict-then-ok', polls: 2 });
    const sent: string[] = [];
    const client = createClient({
      baseUrl: PRIVATE_API,
      fetch: (url, init) => {
        sent.push(String(url));
        return mock.fetch(url, init);
      },
      retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const body = await signIssueRequest({ ...signer(), statusExpiry: inAnHour() });
    expect(await issueStatusListEntry(client, { body })).toEqual({
      idx: 0,
      uri: `${PUBLIC}/t/3B0F3BD087A7`,
    });
    expect(sent).toHaveLength(3);
  });
});

describe('GOV.UK mock: request JWTs', () => {
  const post = (mock: ReturnType<typeof createMockApi>, path: string, body: string) =>
    mock.fetch(`${PRIVATE_API}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/jwt' },
      body,
    });
  /** An unsigned JWT with these claims (the mock decodes, never verifies). */
  const jwt = (claims: object) =>
    ['{"alg":"ES256","typ":"JWT","kid":"k"}', JSON.stringify(claims), 'sig']
      .map((part, i) => (i < 2 ? Buffer.from(part).toString('base64url') : part))
      .join('.');

  it.each([
    ['/issue', 'no JWT', 'not a jwt', /the request body must match pattern/],
    ['/issue', 'no jti', jwt({ iss: 'c', iat: 1, statusExpiry: 2 }), /^No jti in Payload$/],
    ['/issue', 'an upper-case jti', jwt({ iss: 'c', jti: 'ABC', statusExpiry: 2 }), /lower case/],
    ['/issue', 'no statusExpiry', jwt({ iss: 'c', jti: crypto.randomUUID() }), /^No Status Expiry/],
    ['/revoke', 'no idx', jwt({ iss: 'c', uri: PUBLIC }), /^No Index in Payload$/],
    ['/revoke', 'a negative idx', jwt({ iss: 'c', idx: -1, uri: PUBLIC }), /non-negative integer/],
    ['/revoke', 'no uri', jwt({ iss: 'c', idx: 1 }), /^No valid URI in Payload$/],
  ])('%s with %s: the documented 400 saying why', async (path, _what, body, rule) => {
    const response = await post(createMockApi(), path, body);
    expect(response.status).toBe(400);
    const answer = await response.json();
    expect(answer.error).toBe('BAD_REQUEST');
    expect(answer.error_description).toMatch(rule);
  });

  it('a JWT without iss: the documented 401', async () => {
    const response = await post(createMockApi(), '/issue', jwt({ jti: crypto.randomUUID() }));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: 'UNAUTHORIZED',
      error_description: 'No Issuer in Payload',
    });
  });
});

describe('GOV.UK mock: lists and keys', () => {
  it('publishes its public key on every base URL, marked as the mock’s', async () => {
    const mock = createMockApi();
    const jwks = await mock.fetch(`${PRIVATE_API}/.well-known/jwks.json`);
    expect(jwks.headers.get('x-credstat-mock')).toBe('jwks');
    const { keys } = await jwks.json();
    expect(keys).toEqual([expect.objectContaining({ kty: 'EC', crv: 'P-256', alg: 'ES256' })]);
    expect(keys[0]).not.toHaveProperty('d');
    const token = await (await mock.fetch(`${PUBLIC}/t/3B0F3BD087A7`)).text();
    expect(decodeProtectedHeader(token)).toMatchObject({ kid: keys[0].kid, typ: 'statuslist+jwt' });
    expect(await (await mock.fetch(`${PUBLIC}/.well-known/jwks.json`)).json()).toEqual({ keys });
  });

  it('answers the documented 404 for a list it does not keep', async () => {
    const response = await createMockApi().fetch(`${PUBLIC}/b/000000000000`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'NOT_FOUND' });
  });

  it(
    'over credstat-mock: a status list client verifies what it serves',
    async () => {
      const packageDir = join(import.meta.dirname, '..');
      const running = await startCredstatMock(packageDir, ['govuk-status-list'], 1);
      try {
        const client = createClient({ baseUrl: running.url, retry: false });
        const sign = async () => signIssueRequest({ ...signer(), statusExpiry: inAnHour() });
        const entry = await issueStatusListEntry(client, { body: await sign() });
        const neighbour = await issueStatusListEntry(client, { body: await sign() });
        expect(entry.uri).toBe(`${running.url}/t/3B0F3BD087A7`);
        await revokeStatusListEntry(client, {
          body: await signRevokeRequest({ ...signer(), ...entry }),
        });
        const lists = createStatusListClient({
          jwks: `${running.url}/.well-known/jwks.json`,
          baseUrl: running.url,
        });
        expect(await lists.checkTokenStatus(entry)).toMatchObject({ status: 'INVALID' });
        expect(await lists.checkTokenStatus(neighbour)).toMatchObject({ status: 'VALID' });
        expect(
          await lists.checkTokenStatus({
            idx: neighbour.idx,
            statusListIdentifier: '3B0F3BD087A7',
          }),
        ).toMatchObject({ status: 'VALID' });
        await lists.close();
        await client.close();
      } finally {
        expect(await running.stop()).toBe(0);
      }
    },
    CREDSTAT_MOCK_TEST_MS,
  );
});
