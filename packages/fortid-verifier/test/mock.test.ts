import { api, createClient, waits } from '@credstat/fortid-verifier';
import { handlers, respond } from '@credstat/fortid-verifier/mock';
import * as scenarios from '@credstat/fortid-verifier/scenarios';
import { validateResponse } from '@credstat/fortid-verifier/validators';
import { describeMockContract } from '@credstat/tools/testing';

describeMockContract({ api, createClient, validateResponse, waits, scenarios, handlers, respond });
