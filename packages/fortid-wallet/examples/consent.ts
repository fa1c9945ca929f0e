import { createClient, waitForConsentRequest } from '@credstat/fortid-wallet';

const client = createClient({ token: process.env.FORTID_WALLET_TOKEN ?? '' });

// Polls (1 s, then ×1.5 up to 10 s) until the end user has a request to consent
// to, or the session has already ended.
const session = await waitForConsentRequest(
  client,
  {
    walletId: 'f4856bb7-d77a-4a6a-9c8a-7d7f6f639cfb',
    verificationSessionId: '497f6eca-6276-4993-bfeb-53cbbbba6f08',
  },
  { deadlineMs: 120_000 },
);
if (session.status === 'CONSENT_REQUEST_READY') {
  // Only this status carries consentRequestObject (its type says so too).
  const request = session.consentRequestObject.validated_authorization_request;
  for (const credential of request.dcql_query.credentials) {
    const claims = credential.claims?.map((claim) => claim.path.join('.')) ?? [];
    console.log(`${request.client_id} asks for ${credential.id} (${credential.format}):`, claims);
  }
} else {
  console.log('verification already ended:', session.status);
}
