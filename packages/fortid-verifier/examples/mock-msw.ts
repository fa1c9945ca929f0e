import {
  createClient,
  getVerificationSessionStatus,
  isVerificationSessionError,
} from '@credstat/fortid-verifier';
import { handlers, respond } from '@credstat/fortid-verifier/mock';
import { setupServer } from 'msw/node';

// Every route of the API on its real server (https://evs.fortid.com), answering
// as the `default` scenario does; anything else is an error.
const server = setupServer(...handlers());
server.listen({ onUnhandledRequest: 'error' });

const client = createClient({ apiKey: 'test-key' });
const verificationSessionId = '497f6eca-6276-4993-bfeb-53cbbbba6f08';

// A body of your own, type-checked against the spec's 410 body.
server.use(
  respond('getVerificationSessionStatus', 410, { message: 'Verification session expired' }),
);
try {
  await getVerificationSessionStatus(client, { verificationSessionId });
} catch (error) {
  if (isVerificationSessionError(error) && error.hasStatus(410)) console.log(error.body.message);
}

server.resetHandlers(); // drops the override: back to the scenarios

// Or any scenario, per request, with a header.
const failing = createClient({
  apiKey: 'test-key',
  headers: { 'X-Credstat-Scenario': 'status-500' },
});
await getVerificationSessionStatus(failing, { verificationSessionId }).catch((error) =>
  console.log('status:', error.status),
);

server.close();
