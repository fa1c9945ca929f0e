import { api, createClient, waits } from '@credstat/fortid-issuer';
import { validateResponse } from '@credstat/fortid-issuer/validators';
import { describeApiContract } from '@credstat/tools/testing';

describeApiContract({ api, createClient, validateResponse, waits });
