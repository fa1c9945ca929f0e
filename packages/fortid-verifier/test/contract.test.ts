import { api, createClient, waits } from '@credstat/fortid-verifier';
import { validateResponse } from '@credstat/fortid-verifier/validators';
import {
  describeContract,
  describeSessionWaits,
  type ReplayClientOptions,
} from '@credstat/tools/testing';

const replayClient = (options: ReplayClientOptions) =>
  createClient({ apiKey: 'contract-test-key', retry: false, ...options });

describeContract({ api, createClient: replayClient, validateResponse });
describeSessionWaits({ api, createClient: replayClient, waits });
