// The whole life of one status list entry against a local GOV.UK: an issuer
// signs /issue with a fresh key, GOV.UK verifies it against the issuer's own
// JWKS URL, answers 409 once (the retry resends the identical JWT), revokes
// the entry, and the public list, read fresh, says INVALID for it only.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClient,
  createStatusListClient,
  isIssueStatusListEntryError,
  issueStatusListEntry,
  publicJwks,
  type RetryEvent,
  revokeStatusListEntry,
  signIssueRequest,
  signRevokeRequest,
} from '../src/index.js';
import { startFakeGovuk } from './support/fake-govuk.js';
import { makeSigningKey, makeTokenStatusList } from './support/status-lists.js';

const CLIENT_ID = 'clientId-abcdef';
const KID = 'issuer-key-1';
const DAY = 86_400;

let issuerKey: CryptoKeyPair;
let govuk: Awaited<ReturnType<typeof startFakeGovuk>>;
let listKeys: Awaited<ReturnType<typeof makeSigningKey>>;
const issuerSite = createServer();

beforeAll(async () => {
  issuerKey = await generateKeyPair('ES256', { extractable: true });
  // The issuer serves its own /.well-known/jwks.json; GOV.UK reads it there.
  const jwks = JSON.stringify(await publicJwks({ key: issuerKey.publicKey, kid: KID }));
  issuerSite.on('request', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(jwks);
  });
  await new Promise<void>((resolve) => issuerSite.listen(0, '127.0.0.1', resolve));
  const { port } = issuerSite.address() as AddressInfo;
  listKeys = await makeSigningKey();
  govuk = await startFakeGovuk({
    issuerJwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    clientId: CLIENT_ID,
    signList: (sub, values) =>
      makeTokenStatusList({
        key: listKeys.key,
        kid: listKeys.kid,
        sub,
        bits: 2,
        values,
        ttl: 3600,
      }),
  });
});
afterAll(async () => {
  await govuk.close();
  await new Promise<void>((resolve) => issuerSite.close(() => resolve()));
});

const signer = () => ({ privateKey: issuerKey.privateKey, kid: KID, iss: CLIENT_ID });
const issueRequest = () =>
  signIssueRequest({ ...signer(), statusExpiry: Math.floor(Date.now() / 1000) + 30 * DAY });

describe('issue, retry, revoke, check', () => {
  it('round trip', async () => {
    const retries: RetryEvent[] = [];
    const client = createClient({
      baseUrl: govuk.privateUrl,
      retry: { baseDelayMs: 5, maxDelayMs: 5 },
      onRetry: (event) => retries.push(event),
    });

    // Neighbours on both sides of the entry under test.
    const before = await issueStatusListEntry(client, { body: await issueRequest() });

    govuk.failNext(409);
    govuk.privateRequests.length = 0;
    const jwt = await issueRequest();
    const entry = await issueStatusListEntry(client, { body: jwt });
    expect(entry).toEqual({ idx: before.idx + 1, uri: govuk.listUri });
    // One retry, after the 409, that sent the identical JWT.
    expect(retries.map((event) => event.reason)).toEqual([409]);
    expect(govuk.privateRequests.map((request) => request.body)).toEqual([jwt, jwt]);
    expect(govuk.privateRequests[1]?.headers['content-type']).toBe('application/jwt');

    // The same request again is the same entry (GOV.UK keys it on iss + jti).
    expect(await issueStatusListEntry(client, { body: jwt })).toEqual(entry);
    const after = await issueStatusListEntry(client, { body: await issueRequest() });

    const revocation = await revokeStatusListEntry(client, {
      body: await signRevokeRequest({ ...signer(), idx: entry.idx, uri: entry.uri }),
    });
    expect(revocation.message).toBe('Request processed for revocation');

    const lists = createStatusListClient({ jwks: listKeys.jwks });
    const check = (idx: number) => lists.checkTokenStatus({ idx, uri: entry.uri }, { fresh: true });
    expect((await check(entry.idx)).status).toBe('INVALID');
    expect((await check(before.idx)).status).toBe('VALID');
    expect((await check(after.idx)).status).toBe('VALID');
    // The public host got no request JWT and no credential: only the list reads.
    expect(govuk.publicRequests).toHaveLength(3);
    for (const request of govuk.publicRequests) {
      expect(request.method).toBe('GET');
      expect(request.headers.authorization).toBeUndefined();
      expect(request.headers.accept).toBe('application/statuslist+jwt');
    }
    await lists.close();
    await client.close();
  });

  it('a 503 is retried with backoff, with the same JWT', async () => {
    const client = createClient({ baseUrl: govuk.privateUrl, retry: { baseDelayMs: 5 } });
    govuk.failNext(503, 503);
    govuk.privateRequests.length = 0;
    const jwt = await issueRequest();
    const entry = await issueStatusListEntry(client, { body: jwt });
    expect(entry.uri).toBe(govuk.listUri);
    expect(govuk.privateRequests.map((request) => request.body)).toEqual([jwt, jwt, jwt]);
  });

  it('a request JWT that spells jit for jti gets the documented 400', async () => {
    // As the vendor page's example does; signIssueRequest can never produce it.
    const iat = Math.floor(Date.now() / 1000);
    const body = await new SignJWT({
      iss: CLIENT_ID,
      iat,
      jit: crypto.randomUUID(),
      statusExpiry: iat + DAY,
    })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: KID })
      .sign(issuerKey.privateKey);
    const client = createClient({ baseUrl: govuk.privateUrl });
    const error = await issueStatusListEntry(client, { body }).catch((e: unknown) => e);
    expect(isIssueStatusListEntryError(error)).toBe(true);
    if (!isIssueStatusListEntryError(error) || !error.hasStatus(400)) throw error;
    // Typed per status: a 400's `error` can only be BAD_REQUEST.
    const code: 'BAD_REQUEST' = error.body.error;
    expect(code).toBe('BAD_REQUEST');
    expect(error.body.error_description).toBe('No jti in Payload');
  });

  it('a request signed by a key the issuer does not publish is refused (401)', async () => {
    const stranger = await generateKeyPair('ES256');
    const body = await signIssueRequest({
      privateKey: stranger.privateKey,
      kid: KID,
      iss: CLIENT_ID,
      statusExpiry: Math.floor(Date.now() / 1000) + DAY,
    });
    const client = createClient({ baseUrl: govuk.privateUrl });
    const error = await issueStatusListEntry(client, { body }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'api', status: 401, attempts: 1 });
  });
});
