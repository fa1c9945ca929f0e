// A DCP holder: it asked an issuer for a credential (`POST /credentials`, DCP
// v1.0), and the issuer answered 201 with a `Location` naming the request.
// The holder follows that Location until the issuer has issued or rejected
// it, authenticating each read with a Self-Issued ID Token it signs itself.
//
//   ISHARE_DCP_URL=https://issuer.example/dcp HOLDER_DID=did:web:… ISSUER_DID=did:web:… \
//     node --import tsx dcp-follow-location.ts <Location>
//
// ISHARE_DCP_URL is the issuer's DCP service endpoint, from its DID document:
// the only origin the holder's tokens go to.
import {
  createClient,
  isCredstatError,
  locateCredentialRequest,
  SelfIssuedIdTokenError,
  SessionNotFoundError,
  selfIssuedIdToken,
  waitForCredentialRequest,
} from '@credstat/ishare-dcp';
import { generateKeyPair } from 'jose';

const { ISHARE_DCP_URL, HOLDER_DID, ISSUER_DID } = process.env;
const [location] = process.argv.slice(2);
if (!ISHARE_DCP_URL || !HOLDER_DID || !ISSUER_DID || !location) {
  console.error(
    'usage: ISHARE_DCP_URL=<issuer DCP endpoint> HOLDER_DID=<did> ISSUER_DID=<did> dcp-follow-location.ts <Location>',
  );
  process.exit(2);
}

// A real holder signs with its own key, the one its DID document lists under
// `kid`; this program makes a throwaway P-256 key instead.
const { privateKey } = await generateKeyPair('ES256');

try {
  const client = createClient({
    baseUrl: ISHARE_DCP_URL,
    // A new token (new jti) for every read: DCP issuers refuse a jti they have seen.
    token: selfIssuedIdToken({
      privateKey,
      holderDid: HOLDER_DID,
      issuerDid: ISSUER_DID,
      kid: `${HOLDER_DID}#key-1`,
    }),
  });
  // The request id, and the base path the Location put it under. A Location on
  // another origin than ISHARE_DCP_URL is refused here, before anything is sent.
  const { requestId, baseUrl } = locateCredentialRequest(client, location);
  console.log('request:', requestId);

  // Polls (1 s, then ×1.5 up to 10 s) while the issuer says RECEIVED.
  const result = await waitForCredentialRequest(
    client,
    { requestId },
    {
      baseUrl,
      deadlineMs: 10 * 60_000,
      onProgress: (status) => console.log('status:', status.status),
    },
  );
  if (result.status === 'ISSUED') {
    // The issuer now writes the credential to the holder's Credential Service.
    console.log(`issued (the issuer's id for it: ${result.issuerPid})`);
  } else {
    console.error(`rejected (the issuer's id for it: ${result.issuerPid})`);
    process.exitCode = 1;
  }
} catch (error) {
  if (error instanceof SelfIssuedIdTokenError) {
    // Bad DIDs or key: nothing was signed or sent.
    console.error(`cannot sign the holder's token (${error.problem}): ${error.message}`);
  } else if (error instanceof SessionNotFoundError) {
    // 404: the issuer does not know this request (or no longer does).
    console.error('the issuer knows no such request');
  } else if (isCredstatError(error)) {
    console.error(`cannot read the request (${error.kind}): ${error.message}`);
  } else {
    throw error;
  }
  process.exitCode = 1;
}
