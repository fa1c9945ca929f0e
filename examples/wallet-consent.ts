// A wallet's backend: a verifier has asked the user's FortID wallet for
// credentials. The wallet waits for the consent request, then works out which
// of its credentials answer the verifier's DCQL query and what each would
// disclose: what it shows the user before they consent.
//
//   FORTID_WALLET_TOKEN=… node --import tsx wallet-consent.ts <walletId> <verificationSessionId>
//
// FORTID_WALLET_URL overrides the Wallet Service's default address.
import {
  createClient,
  isCredstatError,
  SessionNotFoundError,
  waitForConsentRequest,
} from '@credstat/fortid-wallet';
import { type DcqlCredential, matchDcqlQuery } from '@credstat/fortid-wallet/dcql';

/** An SD-JWT VC as `dcql` matches it: its type, claims and holder binding. */
type SdJwtVc = Extract<DcqlCredential, { vct: string }>;

const [walletId, verificationSessionId] = process.argv.slice(2);
if (!walletId || !verificationSessionId) {
  console.error('usage: wallet-consent.ts <walletId> <verificationSessionId>');
  process.exit(2);
}

const client = createClient({
  baseUrl: process.env.FORTID_WALLET_URL,
  token: process.env.FORTID_WALLET_TOKEN ?? '',
});

try {
  // Ends at the first status other than IN_PROGRESS.
  const session = await waitForConsentRequest(
    client,
    { walletId, verificationSessionId },
    { deadlineMs: 5 * 60_000 },
  );
  if (session.status !== 'CONSENT_REQUEST_READY') {
    // The verification ended before there was anything to consent to.
    console.error('the verification already ended:', session.status);
    process.exitCode = session.status === 'VERIFY_FAILED' ? 1 : 0;
  } else {
    const { validated_authorization_request: request, matching_credentials: candidates } =
      session.consentRequestObject;
    console.log(
      `${request.client_id} asks for: ${request.dcql_query.credentials.map((q) => q.id).join(', ')}`,
    );

    // FortID sends the wallet's credentials that may answer, decoded. Describe
    // the SD-JWT VCs among them the way `dcql` matches credentials (an mdoc's
    // payload does not name its doctype, so mdocs are left out here). They
    // are bound to the wallet's keys: a presentation proves it holds them.
    const sdJwtVcs = candidates.flatMap((candidate) => {
      const payload = candidate.decodedPayload['dc+sd-jwt'];
      if (typeof payload?.vct !== 'string') return [];
      const credential: SdJwtVc = {
        credential_format: 'dc+sd-jwt',
        vct: payload.vct,
        claims: payload as SdJwtVc['claims'], // JSON, as FortID decoded it
        cryptographic_holder_binding: true,
      };
      return [{ id: candidate.id, credential }];
    });

    const match = matchDcqlQuery(
      session.consentRequestObject,
      sdJwtVcs.map(({ credential }) => credential),
    );
    for (const query of match.credentialQueries) {
      // Several may answer one query: this wallet proposes the first.
      const [chosen] = query.credentials;
      if (!chosen) {
        console.log(`${query.id}: no credential held answers it`);
        continue;
      }
      const claims = chosen.paths.map((path) => path.join('.')).join(', ');
      console.log(
        `${query.id}: present credential ${sdJwtVcs[chosen.index]?.id}, disclosing ${claims || 'no claims'}`,
      );
    }
    if (match.satisfied) {
      console.log('the request can be answered: ask the user to consent');
    } else {
      console.error('the request cannot be answered with the credentials held');
      process.exitCode = 1;
    }
  }
} catch (error) {
  if (error instanceof SessionNotFoundError) {
    console.error('no such verify session');
  } else if (isCredstatError(error)) {
    // A rejected token, a body that breaks the DCQL rules, a timeout, …
    console.error(`cannot read the session (${error.kind}): ${error.message}`);
  } else {
    throw error;
  }
  process.exitCode = 1;
}
