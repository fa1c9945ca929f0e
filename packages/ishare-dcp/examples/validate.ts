import { validateResponse } from '@credstat/ishare-dcp/validators';

// A body from anywhere (a webhook, a cache, a log): check it against the spec.
const body: unknown = {
  '@context': ['https://w3id.org/dspace-dcp/v1.0/dcp.jsonld'],
  type: 'CredentialStatus',
  issuerPid: 'issuerPid',
  holderPid: 'holderPid',
  status: 'RECEIVED',
};
const result = validateResponse('getCredentialRequestStatus', 200, body);
console.log(result.ok ? 'valid' : result.issues);
