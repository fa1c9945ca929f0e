import { api, createClient } from '@credstat/fortid-verifier';
import { validateResponse } from '@credstat/fortid-verifier/validators';
import { describeContract } from '@credstat/tools/testing';

describeContract({
  api,
  createClient: (options) =>
    createClient({ apiKey: 'contract-test-key', retry: false, ...options }),
  validateResponse,
});
