import { createClient, getVerifySessionStatus } from '@credstat/fortid-wallet';
import { type DcqlCredential, matchDcqlQuery } from '@credstat/fortid-wallet/dcql';

// The wallet's own credentials, described the way the `dcql` library matches them.
const held: DcqlCredential[] = [
  {
    credential_format: 'dc+sd-jwt',
    vct: 'https://credentials.example.com/identity_credential',
    claims: {
      vct: 'https://credentials.example.com/identity_credential',
      family_name: 'Dent',
      postal_code: '12345',
      date_of_birth: '1990-01-01',
    },
    cryptographic_holder_binding: true,
  },
];

const client = createClient({ token: process.env.FORTID_WALLET_TOKEN ?? '' });
const session = await getVerifySessionStatus(client, {
  walletId: 'f4856bb7-d77a-4a6a-9c8a-7d7f6f639cfb',
  verificationSessionId: '497f6eca-6276-4993-bfeb-53cbbbba6f08',
});
if (session.status === 'CONSENT_REQUEST_READY') {
  const match = matchDcqlQuery(session.consentRequestObject, held);
  for (const query of match.credentialQueries) {
    for (const { index, paths } of query.credentials) {
      const claims = paths.map((path) => path.join('.'));
      console.log(`${query.id}: held credential ${index} would disclose`, claims);
    }
  }
  console.log(match.satisfied ? 'the request can be answered' : 'the request cannot be answered');
}
