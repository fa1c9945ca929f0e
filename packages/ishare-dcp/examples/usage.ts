import { createClient, getCredentialRequestStatus } from '@credstat/ishare-dcp';

// Validation, a 30 s per-attempt timeout and two retries are on by default.
const client = createClient({ token: process.env.ISHARE_DCP_TOKEN ?? '' });

// One function per operation, named by its operationId. It takes the client and
// one object: the path parameters by name, then `query` and `body` if it has them.
const result = await getCredentialRequestStatus(client, {
  requestId: 'urn:uuid:550e8400-e29b-41d4-a716-446655440000',
});
console.log(result);
