import { validateResponse } from '@credstat/govuk-status-list/validators';

// A body from anywhere (a webhook, a cache, a log): check it against the spec.
const body: unknown = { idx: 3, uri: 'https://crs.account.gov.uk/b/A671FED3E9AD' };
const result = validateResponse('issueStatusListEntry', 200, body);
console.log(result.ok ? 'valid' : result.issues);
