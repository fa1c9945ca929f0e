import { api, createClient, waits } from '@credstat/fortid-wallet';
import { handlers, respond } from '@credstat/fortid-wallet/mock';
import * as scenarios from '@credstat/fortid-wallet/scenarios';
import { validateResponse } from '@credstat/fortid-wallet/validators';
import { describeMockContract } from '@credstat/tools/testing';

describeMockContract({ api, createClient, validateResponse, waits, scenarios, handlers, respond });
