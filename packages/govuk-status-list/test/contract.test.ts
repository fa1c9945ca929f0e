import { api, createClient, waits } from '@credstat/govuk-status-list';
import { validateResponse } from '@credstat/govuk-status-list/validators';
import { describeApiContract } from '@credstat/tools/testing';

describeApiContract({ api, createClient, validateResponse, waits });
