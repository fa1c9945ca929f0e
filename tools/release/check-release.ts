// credstat-check-release (`pnpm check:release`): every published package whose
// spec changed since its last release has a pending changeset with a bump at least
// as large as the change needs (README, "Releasing"). Exits 1 naming the package
// and the diff's worst finding when one does not, or when git's history does not
// reach a package's last release (a shallow clone).
import { parseArgs } from 'node:util';
import { repoRoot } from '../lib/repo.ts';
import { type PendingBump, pendingBumps } from './changesets.ts';
import { type Finding, formatFinding } from './diff.ts';
import { ReleaseCheckError } from './git.ts';
import { atLeast, type Bump, neverReleased } from './policy.ts';
import { type PackageState, packageStates } from './release.ts';

const described: Record<Bump, string> = {
  major: 'has a breaking change',
  minor: 'has additions',
  patch: 'changed in ways rated patch (descriptions and the like)',
  none: 'is unchanged',
};

function worstFinding(findings: Finding[]): Finding | undefined {
  const [first] = findings;
  if (!first) return undefined;
  return findings.find((finding) => finding.impact === first.impact && finding.rule) ?? first;
}

function specStatus(state: PackageState): string {
  if (!state.api) return 'no spec';
  if (state.base.kind === 'worktree') return `${state.base.what}: no spec change to rate`;
  const since = `since ${state.base.what}`;
  if (!state.diff) return `its spec is unchanged ${since}`;
  const worst = worstFinding(state.diff.findings);
  const count = state.diff.findings.length;
  return (
    `its spec ${described[state.diff.impact]} ${since}: ${worst ? formatFinding(worst) : ''}` +
    (count > 1 ? ` (and ${count - 1} more finding${count > 2 ? 's' : ''})` : '')
  );
}

interface Verdict {
  ok: boolean;
  line: string;
}

function judge(state: PackageState, pending: PendingBump | undefined): Verdict {
  const { bump: required, why } = state.requirement;
  const label = `${state.name}@${state.version}`;
  const status = specStatus(state);
  const has = pending ? `${pending.bump} (${pending.files.join(', ')})` : 'none';
  if (required === 'none' || (pending && atLeast(pending.bump, required))) {
    const needs = required === 'none' ? '' : `; needs ${required}, changeset: ${has}`;
    return { ok: true, line: `✓ ${label}: ${status}${needs}` };
  }
  const hint = state.api
    ? `\`pnpm changeset:spec ${state.api.name}\` writes one ${neverReleased(state.version) ? 'for its first release' : 'from the diff'}`
    : '`pnpm changeset` writes one';
  return {
    ok: false,
    line:
      `✗ ${label}: ${status}.\n  It needs a ${required} changeset${why ? ` (${why})` : ''}; ` +
      `${pending ? `its pending changesets give only ${has}` : 'it has none'}. ${hint}.`,
  };
}

async function checkRelease(): Promise<Verdict[]> {
  const [states, bumps] = await Promise.all([packageStates(), pendingBumps(repoRoot)]);
  return states.map((state) => judge(state, bumps.get(state.name)));
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(
      'usage: credstat-check-release\n' +
        "Compares each API's spec with the spec at its package's last release (redocly diff)\n" +
        'and fails when the pending changesets do not bump the package enough.',
    );
    return 0;
  }
  const verdicts = await checkRelease();
  for (const verdict of verdicts) (verdict.ok ? console.log : console.error)(verdict.line);
  const failed = verdicts.filter((verdict) => !verdict.ok).length;
  if (failed > 0) {
    console.error(
      `check:release: ${failed} package${failed > 1 ? 's' : ''} without a large enough changeset ` +
        '(README, "Releasing").',
    );
    return 1;
  }
  console.log('check:release: every spec change has a large enough changeset.');
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof ReleaseCheckError) {
    console.error(`check:release: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
}
