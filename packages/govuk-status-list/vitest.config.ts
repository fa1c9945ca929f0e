import { packageProject } from '../../tools/config/vitest.js';

export default packageProject('govuk-status-list');
