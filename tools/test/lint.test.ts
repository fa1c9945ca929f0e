// Every spec passes redocly lint with zero errors and zero warnings.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { redoclyBin } from '../lib/redocly.ts';
import { listApis, redoclyConfigPath } from '../lib/repo.ts';

describe.each(listApis().map((api) => [api.name] as const))('redocly lint %s', (name) => {
  it('reports no error and no warning', () => {
    const result = spawnSync(
      process.execPath,
      [redoclyBin(), 'lint', name, '--config', redoclyConfigPath, '--format', 'json'],
      { encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off' } },
    );
    const report = JSON.parse(result.stdout.slice(result.stdout.indexOf('{'))) as {
      totals: { errors: number; warnings: number };
      problems: { message: string }[];
    };
    expect(report.problems.map((problem) => problem.message)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    expect(result.status).toBe(0);
  });
});
