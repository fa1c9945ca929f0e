import { validateResponse } from '@credstat/fortid-verifier/validators';

// A body from anywhere (a webhook, a cache, a log): check it against the spec.
const body: unknown = JSON.parse('{"verificationSessionStatus":"VERIFICATION_SUCCEEDED"}');
const result = validateResponse('getVerificationSessionStatus', 200, body);

if (result.ok) {
  console.log('valid:', result.value.verificationSessionStatus);
} else {
  for (const issue of result.issues) console.log('invalid:', issue.path || '(body)', issue.message);
}
