// credstat-docs <api>: the API's reference page, by `redocly build-docs`,
// written to packages/<api>/site/index.html.
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

// Run as `credstat-docs` (tools/bin/docs.js), not when imported by the preview.
if (process.argv[1]?.endsWith('/bin/docs.js')) {
  const [name] = process.argv.slice(2);
  if (!name) {
    console.error('usage: credstat-docs <api>');
    process.exit(2);
  }
  console.log(`✓ ${buildDocs(name)}`);
}
