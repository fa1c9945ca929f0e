import {
  createClient,
  getVerificationSessionStatus,
  TimeoutError,
} from '@credstat/fortid-verifier';

// Each attempt (body included) gets 2 s, counted from when it starts.
const client = createClient({ apiKey: process.env.FORTID_API_KEY ?? '', timeoutMs: 2_000 });

try {
  // Your own signal bounds the whole call, retries and waits included.
  await getVerificationSessionStatus(
    client,
    { verificationSessionId: '497f6eca-6276-4993-bfeb-53cbbbba6f08' },
    {
      signal: AbortSignal.timeout(30_000),
    },
  );
} catch (error) {
  if (!(error instanceof TimeoutError)) throw error;
  console.log(`no answer within ${error.timeoutMs} ms, ${error.attempts} attempts`);
}
