import { createClient, SessionExpiredError, waitForIssuanceSession } from '@credstat/fortid-issuer';

const client = createClient({ apiKey: process.env.FORTID_ISSUER_API_KEY ?? '' });

try {
  // Polls (1 s, then ×1.5 up to 10 s) until the wallet has its credential or it failed.
  const result = await waitForIssuanceSession(
    client,
    { issuerId: 'fortid_issuer', sessionId: '497f6eca-6276-4993-bfeb-53cbbbba6f08' },
    { deadlineMs: 120_000 },
  );
  if (result.issuanceSessionStatus === 'ISSUANCE_FAILED') {
    console.log('not issued:', result.description);
  } else {
    console.log('issued');
  }
} catch (error) {
  // 410: the session timed out and is in its grace period (a 404 comes after it).
  if (!(error instanceof SessionExpiredError)) throw error;
  console.log('the wallet never finished; start a new issuance');
}
