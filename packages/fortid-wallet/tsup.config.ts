import { packageBuild } from '../../tools/config/tsup.js';

export default packageBuild([
  'src/index.ts',
  'src/types.ts',
  'src/validators.ts',
  'src/dcql.ts',
  'src/scenarios.ts',
  'src/mock.ts',
]);
