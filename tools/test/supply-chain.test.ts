// Supply chain (issue 22): CI installs exactly the lockfile; dependencies'
// install scripts run only from a short allowlist where every entry says why;
// freshly published versions wait minimumReleaseAge before pnpm takes them.
// Each check is a function of the files' text, run on the repo's files and on
// broken copies, so each is seen to fail.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isScalar, isSeq, parse, parseDocument } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** Lists whose every entry must carry a comment saying why it is there. */
const EXPLAINED_LISTS = [
  'onlyBuiltDependencies',
  'ignoredBuiltDependencies',
  'minimumReleaseAgeExclude',
] as const;
/** Below a day the wait catches little: most bad releases are pulled within days. */
const MIN_RELEASE_AGE_MINUTES = 1_440;

/** Every workspace install in a CI script that does not use the lockfile as it is. */
export function unfrozenInstalls(script: string): string[] {
  return script
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => !line.startsWith('#'))
    .filter((line) => /(\bpnpm\b|PNPM\[@\]\}")\s+(install|i)\b/.test(line))
    .filter((line) => !/--frozen-lockfile\b/.test(line) || /--no-frozen-lockfile\b/.test(line));
}

/** The build-script and release-age settings of pnpm-workspace.yaml, and what is wrong with them. */
export function workspaceProblems(text: string, lockedPackages: Set<string>): string[] {
  const problems: string[] = [];
  const document = parseDocument(text);
  if (document.errors.length > 0) return document.errors.map((e) => e.message);
  if (document.get('strictDepBuilds') !== true) problems.push('strictDepBuilds must be true');
  if (document.get('dangerouslyAllowAllBuilds') === true)
    problems.push('dangerouslyAllowAllBuilds runs every install script');
  for (const list of EXPLAINED_LISTS) {
    const node = document.get(list, true);
    if (node === undefined) continue;
    if (!isSeq(node)) {
      problems.push(`${list} must be a list`);
      continue;
    }
    node.items.forEach((item, i) => {
      const name = isScalar(item) ? String(item.value) : String(item);
      // The comment of the first entry, on the line above it, belongs to the list.
      const reason = isScalar(item)
        ? (item.comment ?? item.commentBefore ?? (i === 0 ? node.commentBefore : undefined))
        : undefined;
      if (!reason?.trim()) problems.push(`${list}: ${name} has no comment saying why`);
    });
  }
  const age = document.get('minimumReleaseAge');
  if (typeof age !== 'number' || !Number.isInteger(age) || age < MIN_RELEASE_AGE_MINUTES)
    problems.push(
      `minimumReleaseAge must be at least ${MIN_RELEASE_AGE_MINUTES} minutes, is ${age}`,
    );
  const excluded = document.get('minimumReleaseAgeExclude');
  for (const entry of (excluded as { toJSON(): unknown[] } | undefined)?.toJSON() ?? []) {
    // An exact version, not a name or pattern: one release waived, not every later one.
    if (typeof entry !== 'string' || !/^(@[^/@]+\/)?[^@*]+@\d[^*|| ]*$/.test(entry))
      problems.push(`minimumReleaseAgeExclude: ${entry} must be an exact name@version`);
    else if (!lockedPackages.has(entry))
      problems.push(`minimumReleaseAgeExclude: ${entry} is not in pnpm-lock.yaml; drop it`);
  }
  return problems;
}

/** Settings outside pnpm-workspace.yaml that would override it without a comment. */
export function overrideProblems(npmrc: string, rootManifest: { pnpm?: object }): string[] {
  const problems: string[] = [];
  const keys = [
    'strict-dep-builds',
    'only-built-dependencies',
    'ignored-built-dependencies',
    'never-built-dependencies',
    'dangerously-allow-all-builds',
    'minimum-release-age',
    'minimum-release-age-exclude',
  ];
  for (const line of npmrc.split('\n')) {
    const key = line.split('=')[0]?.trim().replace(/\[\]$/, '');
    if (key && keys.includes(key)) problems.push(`.npmrc sets ${key}`);
  }
  for (const key of Object.keys(rootManifest.pnpm ?? {}))
    if (/BuiltDependencies|AllowAllBuilds|minimumReleaseAge/i.test(key))
      problems.push(`package.json sets pnpm.${key}`);
  return problems;
}

function lockedPackages(lockfile: string): Set<string> {
  const { packages = {} } = parse(lockfile) as { packages?: Record<string, unknown> };
  return new Set(Object.keys(packages));
}

const workspace = read('pnpm-workspace.yaml');
const locked = lockedPackages(read('pnpm-lock.yaml'));

describe('supply chain', () => {
  it('CI installs with a frozen lockfile, and nowhere without one', () => {
    const script = read('.ci/run');
    expect(script).toMatch(/^"\$\{PNPM\[@\]\}" install --frozen-lockfile\b/m);
    expect(unfrozenInstalls(script)).toEqual([]);
    expect(read('README.md')).toContain('npx --yes pnpm@10.34.9 install --frozen-lockfile');
    // Broken copies are caught.
    const ciPnpm = '"$' + '{PNPM[@]}"'; // the script's own spelling, not a template
    expect(unfrozenInstalls(`${ciPnpm} install || exit 1`)).toHaveLength(1);
    expect(unfrozenInstalls('pnpm install --no-frozen-lockfile')).toHaveLength(1);
    expect(unfrozenInstalls('# pnpm install\nnpm install --prefix "$p" node')).toEqual([]);
  });

  it('strictDepBuilds stays on, every allowlist entry says why, minimumReleaseAge is set', () => {
    expect(workspaceProblems(workspace, locked)).toEqual([]);
    expect(overrideProblems(read('.npmrc'), JSON.parse(read('package.json')))).toEqual([]);
  });

  it('fails on an entry without a reason, strictDepBuilds off or no minimumReleaseAge', () => {
    const bare = workspace.replace(/(onlyBuiltDependencies:\n)/, '$1  - sharp\n');
    expect(workspaceProblems(bare, locked)).toEqual([
      'onlyBuiltDependencies: sharp has no comment saying why',
    ]);
    const ignored = workspace.replace(/(\n {2}- msw)/, '$1\n  - core-js');
    expect(workspaceProblems(ignored, locked)).toEqual([
      'ignoredBuiltDependencies: core-js has no comment saying why',
    ]);
    expect(
      workspaceProblems(
        workspace.replace('strictDepBuilds: true', 'strictDepBuilds: false'),
        locked,
      ),
    ).toEqual(['strictDepBuilds must be true']);
    expect(workspaceProblems(workspace.replace(/^minimumReleaseAge: .*$/m, ''), locked)).toEqual([
      'minimumReleaseAge must be at least 1440 minutes, is undefined',
    ]);
    expect(overrideProblems('engine-strict=true\nminimum-release-age=0\n', {})).toEqual([
      '.npmrc sets minimum-release-age',
    ]);
  });

  it('waives the release age only for exact versions in the lockfile', () => {
    const withExclude = (entry: string) =>
      workspace.replace(/(minimumReleaseAgeExclude:\n)/, `$1  - ${entry} # why\n`);
    expect(workspaceProblems(withExclude("'@types/*'"), locked)).toEqual([
      'minimumReleaseAgeExclude: @types/* must be an exact name@version',
    ]);
    expect(workspaceProblems(withExclude('left-pad@1.3.0'), locked)).toEqual([
      'minimumReleaseAgeExclude: left-pad@1.3.0 is not in pnpm-lock.yaml; drop it',
    ]);
  });
});
