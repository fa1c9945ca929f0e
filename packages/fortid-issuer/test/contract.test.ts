import { api, createClient, waits } from '@credstat/fortid-issuer';
import { validateResponse } from '@credstat/fortid-issuer/validators';
import {
  describeContract,
  describeSessionWaits,
  type ReplayClientOptions,
} from '@credstat/tools/testing';

const replayClient = (options: ReplayClientOptions) =>
  createClient({ apiKey: 'contract-test-credential', retry: false, ...options });

describeContract({ api, createClient: replayClient, validateResponse });
describeSessionWaits({ api, createClient: replayClient, waits });
