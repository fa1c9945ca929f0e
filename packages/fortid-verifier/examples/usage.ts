import { createClient, getVerificationSessionStatus } from '@credstat/fortid-verifier';

// Validation, a 30 s per-attempt timeout and two retries are on by default.
const client = createClient({ apiKey: process.env.FORTID_API_KEY ?? '' });

const status = await getVerificationSessionStatus(client, {
  verificationSessionId: '497f6eca-6276-4993-bfeb-53cbbbba6f08',
});

// The body is a union discriminated by `verificationSessionStatus`.
switch (status.verificationSessionStatus) {
  case 'VERIFICATION_SUCCEEDED':
    console.log('verified claims:', status.presentedClaims);
    break;
  case 'VERIFICATION_FAILED':
    console.log('verification failed:', status.description);
    break;
  case 'IN_PROGRESS':
    console.log('the wallet has not answered yet');
    break;
}

// The same call through the openapi-fetch client itself:
const { data } = await client.GET('/verification-session/status/{verificationSessionId}', {
  params: { path: { verificationSessionId: '497f6eca-6276-4993-bfeb-53cbbbba6f08' } },
});
console.log('status:', data?.verificationSessionStatus);
