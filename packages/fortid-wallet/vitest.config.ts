import { packageProject } from '../../tools/config/vitest.js';

export default packageProject('fortid-wallet');
