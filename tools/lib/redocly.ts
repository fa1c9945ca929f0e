// Runs the Redocly CLI that the repo pins, whatever the working directory.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function redoclyBin(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
}
