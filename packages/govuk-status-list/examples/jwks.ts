import { publicJwks } from '@credstat/govuk-status-list';

// GOV.UK verifies your request JWTs with the keys at your own
// /.well-known/jwks.json: serve this document there (public members only).
const { publicKey } = await crypto.subtle.generateKey(
  { name: 'ECDSA', namedCurve: 'P-256' },
  true,
  ['sign', 'verify'],
);
const document = await publicJwks({ key: publicKey, kid: 'ab2f3738-03ec-4312-a65e-7f0461a34e7b' });
console.log(
  Object.keys(document.keys[0] ?? {})
    .sort()
    .join(' '),
);
