// credstat-changeset-spec [api…] (`pnpm changeset:spec`): for each API (all by
// default) whose spec changed since its package's last release, writes the
// changeset that change needs, `.changeset/<api>-spec-<release>.md`: the bump by
// README's mapping and the diff's findings as the release note. The author
// reviews it (rewording the note for users is welcome); running it again after
// more spec changes rewrites the same file, since it covers every change since
// the release. A package never released gets `.changeset/<api>-first-release.md`
// (a minor, so that its first release is 0.1.0) unless a pending changeset already
// gives it one: its first release is the spec as it is, whatever changed before.
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { listApis, repoRoot } from '../lib/repo.ts';
import { pendingBumps } from './changesets.ts';
import type { Finding, SpecDiff } from './diff.ts';
import { ReleaseCheckError } from './git.ts';
import { atLeast, type Bump, neverReleased } from './policy.ts';
import { type PackageState, packageStates } from './release.ts';

/** At most this many findings in a note; the rest are counted. */
const MAX_FINDINGS = 40;

const headings: Record<Finding['impact'], string> = {
  major: 'Breaking',
  minor: 'Added',
  patch: 'Documentation and other compatible changes',
};

function line(finding: Finding): string {
  return finding.rule
    ? `- ${finding.message} (\`${finding.rule}\`; ${finding.where})`
    : `- ${finding.message}`;
}

function changesetText(state: PackageState, diff: SpecDiff, bump: Bump): string {
  const lines = [
    '---',
    `"${state.name}": ${bump}`,
    '---',
    '',
    `Spec changes since ${state.version}, as \`redocly diff\` rates them:`,
  ];
  const shown = diff.findings.slice(0, MAX_FINDINGS);
  for (const impact of ['major', 'minor', 'patch'] as const) {
    const group = shown.filter((finding) => finding.impact === impact);
    if (group.length === 0) continue;
    lines.push('', `${headings[impact]}:`, '', ...group.map(line));
  }
  const more = diff.findings.length - shown.length;
  if (more > 0) lines.push('', `…and ${more} more (\`redocly diff\` lists them all).`);
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    options: { help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(
      'usage: credstat-changeset-spec [api…]\n' +
        "Writes .changeset/<api>-spec-<release>.md from the API's spec diff since its last release.",
    );
    return 0;
  }
  const known = listApis().map((api) => api.name);
  const unknown = positionals.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    console.error(
      `No API named ${unknown.join(', ')} in redocly.yaml (APIs: ${known.join(', ')}).`,
    );
    return 2;
  }
  const states = (await packageStates(positionals.length > 0 ? positionals : undefined)).filter(
    (state) => state.api,
  );
  const pending = await pendingBumps(repoRoot);
  let written = 0;
  let failed = false;
  for (const state of states) {
    const api = state.api?.name as string;
    const first = pending.get(state.name);
    if (neverReleased(state.version)) {
      if (first && atLeast(first.bump, 'minor')) {
        console.log(
          `${api}: never released; its first release (${first.files.join(', ')}) covers the spec as it is; nothing written.`,
        );
        continue;
      }
      const file = join(repoRoot, '.changeset', `${api}-first-release.md`);
      if (existsSync(file)) {
        console.error(
          `${api}: never released, and ${relative(repoRoot, file)} gives it only ${first?.bump ?? 'no bump'}: make it a minor, so that its first release is 0.1.0.`,
        );
        failed = true;
        continue;
      }
      const what = state.description.replace(/\.$/, '');
      writeFileSync(
        file,
        `---\n"${state.name}": minor\n---\n\nFirst release${what ? `: ${what}` : ''}.\n`,
      );
      written += 1;
      console.log(
        `${api}: ${relative(repoRoot, file)}, minor (its first release, 0.1.0). Review it.`,
      );
      continue;
    }
    if (!state.diff || state.base.kind !== 'commit') {
      const why =
        state.base.kind === 'commit'
          ? `spec unchanged since its last release (${state.base.what})`
          : state.base.what;
      console.log(`${api}: ${why}; nothing written.`);
      continue;
    }
    const bump = state.requirement.bump;
    const file = join(repoRoot, '.changeset', `${api}-spec-${state.base.short}.md`);
    writeFileSync(file, changesetText(state, state.diff, bump));
    written += 1;
    console.log(
      `${api}: ${relative(repoRoot, file)}, ${bump} (the diff rates it ${state.diff.impact}; ` +
        `${state.diff.findings.length} finding${state.diff.findings.length === 1 ? '' : 's'}). Review it.`,
    );
  }
  if (written === 0 && !failed) console.log('changeset:spec: nothing to write.');
  return failed ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof ReleaseCheckError ? `changeset:spec: ${error.message}` : error);
  process.exitCode = 1;
}
