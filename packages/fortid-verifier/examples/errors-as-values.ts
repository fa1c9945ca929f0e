import { createClient } from '@credstat/fortid-verifier';

// openapi-fetch's own convention: documented error statuses resolve as
// `{ error, response }` instead of throwing. Failures with no documented body
// (network, timeout, invalid or undocumented response) still throw.
const client = createClient({ apiKey: process.env.FORTID_API_KEY ?? '', throwOnError: false });

const { data, error, response } = await client.GET(
  '/verification-session/status/{verificationSessionId}',
  {
    params: { path: { verificationSessionId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f' } },
  },
);
if (data) {
  console.log('status:', data.verificationSessionStatus);
} else {
  // Test `data` or `response.ok`, not `error`: a documented empty error body is `undefined`.
  console.log('failed with', response.status, error?.message);
}
