import { apiPackageBuild } from '../../tools/config/tsup.js';

export default apiPackageBuild();
