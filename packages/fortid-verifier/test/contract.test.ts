import { describeContract } from '@credstat/tools/testing';
import { api, createClient } from '@credstat/fortid-verifier';
import { validateResponse } from '@credstat/fortid-verifier/validators';

describeContract({
  api,
  createClient: (fetch) => createClient({ apiKey: 'contract-test-key', fetch, retry: false }),
  validateResponse,
});
