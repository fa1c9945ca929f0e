import { api, createClient, waits } from '@credstat/ishare-dcp';
import { validateResponse } from '@credstat/ishare-dcp/validators';
import { describeApiContract } from '@credstat/tools/testing';

describeApiContract({ api, createClient, validateResponse, waits });
