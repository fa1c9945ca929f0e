// A GOV.UK credential issuer: it reserves a status list entry for a new
// credential, checks the entry on GOV.UK's public status list as a verifier
// would, revokes it, and checks again.
//
//   GOVUK_STATUS_LIST_API_URL=… GOVUK_CLIENT_ID=… node --import tsx govuk-issue-revoke.ts
//
// GOVUK_STATUS_LIST_API_URL is the private API's address, which comes with your
// GOV.UK registration; GOVUK_STATUS_LIST_PUBLIC_URL overrides the public status
// lists' https://crs.account.gov.uk (whose keys are at /.well-known/jwks.json).
import { randomUUID } from 'node:crypto';
import {
  createClient,
  createStatusListClient,
  isCredstatError,
  issueStatusListEntry,
  RequestJwtError,
  revokeStatusListEntry,
  StatusListError,
  signIssueRequest,
  signRevokeRequest,
} from '@credstat/govuk-status-list';
import { generateKeyPair } from 'jose';

const {
  GOVUK_STATUS_LIST_API_URL,
  GOVUK_CLIENT_ID,
  GOVUK_STATUS_LIST_PUBLIC_URL = 'https://crs.account.gov.uk',
} = process.env;
if (!GOVUK_STATUS_LIST_API_URL || !GOVUK_CLIENT_ID) {
  console.error('usage: GOVUK_STATUS_LIST_API_URL=… GOVUK_CLIENT_ID=… govuk-issue-revoke.ts');
  process.exit(2);
}

// A real issuer signs with its own P-256 key, whose public half its
// /.well-known/jwks.json serves under `kid` (`publicJwks` builds that
// document); this program makes a throwaway one instead.
const { privateKey } = await generateKeyPair('ES256');
const signer = { privateKey, kid: randomUUID(), iss: GOVUK_CLIENT_ID };

const api = createClient({
  baseUrl: GOVUK_STATUS_LIST_API_URL,
  // A 409 (the same request still in progress) or a 503 is retried with the same JWT.
  onRetry: ({ operationId, reason, delayMs }) =>
    console.log(`${operationId}: ${reason}, retrying in ${delayMs} ms`),
});
// What a verifier runs: lists are checked against the service's keys before they are read.
const lists = createStatusListClient({
  jwks: `${GOVUK_STATUS_LIST_PUBLIC_URL}/.well-known/jwks.json`,
  baseUrl: GOVUK_STATUS_LIST_PUBLIC_URL,
});

/** Whether the list its `uri` names (Token /t/ or Bitstring /b/) shows the entry revoked. */
async function statusOf(entry: { idx: number; uri: string }) {
  // `fresh`: read the list as it is now, not a copy cached before the revocation.
  if (new URL(entry.uri).pathname.startsWith('/b/')) {
    const { set } = await lists.checkBitstringStatus(
      { statusListIndex: entry.idx, statusListCredential: entry.uri, statusPurpose: 'revocation' },
      { fresh: true },
    );
    return { revoked: set, shown: `revocation bit ${set ? 'set' : 'clear'}` };
  }
  const { status } = await lists.checkTokenStatus(entry, { fresh: true });
  // GOV.UK writes INVALID for a revoked credential, VALID otherwise.
  return { revoked: status === 'INVALID', shown: status };
}

try {
  // Reserve an entry for a credential that expires in 90 days. GOV.UK keys the
  // request by iss + jti, so a retry gets the same entry.
  const statusExpiry = new Date(Date.now() + 90 * 86_400_000);
  const entry = await issueStatusListEntry(api, {
    body: await signIssueRequest({ ...signer, statusExpiry }),
  });
  console.log(`issued: idx ${entry.idx} in ${entry.uri}`);
  const before = await statusOf(entry);
  console.log(`status: ${before.revoked ? 'revoked' : 'valid'} (${before.shown})`);

  const revoked = await revokeStatusListEntry(api, {
    body: await signRevokeRequest({ ...signer, idx: entry.idx, uri: entry.uri }),
  });
  console.log(`revoke: ${revoked.message}`);

  const after = await statusOf(entry);
  console.log(`status: ${after.revoked ? 'revoked' : 'valid'} (${after.shown})`);
  if (!after.revoked) {
    console.error('the status list does not show the revocation yet');
    process.exitCode = 1;
  }
} catch (error) {
  if (error instanceof RequestJwtError) {
    // Bad input to a request JWT (key, kid, iss, …): nothing was signed or sent.
    console.error(`cannot sign the request (${error.problem}): ${error.message}`);
  } else if (error instanceof StatusListError) {
    // A list that fails verification (signature, typ, exp, sub) or lacks the index.
    console.error(`cannot trust the status list (${error.reason}): ${error.message}`);
  } else if (isCredstatError(error)) {
    // A refused request JWT (400/401), an unknown entry (404), the service down, …
    console.error(`the status list service failed (${error.kind}): ${error.message}`);
  } else {
    throw error;
  }
  process.exitCode = 1;
} finally {
  await lists.close();
}
