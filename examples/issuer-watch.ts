// An issuer's backend: it has offered a credential to a wallet through FortID's
// Issuer Service and watches the issuance session until the wallet has the
// credential or the issuance failed.
//
//   FORTID_ISSUER_ID=… FORTID_ISSUER_API_KEY=… node --import tsx issuer-watch.ts <sessionId>
//
// FORTID_ISSUER_URL overrides FortID's https://eis.fortid.com.
import {
  createClient,
  isCredstatError,
  SessionExpiredError,
  SessionNotFoundError,
  waitForIssuanceSession,
} from '@credstat/fortid-issuer';

const issuerId = process.env.FORTID_ISSUER_ID;
const [sessionId] = process.argv.slice(2);
if (!issuerId || !sessionId) {
  console.error('usage: FORTID_ISSUER_ID=<your issuer id> issuer-watch.ts <sessionId>');
  process.exit(2);
}

const client = createClient({
  baseUrl: process.env.FORTID_ISSUER_URL,
  apiKey: process.env.FORTID_ISSUER_API_KEY ?? '',
});

try {
  // The status read is a POST that only reads: it is polled and retried like a GET.
  const result = await waitForIssuanceSession(
    client,
    { issuerId, sessionId },
    {
      deadlineMs: 10 * 60_000,
      onProgress: (status) => console.log('session:', status.issuanceSessionStatus),
    },
  );
  if (result.issuanceSessionStatus === 'ISSUANCE_SUCCEEDED') {
    console.log('issued: the wallet holds the credential');
  } else {
    // e.g. the wallet's proof of possession did not verify.
    console.error('issuance failed:', result.description);
    process.exitCode = 1;
  }
} catch (error) {
  if (error instanceof SessionExpiredError) {
    console.error('the session expired before the wallet finished: offer the credential again');
  } else if (error instanceof SessionNotFoundError) {
    console.error('no such issuance session');
  } else if (isCredstatError(error)) {
    console.error(`cannot read the session (${error.kind}): ${error.message}`);
  } else {
    throw error;
  }
  process.exitCode = 1;
}
