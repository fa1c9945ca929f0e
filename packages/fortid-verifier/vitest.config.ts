import { packageProject } from '@credstat/tools/config/vitest';

export default packageProject('fortid-verifier');
