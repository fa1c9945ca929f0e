import { api, createClient, waits } from '@credstat/ishare-dcp';
import { handlers, respond } from '@credstat/ishare-dcp/mock';
import * as scenarios from '@credstat/ishare-dcp/scenarios';
import { validateResponse } from '@credstat/ishare-dcp/validators';
import { describeMockContract } from '@credstat/tools/testing';

describeMockContract({ api, createClient, validateResponse, waits, scenarios, handlers, respond });
