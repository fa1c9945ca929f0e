import { packageBuild } from '@credstat/tools/config/tsup';

export default packageBuild(['src/index.ts']);
