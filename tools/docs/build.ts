// An API's reference page, by `redocly build-docs`, written to
// packages/<api>/site/index.html (the `credstat-docs` command is docs-cli.ts).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { redoclyBin } from '../lib/redocly.ts';
import { findApi, redoclyConfigPath } from '../lib/repo.ts';

export function buildDocs(name: string): string {
  const api = findApi(name);
  const output = join(api.packageDir, 'site', 'index.html');
  execFileSync(
    process.execPath,
    [redoclyBin(), 'build-docs', api.name, '--config', redoclyConfigPath, '--output', output],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    },
  );
  return output;
}
