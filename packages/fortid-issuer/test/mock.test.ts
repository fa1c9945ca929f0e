import { api, createClient, waits } from '@credstat/fortid-issuer';
import { handlers, respond } from '@credstat/fortid-issuer/mock';
import * as scenarios from '@credstat/fortid-issuer/scenarios';
import { validateResponse } from '@credstat/fortid-issuer/validators';
import { describeMockContract } from '@credstat/tools/testing';

describeMockContract({ api, createClient, validateResponse, waits, scenarios, handlers, respond });
