import { createClient, getCredentialRequest, selfIssuedIdToken } from '@credstat/ishare-dcp';

// The holder signs its own Self-Issued ID Token (DCP v1.0) with its key: a new
// token, with a new jti, for every attempt and every poll.
const client = createClient({
  baseUrl: 'https://issuer.example.test/dcp',
  token: selfIssuedIdToken({
    privateKey: JSON.parse(process.env.HOLDER_PRIVATE_JWK ?? '{}'),
    holderDid: 'did:web:holder.example.test',
    issuerDid: 'did:web:issuer.example.test',
    kid: 'did:web:holder.example.test#key-1',
  }),
});

// The Location header of the issuer's 201 answer to POST /credentials, or the
// bare request id: both read the same resource. A Location on another origin
// is refused before anything is sent.
const location =
  'https://issuer.example.test/dcp/requests/urn%3Auuid%3A550e8400-e29b-41d4-a716-446655440000';
const status = await getCredentialRequest(client, location);
console.log(status.status);
