import { api, createClient, waits } from '@credstat/fortid-wallet';
import { validateResponse } from '@credstat/fortid-wallet/validators';
import { describeApiContract } from '@credstat/tools/testing';

describeApiContract({ api, createClient, validateResponse, waits });
