import { validateResponse } from '@credstat/fortid-issuer/validators';

// A body from anywhere (a webhook, a cache, a log): check it against the spec.
const body: unknown = {
  issuanceSessionStatus: 'ISSUANCE_FAILED',
  description: 'Obtained invalid proof from wallet (signature verification failed).',
};
const result = validateResponse('getIssuanceSessionStatus', 200, body);
console.log(result.ok ? 'valid' : result.issues);
