import { createClient, waitForVerificationSession } from '@credstat/fortid-verifier';
import { createMockApi } from '@credstat/fortid-verifier/scenarios';

// The mock answers from the recorded fixtures: IN_PROGRESS once, then the
// scenario's terminal status. No network, no msw.
const mock = createMockApi({ scenario: 'verification-failed', polls: 1 });
const client = createClient({ apiKey: 'test-key', fetch: mock.fetch });

const result = await waitForVerificationSession(
  client,
  { verificationSessionId: '497f6eca-6276-4993-bfeb-53cbbbba6f08' },
  { intervalMs: 10 },
);
console.log(result.verificationSessionStatus); // VERIFICATION_FAILED
