import {
  createClient,
  isCredstatError,
  locateCredentialRequest,
  waitForCredentialRequest,
} from '@credstat/ishare-dcp';

const client = createClient({
  baseUrl: 'https://issuer.example.test/dcp',
  token: process.env.ISHARE_DCP_TOKEN ?? '',
});

// From the Location of POST /credentials: the id, and the base path it named.
const { requestId, baseUrl } = locateCredentialRequest(
  client,
  'https://issuer.example.test/dcp/requests/urn%3Auuid%3A550e8400-e29b-41d4-a716-446655440000',
);

try {
  // Polls (1 s, then ×1.5 up to 10 s) while the issuer says RECEIVED.
  const result = await waitForCredentialRequest(
    client,
    { requestId },
    { baseUrl, deadlineMs: 600_000 },
  );
  console.log(result.status === 'ISSUED' ? 'issued' : `rejected by ${result.issuerPid}`);
} catch (error) {
  // 404: the issuer does not know this request (or no longer does).
  if (!isCredstatError(error, 'session-not-found')) throw error;
  console.log('unknown request');
}
