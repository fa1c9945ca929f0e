// The holder's Self-Issued ID Token: the claims and header DCP asks for,
// verified with jose and the public key; a fresh token for every attempt and
// every poll; bad input refused before anything is signed or sent.
import { startServer } from '@credstat/tools/testing';
import {
  type CryptoKey,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  type JWK,
  jwtVerify,
} from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClient,
  getCredentialRequestStatus,
  SelfIssuedIdTokenError,
  selfIssuedIdToken,
  signSelfIssuedIdToken,
  waitForCredentialRequest,
} from '../src/index.js';

const HOLDER = 'did:web:holder.example.test';
const ISSUER = 'did:web:issuer.example.test';
const KID = `${HOLDER}#key-1`;
const REQUEST_ID = 'urn:uuid:550e8400-e29b-41d4-a716-446655440000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let privateKey: CryptoKey;
let publicKey: CryptoKey;
let privateJwk: JWK;
beforeAll(async () => {
  ({ privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true }));
  privateJwk = { ...(await exportJWK(privateKey)), alg: 'ES256' };
});

const options = () => ({ privateKey, holderDid: HOLDER, issuerDid: ISSUER, kid: KID });

/** Verifies as an issuer would: signature, audience, issuer, lifetime. */
const verify = (token: string) =>
  jwtVerify(token, publicKey, { issuer: HOLDER, subject: HOLDER, audience: ISSUER });

describe('signSelfIssuedIdToken', () => {
  it('signs iss = sub = the holder, aud = the issuer, jti, iat, exp; kid is the key DID URL', async () => {
    const now = Date.UTC(2026, 10, 27, 9, 0, 0);
    const token = await signSelfIssuedIdToken({ ...options(), now: () => now });
    const { payload, protectedHeader } = await jwtVerify(token, publicKey, {
      currentDate: new Date(now),
    });
    expect(protectedHeader).toEqual({ alg: 'ES256', typ: 'JWT', kid: KID });
    expect(Object.keys(payload).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'jti', 'sub']);
    expect(payload).toMatchObject({
      iss: HOLDER,
      sub: HOLDER,
      aud: ISSUER,
      iat: now / 1000,
      exp: now / 1000 + 300,
    });
    expect(payload.jti).toMatch(UUID);
  });

  it('signs with a private JWK as well, and honours the lifetime asked for', async () => {
    const token = await signSelfIssuedIdToken({
      ...options(),
      privateKey: privateJwk,
      expiresInSeconds: 60,
    });
    const { payload } = await verify(token);
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(60);
  });

  it('never reuses a jti', async () => {
    const sign = selfIssuedIdToken(options());
    const tokens = await Promise.all(Array.from({ length: 20 }, () => sign()));
    const ids = await Promise.all(tokens.map(async (t) => (await verify(t)).payload.jti));
    expect(new Set(ids).size).toBe(20);
  });

  it.each([
    ['holder-did', { holderDid: 'holder' }],
    ['issuer-did', { issuerDid: '' }],
    ['kid', { kid: 'key-1' }],
    ['kid', { kid: 'did:web:someone.else.test#key-1' }],
    ['kid', { kid: `${HOLDER}#` }],
    ['lifetime', { expiresInSeconds: 0 }],
    ['lifetime', { expiresInSeconds: 3601 }],
    ['lifetime', { expiresInSeconds: 1.5 }],
  ])('refuses bad input (%s) before signing: %o', (problem, change) => {
    const attempt = () => selfIssuedIdToken({ ...options(), ...change });
    expect(attempt).toThrow(SelfIssuedIdTokenError);
    expect(attempt).toThrow(expect.objectContaining({ problem }));
  });

  it('refuses a public key, never quoting it', async () => {
    const publicJwk = await exportJWK(publicKey);
    for (const key of [publicKey, publicJwk]) {
      const attempt = () => selfIssuedIdToken({ ...options(), privateKey: key });
      expect(attempt).toThrow(expect.objectContaining({ problem: 'key' }));
    }
    try {
      selfIssuedIdToken({ ...options(), privateKey: publicJwk });
    } catch (error) {
      expect(String(error)).not.toContain(String(publicJwk.x));
    }
  });
});

describe('keys', () => {
  it.each([
    ['no key', async () => undefined],
    ['a secret (oct) JWK', async () => ({ kty: 'oct', k: 'c2VjcmV0LXNlY3JldC1zZWNyZXQ' })],
    [
      'an ECDH key',
      async () =>
        (
          await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
            'deriveBits',
          ])
        ).privateKey,
    ],
  ])('refuses %s with a typed error, before signing', async (_label, key) => {
    const privateKey = (await key()) as CryptoKey;
    const attempt = () => selfIssuedIdToken({ ...options(), privateKey });
    expect(attempt).toThrow(
      expect.objectContaining({ name: 'SelfIssuedIdTokenError', problem: 'key' }),
    );
  });

  it.each([
    ['Ed25519', 'EdDSA'],
    ['ES384', 'ES384'],
  ] as const)(
    'signs with a %s key under its own algorithm when none is given',
    async (kind, alg) => {
      const pair = await generateKeyPair(kind, { extractable: true });
      const token = await signSelfIssuedIdToken({ ...options(), privateKey: pair.privateKey });
      const { protectedHeader } = await jwtVerify(token, pair.publicKey);
      expect(protectedHeader.alg).toBe(alg);
    },
  );
});

describe('as the client token function', () => {
  const server = startServer();
  afterAll(async () => (await server).close());

  const status = (value: string) =>
    JSON.stringify({
      '@context': ['https://w3id.org/dspace-dcp/v1.0/dcp.jsonld'],
      type: 'CredentialStatus',
      issuerPid: 'issuer-1',
      holderPid: 'holder-1',
      status: value,
    });
  const bearerTokens = async () =>
    (await server).received.map((r) => String(r.headers.authorization).replace(/^Bearer /, ''));

  it('gives each attempt its own token: a retry after a 503 sends a new jti', async () => {
    const { url, handle } = await server;
    let calls = 0;
    handle((_req, res) => {
      calls += 1;
      res.writeHead(calls === 1 ? 503 : 200, { 'content-type': 'application/json' });
      res.end(calls === 1 ? '' : status('RECEIVED'));
    });
    const client = createClient({
      baseUrl: `${url}/dcp`,
      token: selfIssuedIdToken(options()),
      retry: { baseDelayMs: 1, maxDelayMs: 1 },
    });
    const body = await getCredentialRequestStatus(client, { requestId: REQUEST_ID });
    expect(body.status).toBe('RECEIVED');
    const tokens = await bearerTokens();
    expect(tokens).toHaveLength(2);
    const ids = await Promise.all(tokens.map(async (t) => (await verify(t)).payload.jti));
    expect(new Set(ids).size).toBe(2);
  });

  it('gives each poll its own token', async () => {
    const { url, handle } = await server;
    const answers = ['RECEIVED', 'RECEIVED', 'ISSUED'];
    handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(status(answers.shift() ?? 'ISSUED'));
    });
    const client = createClient({ baseUrl: `${url}/dcp`, token: selfIssuedIdToken(options()) });
    const done = await waitForCredentialRequest(
      client,
      { requestId: REQUEST_ID },
      { intervalMs: 1, maxIntervalMs: 1 },
    );
    expect(done.status).toBe('ISSUED');
    const tokens = await bearerTokens();
    expect(tokens).toHaveLength(3);
    for (const token of tokens) expect(decodeProtectedHeader(token).kid).toBe(KID);
    const ids = await Promise.all(tokens.map(async (t) => (await verify(t)).payload.jti));
    expect(new Set(ids).size).toBe(3);
  });
});
