// A verifier's backend: its frontend has shown the user a FortID verification
// request (a QR code or a link for their wallet); the backend waits for the
// wallet's answer and reads the claims it presented.
//
//   FORTID_API_KEY=… node --import tsx verifier-backend.ts <verificationSessionId>
//
// FORTID_VERIFIER_URL overrides FortID's https://evs.fortid.com.
import {
  createClient,
  isCredstatError,
  SessionExpiredError,
  SessionNotFoundError,
  waitForVerificationSession,
} from '@credstat/fortid-verifier';

const [verificationSessionId] = process.argv.slice(2);
if (!verificationSessionId) {
  console.error('usage: verifier-backend.ts <verificationSessionId>');
  process.exit(2);
}

const client = createClient({
  baseUrl: process.env.FORTID_VERIFIER_URL,
  // A missing key is a CredentialError, caught below: nothing is sent without it.
  apiKey: process.env.FORTID_API_KEY ?? '',
});

try {
  // Polls (1 s, then ×1.5 up to 10 s) while the session is IN_PROGRESS.
  const result = await waitForVerificationSession(
    client,
    { verificationSessionId },
    {
      deadlineMs: 5 * 60_000,
      onProgress: (status) => console.log('session:', status.verificationSessionStatus),
    },
  );
  if (result.verificationSessionStatus === 'VERIFICATION_SUCCEEDED') {
    for (const [claim, value] of Object.entries(result.presentedClaims)) {
      console.log(`claim ${claim}: ${JSON.stringify(value)}`);
    }
  } else {
    // The wallet answered, but its presentation did not verify.
    console.error('verification failed:', result.description);
    process.exitCode = 1;
  }
} catch (error) {
  if (error instanceof SessionExpiredError) {
    // 410: the wallet never answered within the session's lifetime.
    console.error('the session expired before the wallet answered: start a new one');
  } else if (error instanceof SessionNotFoundError) {
    // 404: a wrong id, or a session that expired long ago.
    console.error('no such verification session');
  } else if (isCredstatError(error)) {
    // Anything else the client can tell you (a rejected key, a timeout, …);
    // its message never holds the API key.
    console.error(`cannot read the session (${error.kind}): ${error.message}`);
  } else {
    throw error;
  }
  process.exitCode = 1;
}
