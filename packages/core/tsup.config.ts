import { packageBuild } from '../../tools/config/tsup.js';

// mock-cli is credstat-mock's entry (bin/credstat-mock.js), the one that needs Node.
export default packageBuild([
  'src/index.ts',
  'src/undici.ts',
  'src/validation.ts',
  'src/mock.ts',
  'src/msw.ts',
  'src/mock-cli.ts',
]);
