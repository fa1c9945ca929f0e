// A GOV.UK status list service on 127.0.0.1, as its specs describe it: the
// private API (/issue, /revoke) verifies each request JWT against the issuer's
// own JWKS URL and keys idempotency on iss + jti; the public host serves a
// signed Token Status List per list. Scripted faults (409, 503) come first.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startServer } from '@credstat/tools/testing';
import { createRemoteJWKSet, decodeProtectedHeader, type JWTPayload, jwtVerify } from 'jose';

export interface FakeGovukOptions {
  /** Where the issuer serves its public keys (GOV.UK reads them there). */
  issuerJwksUrl: string;
  /** The issuer's registered client id. */
  clientId: string;
  /** Signs the list `sub` with these 2-bit statuses (the test's status list key). */
  signList: (sub: string, statuses: number[]) => Promise<string>;
  /** Entries per list. Default 16. */
  size?: number;
}

const LIST_ID = 'A671FED3E9AD';
const LOWER_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Answer = [status: number, body: object];
const error = (status: number, code: string, description: string): Answer => [
  status,
  { error: code, error_description: description },
];

export async function startFakeGovuk(options: FakeGovukOptions) {
  const privateApi = await startServer();
  const publicHost = await startServer();
  const issuerKeys = createRemoteJWKSet(new URL(options.issuerJwksUrl));
  const statuses = new Array<number>(options.size ?? 16).fill(0);
  const listUri = `${publicHost.url}/t/${LIST_ID}`;
  let next = 0;
  /** iss + jti → the payload first seen and the answer given. */
  const issued = new Map<string, { payload: string; answer: Answer }>();
  const revoked = new Map<number, number>();
  const faults: number[] = [];

  async function verified(body: string): Promise<JWTPayload | Answer> {
    let header: ReturnType<typeof decodeProtectedHeader>;
    try {
      header = decodeProtectedHeader(body);
    } catch {
      return error(400, 'BAD_REQUEST', 'Error decoding JWT or converting to JSON');
    }
    if (!header.kid) return error(401, 'UNAUTHORIZED', 'No Key ID in Header');
    if (header.typ !== 'JWT') return error(401, 'UNAUTHORIZED', 'Invalid Type in Header');
    if (header.alg !== 'ES256') return error(401, 'UNAUTHORIZED', 'Invalid Algorithm in Header');
    try {
      const { payload } = await jwtVerify(body, issuerKeys, { algorithms: ['ES256'] });
      if (payload.iss !== options.clientId)
        return error(401, 'UNAUTHORIZED', 'JWT has non-matching Client ID');
      return payload;
    } catch {
      return error(401, 'UNAUTHORIZED', 'JWT has non-verified signature');
    }
  }

  function issue(payload: JWTPayload): Answer {
    if (payload.jti === undefined) return error(400, 'BAD_REQUEST', 'No jti in Payload');
    if (!LOWER_UUID.test(String(payload.jti)))
      return error(400, 'BAD_REQUEST', 'The jti claim is not a lower case uuid string');
    const expiry = payload.statusExpiry;
    if (typeof expiry !== 'number' || expiry <= (payload.iat ?? 0))
      return error(400, 'BAD_REQUEST', 'No Status Expiry in Payload');
    const key = `${payload.iss} ${payload.jti}`;
    const seen = issued.get(key);
    if (seen) {
      return seen.payload === JSON.stringify(payload)
        ? seen.answer
        : error(400, 'BAD_REQUEST', 'Detected invalid changes between idempotent requests');
    }
    if (next >= statuses.length) return error(500, 'INTERNAL_SERVER_ERROR', 'List is full');
    const answer: Answer = [200, { idx: next++, uri: listUri }];
    issued.set(key, { payload: JSON.stringify(payload), answer });
    return answer;
  }

  function revoke(payload: JWTPayload): Answer {
    const { idx, uri } = payload as { idx?: unknown; uri?: unknown };
    if (typeof idx !== 'number' || !Number.isInteger(idx) || idx < 0)
      return error(400, 'BAD_REQUEST', 'Index must be a valid non-negative integer');
    const mine = [...issued.values()].some(({ answer: [, body] }) => {
      const entry = body as { idx: number; uri: string };
      return entry.idx === idx && entry.uri === uri;
    });
    if (!mine) return error(403, 'FORBIDDEN', 'Unable to revoke the specified status list entry');
    const first = revoked.get(idx);
    if (first !== undefined)
      return [202, { message: 'Credential already revoked', revokedAt: first }];
    const revokedAt = Math.floor(Date.now() / 1000);
    revoked.set(idx, revokedAt);
    statuses[idx] = 1;
    return [202, { message: 'Request processed for revocation', revokedAt }];
  }

  const send = (res: ServerResponse, [status, body]: Answer) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  privateApi.handle(async (req: IncomingMessage, res: ServerResponse, body: string) => {
    const fault = faults.shift();
    if (fault === 409)
      return send(res, error(409, 'CONFLICT', 'Please retry after a short delay.'));
    if (fault === 503)
      return send(res, error(503, 'TEMPORARILY_UNAVAILABLE', 'Service is temporarily unavailable'));
    if (req.headers['content-type'] !== 'application/jwt')
      return send(res, error(400, 'BAD_REQUEST', 'Content-Type header must be application/jwt'));
    const payload = await verified(body);
    if (Array.isArray(payload)) return send(res, payload);
    if (req.method === 'POST' && req.url === '/issue') return send(res, issue(payload));
    if (req.method === 'POST' && req.url === '/revoke') return send(res, revoke(payload));
    send(res, error(404, 'NOT_FOUND', 'No such endpoint'));
  });

  publicHost.handle(async (req, res) => {
    if (req.url !== `/t/${LIST_ID}`) {
      return send(res, error(404, 'NOT_FOUND', 'Status List not found for endpoint uri'));
    }
    res.writeHead(200, { 'content-type': 'application/statuslist+jwt' });
    res.end(await options.signList(listUri, [...statuses]));
  });

  return {
    privateUrl: privateApi.url,
    publicUrl: publicHost.url,
    listUri,
    /** Requests the private API received (each request JWT as sent). */
    privateRequests: privateApi.received,
    publicRequests: publicHost.received,
    /** The next requests to the private API answer these statuses first (409, 503). */
    failNext: (...statusCodes: number[]) => faults.push(...statusCodes),
    close: async () => {
      await privateApi.close();
      await publicHost.close();
    },
  };
}
