import { apiPackageBuild } from '../../tools/config/tsup.js';

// Plus the DCQL matcher, an entry of its own (./dcql).
export default apiPackageBuild(['src/dcql.ts']);
