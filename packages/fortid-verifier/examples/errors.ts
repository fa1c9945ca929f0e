import {
  createClient,
  getVerificationSessionStatus,
  isCredstatError,
  isVerificationSessionError,
} from '@credstat/fortid-verifier';

const client = createClient({ apiKey: process.env.FORTID_API_KEY ?? '' });

try {
  const status = await getVerificationSessionStatus(client, {
    verificationSessionId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  });
  console.log('status:', status.verificationSessionStatus);
} catch (error) {
  if (isVerificationSessionError(error) && error.hasStatus(410)) {
    // A documented status: `body` is validated and typed ({ message: string }).
    console.log('expired:', error.body.message);
  } else if (isCredstatError(error)) {
    // Anything else: `kind` narrows to each error's own members.
    switch (error.kind) {
      case 'timeout':
        console.log(`no answer within ${error.timeoutMs} ms (${error.attempts} attempts)`);
        break;
      case 'unexpected-status':
        console.log(`undocumented ${error.status}: ${error.bodyPreview}`);
        break;
      default:
        console.log(`${error.kind} after ${error.attempts} attempt(s): ${error.message}`);
    }
  } else {
    throw error;
  }
}
