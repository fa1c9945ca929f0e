import { packageBuild } from '../../tools/config/tsup.js';

export default packageBuild(['src/index.ts', 'src/undici.ts']);
