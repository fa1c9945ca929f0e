import { api, createClient, waits } from '@credstat/fortid-verifier';
import { validateResponse } from '@credstat/fortid-verifier/validators';
import { describeApiContract } from '@credstat/tools/testing';

describeApiContract({ api, createClient, validateResponse, waits });
