// `redocly diff` between a spec at its package's last release and the spec now,
// with the repo's redocly.yaml (`diff-recommended`), and its findings in words.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { redoclyBin } from '../lib/redocly.ts';
import { type Bump, isBump, worst } from './policy.ts';

const run = promisify(execFile);

const env = {
  ...process.env,
  NO_COLOR: '1',
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
};

async function redocly(args: string[], what: string): Promise<void> {
  try {
    await run(process.execPath, [redoclyBin(), ...args], { env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${what} failed:\n${`${stdout}\n${stderr}`.trim().slice(-4000)}`);
  }
}

/** `redocly bundle`: the split spec as one file. */
export async function bundle(spec: string, out: string, config: string): Promise<void> {
  await redocly(['bundle', spec, '--output', out, '--config', config], `redocly bundle ${spec}`);
}

interface DiffVerdict {
  ruleId: string;
  impact: string;
  message: string;
  location?: { pointer?: string };
}

interface DiffChange {
  path: string;
  kind: string;
  impact: string;
  property?: string;
  verdicts?: DiffVerdict[];
  base?: { pointer?: string };
  revision?: { pointer?: string };
}

interface DiffReport {
  changes?: DiffChange[];
}

/** One change `redocly diff` found, with the bump it rates it at. */
export interface Finding {
  impact: Exclude<Bump, 'none'>;
  /** The diff rule that rated it, when one did (e.g. `required-properties-removed`). */
  rule?: string;
  /** What changed, in words. */
  message: string;
  /** Where, in words (operation or schema, then the member). */
  where: string;
}

export interface SpecDiff {
  /** The worst impact of any change: the bump the diff asks for. */
  impact: Bump;
  /** Every change, the worst first; a change seen through several operations once. */
  findings: Finding[];
}

const methods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** A JSON pointer into the bundled spec, in words: `GET /x/{id} › 200 response › application/json › a.b`. */
export function describePointer(pointer: string): string {
  const segments = pointer
    .replace(/^#?\/?/, '')
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
  const parts: string[] = [];
  let rest = segments;
  if (segments[0] === 'paths' && segments[1]) {
    const method = segments[2];
    if (method && methods.has(method)) {
      parts.push(`${method.toUpperCase()} ${segments[1]}`);
      rest = segments.slice(3);
    } else {
      parts.push(segments[1]);
      rest = segments.slice(2);
    }
  } else if (segments[0] === 'components' && segments[1] && segments[2]) {
    const kind = segments[1]
      .replace(/s$/, '')
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase();
    parts.push(`${kind} ${segments[2]}`);
    rest = segments.slice(3);
  }
  const field: string[] = [];
  const flush = () => {
    if (field.length > 0) parts.push(field.splice(0).join('.'));
  };
  for (let i = 0; i < rest.length; i += 1) {
    const segment = rest[i] as string;
    const next = rest[i + 1];
    if (segment === 'properties' && next !== undefined) {
      field.push(next);
      i += 1;
    } else if (segment === 'items') {
      field.push('[]');
    } else if (segment === 'schema') {
      // The body's schema: its members follow.
    } else if ((segment === 'mapping' || segment === 'content') && next !== undefined) {
      flush();
      parts.push(next);
      i += 1;
    } else if (segment === 'discriminator') {
      // `discriminator/mapping/<value>`: the variant, named by its value.
    } else if (segment === 'responses' && next !== undefined) {
      flush();
      parts.push(`${next} response`);
      i += 1;
    } else if ((segment === 'parameters' || segment === 'headers') && next !== undefined) {
      flush();
      parts.push(`${segment === 'headers' ? 'header' : 'parameter'} ${next}`);
      i += 1;
    } else if (segment === 'requestBody') {
      flush();
      parts.push('request body');
    } else {
      field.push(segment);
    }
  }
  flush();
  return parts.length > 0 ? parts.join(' › ') : '(the document)';
}

function findingsOf(change: DiffChange): Finding[] {
  const impact = isBump(change.impact) && change.impact !== 'none' ? change.impact : undefined;
  if (change.verdicts && change.verdicts.length > 0) {
    return change.verdicts.flatMap((verdict) => {
      const rated = isBump(verdict.impact) && verdict.impact !== 'none' ? verdict.impact : impact;
      if (!rated) return [];
      return [
        {
          impact: rated,
          rule: verdict.ruleId,
          message: verdict.message,
          where: describePointer(verdict.location?.pointer ?? change.path),
        },
      ];
    });
  }
  if (!impact) return [];
  let pointer = change.revision?.pointer ?? change.base?.pointer ?? change.path;
  // A modified property's pointer ends at the property: name its owner.
  if (change.property && pointer.endsWith(`/${change.property}`)) {
    pointer = pointer.slice(0, -change.property.length - 1);
  }
  const what =
    change.kind === 'modified' ? `${change.property ?? 'value'} changed` : `${change.kind}`;
  const where = describePointer(pointer);
  return [{ impact, message: `${where}: ${what}`, where }];
}

const order: Record<Finding['impact'], number> = { major: 0, minor: 1, patch: 2 };

export function findingsOfReport(report: DiffReport): Finding[] {
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const change of report.changes ?? []) {
    for (const finding of findingsOf(change)) {
      const key = `${finding.impact}\0${finding.rule ?? ''}\0${finding.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(finding);
    }
  }
  // Stable: within an impact, in the order the diff reports them.
  return findings.sort((a, b) => order[a.impact] - order[b.impact]);
}

/** `redocly diff base revision` (both bundled) with the repo config, as findings. */
export async function diffSpecs(
  base: string,
  revision: string,
  config: string,
  workDir: string,
): Promise<SpecDiff> {
  mkdirSync(workDir, { recursive: true });
  const out = join(workDir, 'diff.json');
  await redocly(
    [
      'diff',
      base,
      revision,
      '--config',
      config,
      '--format',
      'json',
      '--fail-on',
      'none',
      '-o',
      out,
    ],
    'redocly diff',
  );
  const findings = findingsOfReport(JSON.parse(readFileSync(out, 'utf8')) as DiffReport);
  return { impact: worst(...findings.map((finding) => finding.impact)), findings };
}

/** A finding as one line: the rule and its message, or what changed where. */
export function formatFinding(finding: Finding): string {
  return finding.rule
    ? `${finding.rule}: ${finding.message} (${finding.where})`
    : `${finding.impact}: ${finding.message}`;
}
