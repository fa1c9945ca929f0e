import { createClient, getVerifySessionStatus } from '@credstat/fortid-wallet';

// Validation, a 30 s per-attempt timeout and two retries are on by default.
const client = createClient({ token: process.env.FORTID_WALLET_TOKEN ?? '' });

// One function per operation, named by its operationId. It takes the client and
// one object: the path parameters by name, then `query` and `body` if it has them.
const result = await getVerifySessionStatus(client, {
  walletId: 'f4856bb7-d77a-4a6a-9c8a-7d7f6f639cfb',
  verificationSessionId: '497f6eca-6276-4993-bfeb-53cbbbba6f08',
});
console.log(result);
