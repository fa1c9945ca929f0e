import { api, createClient } from '@credstat/fortid-verifier';
import { validateResponse } from '@credstat/fortid-verifier/validators';
import { describeContract } from '@credstat/tools/testing';

describeContract({
  api,
  createClient: (fetch) => createClient({ apiKey: 'contract-test-key', fetch, retry: false }),
  validateResponse,
});
