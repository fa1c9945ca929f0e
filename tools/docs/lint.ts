// `redocly lint <api>` with the repo's redocly.yaml (whatever rules and plugins
// it holds), as the preview runs it on every change: each problem with the file
// and line it is at, for the page's problem banner.
import { execFile } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { redoclyBin } from '../lib/redocly.ts';
import { type ApiEntry, redoclyConfigPath, repoRoot } from '../lib/repo.ts';

export interface LintProblem {
  severity: 'error' | 'warn' | 'warning' | 'info';
  ruleId: string;
  message: string;
  /** Repo-relative file the problem is in. */
  file: string;
  line?: number;
  col?: number;
}

interface RawProblem {
  ruleId?: string;
  severity?: LintProblem['severity'];
  message?: string;
  location?: { source?: { ref?: string }; start?: { line?: number; col?: number } }[];
}

/** Lints one API; a lint that cannot run at all is one problem on redocly.yaml. */
export async function lintApi(api: ApiEntry): Promise<LintProblem[]> {
  const args = [redoclyBin(), 'lint', api.name, '--config', redoclyConfigPath, '--format', 'json'];
  let stdout = '';
  let stderr = '';
  try {
    ({ stdout, stderr } = await promisify(execFile)(process.execPath, args, {
      cwd: repoRoot,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      maxBuffer: 16 * 1024 * 1024,
    }));
  } catch (error) {
    // Exits non-zero when there are errors; the report is still on stdout.
    const failed = error as { stdout?: string; stderr?: string };
    stdout = failed.stdout ?? '';
    stderr = failed.stderr ?? String(error);
  }
  return parseLintReport(stdout, stderr);
}

export function parseLintReport(stdout: string, stderr = ''): LintProblem[] {
  const start = stdout.indexOf('{');
  let report: { problems?: RawProblem[] } | undefined;
  try {
    report = start === -1 ? undefined : JSON.parse(stdout.slice(start));
  } catch {
    report = undefined;
  }
  if (!report?.problems) {
    const reason = stderr
      .split('\n')
      .filter((line) => line.trim() && !/[║╔╚]/.test(line))
      .join('\n')
      .trim();
    return [
      {
        severity: 'error',
        ruleId: 'lint',
        message: `redocly lint printed no report: ${reason || 'no output'}`,
        file: relative(repoRoot, redoclyConfigPath),
      },
    ];
  }
  return report.problems.map((problem) => {
    const [location] = problem.location ?? [];
    const ref = location?.source?.ref ?? relative(repoRoot, redoclyConfigPath);
    return {
      severity: problem.severity ?? 'error',
      ruleId: problem.ruleId ?? 'lint',
      message: problem.message ?? '',
      file: relative(repoRoot, resolve(repoRoot, ref)),
      line: location?.start?.line,
      col: location?.start?.col,
    };
  });
}
