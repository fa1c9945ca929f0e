import { createClient, getVerificationSessionStatus } from '@credstat/fortid-verifier';

const client = createClient({
  apiKey: process.env.FORTID_API_KEY ?? '',
  // The defaults, spelled out: up to 2 retries of network errors, timeouts, 429,
  // 500, 502, 503 and 504 (and statuses the API documents as "retry later"),
  // waiting a random 0–500 ms, then 0–1 s, … (capped at 20 s), or the server's
  // Retry-After when it is at most 60 s.
  retry: { maxRetries: 2, baseDelayMs: 500, maxDelayMs: 20_000, maxRetryAfterMs: 60_000 },
  onRetry: ({ operationId, attempt, reason, delayMs }) =>
    console.log(`${operationId}: attempt ${attempt} failed (${reason}), retrying in ${delayMs} ms`),
});

const status = await getVerificationSessionStatus(client, {
  verificationSessionId: '497f6eca-6276-4993-bfeb-53cbbbba6f08',
});
console.log('status:', status.verificationSessionStatus);
