// GOV.UK's own behaviour in the mock, plugged into the generic engine: in any
// scenario whose answer is a success, `/issue` reserves the next index of one
// list (the same request JWT, by iss + jti, gets the same entry), `/revoke`
// marks it, and `/t/{id}` and `/b/{id}` serve that list signed by a key made at
// start-up, whose public half the mock serves at `/.well-known/jwks.json`.
// Request JWTs are decoded, never verified: the mock has no issuer JWKS.
import type { ResponseBody } from '@credstat/core';
import { answer, type MockExtension, type MockResponderContext } from '@credstat/core/mock';
import { decodeJwt, type JWTPayload } from 'jose';
import type { operations } from '../generated/types.gen.js';
import { type StatusListKind, statusListUri } from '../status-list-reference.js';
import { StatusListLedger } from './status-list-ledger.js';
import { StatusListSigner } from './status-list-signer.js';

export interface StatusListMockOptions {
  /** Indexes that start revoked (e.g. `[3, 7]`), held by no issuer; `/issue` skips them. */
  revoked?: readonly number[];
  /** The list `/issue` reserves on: Token Status List (`t`, the default) or Bitstring (`b`). */
  kind?: StatusListKind;
  /**
   * The identifiers of the list as a Token Status List (`/t/`) and as a
   * Bitstring one (`/b/`): both show the same entries. Default: the recorded
   * traffic's, `3B0F3BD087A7` and `A671FED3E9AD`.
   */
  ids?: { t?: string; b?: string };
  /** Entries in the list. Default 131 072 (the W3C minimum for a Bitstring list). */
  size?: number;
  /** Clock in ms (tests). Default Date.now. */
  now?: () => number;
}

type Body<K extends keyof operations, S extends number> = ResponseBody<operations[K], S>;

/** A JSON answer of a documented (operation, status), its body typed by the spec. */
function reply<K extends keyof operations, S extends number>(
  _operationId: K,
  status: S,
  body: Body<K, S>,
): Response {
  return answer({ status, contentType: 'application/json', json: body });
}

// GOV.UK wants a lower-case UUID (as signIssueRequest makes).
const LOWERCASE_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The request JWT's claims, or the documented 400 when it does not decode. */
function claimsOf(context: MockResponderContext): JWTPayload | Response {
  try {
    return decodeJwt(context.body);
  } catch {
    return context.invalid('Error decoding JWT or converting to JSON');
  }
}

export function statusListMock(options: StatusListMockOptions = {}): MockExtension {
  const { kind = 't', size = 131_072, now = Date.now } = options;
  const ids = { t: '3B0F3BD087A7', b: 'A671FED3E9AD', ...options.ids };
  const ledger = new StatusListLedger({ size, revoked: options.revoked ?? [], now });
  const signer = new StatusListSigner(now);
  const listBase = (context: MockResponderContext, of: StatusListKind) =>
    context.baseUrlOf(of === 't' ? 'getTokenStatusList' : 'getBitstringStatusList');
  const listUri = (context: MockResponderContext, of: StatusListKind) =>
    statusListUri(listBase(context, of), of, ids[of]);
  /** The list `/t/` or `/b/` serves, or the documented 404 for another identifier. */
  const servedList = (context: MockResponderContext, of: StatusListKind) => {
    if (context.pathParams.statusListIdentifier === ids[of]) return undefined;
    const operationId = of === 't' ? 'getTokenStatusList' : 'getBitstringStatusList';
    return reply(operationId, 404, {
      error: 'NOT_FOUND',
      error_description: 'Status List not found for endpoint uri',
    });
  };
  const issuerOf = (context: MockResponderContext, of: StatusListKind) =>
    `${new URL(listBase(context, of)).origin}/`;

  return {
    responders: {
      issueStatusListEntry: (context) => {
        if (context.example.status >= 300) return undefined;
        const claims = claimsOf(context);
        if (claims instanceof Response) return claims;
        const { iss, jti, statusExpiry } = claims as JWTPayload & { statusExpiry?: unknown };
        if (typeof iss !== 'string' || iss === '')
          return reply('issueStatusListEntry', 401, {
            error: 'UNAUTHORIZED',
            error_description: 'No Issuer in Payload',
          });
        if (typeof jti !== 'string') return context.invalid('No jti in Payload');
        if (!LOWERCASE_UUID.test(jti))
          return context.invalid('The jti claim is not a lower case uuid string');
        if (typeof statusExpiry !== 'number') return context.invalid('No Status Expiry in Payload');
        const reservation = ledger.reserve(iss, jti, JSON.stringify(claims));
        if (reservation.outcome === 'changed')
          return context.invalid(
            'Detected invalid changes between idempotent requests, unable to proceed. Please generate a new request.',
          );
        if (reservation.outcome === 'full')
          return reply('issueStatusListEntry', 500, {
            error: 'INTERNAL_SERVER_ERROR',
            error_description: 'Unable to successfully issue a status',
          });
        return reply('issueStatusListEntry', 200, {
          idx: reservation.idx,
          uri: listUri(context, kind),
        });
      },

      revokeStatusListEntry: (context) => {
        if (context.example.status >= 300) return undefined;
        const claims = claimsOf(context);
        if (claims instanceof Response) return claims;
        const { iss, idx, uri } = claims as JWTPayload & { idx?: unknown; uri?: unknown };
        if (typeof iss !== 'string' || iss === '')
          return reply('revokeStatusListEntry', 401, {
            error: 'UNAUTHORIZED',
            error_description: 'No Issuer in Payload',
          });
        if (idx === undefined) return context.invalid('No Index in Payload');
        if (typeof idx !== 'number' || !Number.isSafeInteger(idx) || idx < 0)
          return context.invalid('Index must be a valid non-negative integer');
        if (typeof uri !== 'string') return context.invalid('No valid URI in Payload');
        const notFound = () =>
          reply('revokeStatusListEntry', 404, {
            error: 'NOT_FOUND',
            error_description: 'Entry not found in status list table',
          });
        if (uri !== listUri(context, 't') && uri !== listUri(context, 'b')) return notFound();
        const revocation = ledger.revoke(iss, idx);
        if (revocation.outcome === 'unknown') return notFound();
        if (revocation.outcome === 'other-client')
          return reply('revokeStatusListEntry', 401, {
            error: 'UNAUTHORIZED',
            error_description: 'The original clientId is different to the clientId in the request',
          });
        return reply('revokeStatusListEntry', 202, {
          message: revocation.already
            ? 'Credential already revoked'
            : 'Request processed for revocation',
          revokedAt: revocation.revokedAt,
        });
      },

      getTokenStatusList: async (context) => {
        if (context.example.status >= 300) return undefined;
        const refused = servedList(context, 't');
        if (refused) return refused;
        const uri = listUri(context, 't');
        const issuer = issuerOf(context, 't');
        const token: Body<'getTokenStatusList', 200> = await signer.tokenStatusList(
          uri,
          issuer,
          size,
          ledger.revokedIndexes(),
        );
        return answer({ status: 200, contentType: 'application/statuslist+jwt', text: token });
      },

      getBitstringStatusList: async (context) => {
        if (context.example.status >= 300) return undefined;
        const refused = servedList(context, 'b');
        if (refused) return refused;
        const uri = listUri(context, 'b');
        const issuer = issuerOf(context, 'b');
        const credential: Body<'getBitstringStatusList', 200> = await signer.bitstringStatusList(
          uri,
          issuer,
          size,
          ledger.revokedIndexes(),
        );
        return answer({ status: 200, contentType: 'application/vc+jwt', text: credential });
      },
    },
    routes: [
      {
        method: 'GET',
        path: '/.well-known/jwks.json',
        reason: 'jwks',
        respond: async () =>
          answer({ status: 200, contentType: 'application/json', json: await signer.jwks() }),
      },
    ],
    reset: () => ledger.reset(),
  };
}
