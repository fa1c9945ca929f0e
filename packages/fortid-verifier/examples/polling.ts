import {
  createClient,
  SessionExpiredError,
  waitForVerificationSession,
} from '@credstat/fortid-verifier';

const client = createClient({ apiKey: process.env.FORTID_API_KEY ?? '' });

try {
  const result = await waitForVerificationSession(
    client,
    { verificationSessionId: '497f6eca-6276-4993-bfeb-53cbbbba6f08' },
    {
      intervalMs: 2_000, // then ×1.5 each poll, up to maxIntervalMs (10 s)
      deadlineMs: 120_000,
      onProgress: (status) => console.log('now:', status.verificationSessionStatus),
    },
  );
  // Only terminal statuses come back, and the type knows it.
  if (result.verificationSessionStatus === 'VERIFICATION_SUCCEEDED') {
    console.log('claims:', result.presentedClaims);
  } else {
    console.log('failed:', result.description);
  }
} catch (error) {
  if (!(error instanceof SessionExpiredError)) throw error;
  console.log('the wallet never answered; start a new session');
}
