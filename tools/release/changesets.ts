// The pending changesets (.changeset/*.md) and the bump each gives each package.
import readChangesets from '@changesets/read';
import { type Bump, worst } from './policy.ts';

export interface PendingBump {
  /** The largest bump any pending changeset gives the package (what `changeset version` applies). */
  bump: Bump;
  /** The changesets that name the package, as `.changeset/<id>.md`. */
  files: string[];
}

export async function pendingBumps(root: string): Promise<Map<string, PendingBump>> {
  const bumps = new Map<string, PendingBump>();
  for (const changeset of await readChangesets(root)) {
    for (const release of changeset.releases) {
      const pending = bumps.get(release.name) ?? { bump: 'none', files: [] };
      pending.bump = worst(pending.bump, release.type);
      pending.files.push(`.changeset/${changeset.id}.md`);
      bumps.set(release.name, pending);
    }
  }
  return bumps;
}
