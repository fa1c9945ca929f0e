// Runs `redocly drift` over HAR files and returns its JSON report.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { redoclyBin } from '../lib/redocly.ts';
import { redoclyConfigPath } from '../lib/repo.ts';

export interface DriftProblem {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  url: string;
  status: number;
}

export interface DriftReport {
  run: {
    totalExchanges: number;
    documentedExchanges: number;
    undocumentedExchanges: number;
    findingsBySeverity: { info: number; warning: number; error: number };
  };
  problems: DriftProblem[];
}

/** Drift over exactly `files` (drift reads folders recursively, so they are copied apart). */
export function runDrift(
  specPath: string,
  files: string[],
  ignoreHeaders: string[] = [],
): DriftReport {
  const dir = mkdtempSync(join(tmpdir(), 'credstat-drift-'));
  try {
    for (const [index, file] of files.entries())
      copyFileSync(file, join(dir, `${index}-${basename(file)}`));
    const args = [
      redoclyBin(),
      'drift',
      dir,
      '--api',
      specPath,
      '--format',
      'json',
      '--config',
      redoclyConfigPath,
    ];
    if (ignoreHeaders.length > 0) args.push('--ignore-headers', ignoreHeaders.join(','));
    const result = spawnSync(process.execPath, args, {
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    const start = result.stdout.indexOf('{');
    if (start === -1) throw new Error(`redocly drift printed no report: ${result.stderr}`);
    return JSON.parse(result.stdout.slice(start)) as DriftReport;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
