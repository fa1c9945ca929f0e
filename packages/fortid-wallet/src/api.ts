// The one descriptor the client and `./validators` share: the generated one,
// with the DCQL rules its schema cannot express checked beside the schema.
import { withResponseChecks } from '@credstat/core/validation';
import { verifySessionStatusIssues } from './dcql-checks.js';
import { api as generated } from './generated/api.gen.js';

export const api = withResponseChecks(generated, {
  'getVerifySessionStatus 200': verifySessionStatusIssues,
});
