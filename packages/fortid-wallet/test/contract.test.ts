import { api, createClient, waits } from '@credstat/fortid-wallet';
import { validateResponse } from '@credstat/fortid-wallet/validators';
import {
  describeContract,
  describeSessionWaits,
  type ReplayClientOptions,
} from '@credstat/tools/testing';

const replayClient = (options: ReplayClientOptions) =>
  createClient({ token: 'contract-test-credential', retry: false, ...options });

describeContract({ api, createClient: replayClient, validateResponse });
describeSessionWaits({ api, createClient: replayClient, waits });
