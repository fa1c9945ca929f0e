// Which bump a spec change needs (README, "Releasing"): breaking → major,
// additive → minor, description-only → patch, as `redocly diff` rates them with the
// repo's config. Below 1.0 semver treats a minor as breaking (a caret range ^0.3.1
// never takes 0.4.0), so there a breaking change needs at least a minor; a major
// there releases 1.0.0, which is a decision of its own, never required. A package
// never released (0.0.0) needs at least a minor, so its first release is 0.1.0.

export type Bump = 'none' | 'patch' | 'minor' | 'major';

const rank: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

export function atLeast(bump: Bump, floor: Bump): boolean {
  return rank[bump] >= rank[floor];
}

export function worst<T extends Bump>(...bumps: T[]): T | 'none' {
  return bumps.reduce<T | 'none'>((max, bump) => (rank[bump] > rank[max] ? bump : max), 'none');
}

export function isBump(value: unknown): value is Bump {
  return typeof value === 'string' && value in rank;
}

/** A package that was never released: its version was never bumped from 0.0.0. */
export function neverReleased(version: string): boolean {
  return version === '0.0.0';
}

function belowOne(version: string): boolean {
  return /^0\./.test(version);
}

export interface Requirement {
  bump: Bump;
  /** Why, in words, when the policy changed what the spec diff alone asks for. */
  why?: string;
}

/** The smallest changeset bump a package at `version` needs for a spec diff rated `impact`. */
export function requiredBump(impact: Bump, version: string): Requirement {
  if (neverReleased(version)) {
    return {
      bump: 'minor',
      why: `never released, at ${version}: its first release is a minor bump, to 0.1.0`,
    };
  }
  if (impact === 'major' && belowOne(version)) {
    return {
      bump: 'minor',
      why: `at ${version}, below 1.0, a breaking change is a minor bump; a major would release 1.0.0`,
    };
  }
  return { bump: impact };
}

/** The bump `pnpm changeset:spec` proposes: the smallest that passes `pnpm check:release`. */
export function proposedBump(impact: Bump, version: string): Bump {
  return requiredBump(impact, version).bump;
}
