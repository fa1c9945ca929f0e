import {
  createClient,
  issueStatusListEntry,
  revokeStatusListEntry,
  signIssueRequest,
  signRevokeRequest,
} from '@credstat/govuk-status-list';

// The private API's address comes with your GOV.UK registration.
const client = createClient({ baseUrl: process.env.GOVUK_STATUS_LIST_URL ?? '' });

// Your signing key, whose public half your /.well-known/jwks.json serves under `kid`.
const signer = {
  privateKey: JSON.parse(process.env.ISSUER_PRIVATE_JWK ?? '{}'),
  kid: 'ab2f3738-03ec-4312-a65e-7f0461a34e7b',
  iss: 'clientId-abcdef', // your client id
};

// Reserve an entry for a credential that expires in 90 days. A retry (after a
// 409 or a 503) resends this same JWT: GOV.UK answers it with the same entry.
const statusExpiry = new Date(Date.now() + 90 * 86_400_000);
const entry = await issueStatusListEntry(client, {
  body: await signIssueRequest({ ...signer, statusExpiry }),
});
console.log('put in the credential:', { idx: entry.idx, uri: entry.uri });

// Later: revoke it.
const revoked = await revokeStatusListEntry(client, {
  body: await signRevokeRequest({ ...signer, idx: entry.idx, uri: entry.uri }),
});
console.log(revoked.message);
