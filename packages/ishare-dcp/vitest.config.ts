import { packageProject } from '../../tools/config/vitest.js';

export default packageProject('ishare-dcp');
