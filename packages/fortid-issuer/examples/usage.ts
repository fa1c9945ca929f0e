import { createClient, getIssuanceSessionStatus } from '@credstat/fortid-issuer';

// Validation, a 30 s per-attempt timeout and two retries are on by default.
const client = createClient({ apiKey: process.env.FORTID_ISSUER_API_KEY ?? '' });

// One function per operation, named by its operationId. It takes the client and
// one object: the path parameters by name, then `query` and `body` if it has them.
const result = await getIssuanceSessionStatus(client, {
  issuerId: 'fortid_issuer',
  sessionId: '497f6eca-6276-4993-bfeb-53cbbbba6f08',
});
console.log(result);
