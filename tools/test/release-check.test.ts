// `pnpm check:release` and `pnpm changeset:spec` on a scratch repo: the working
// tree, committed, then released as 0.1.0 (every pending changeset applied), so
// that each test's spec change is measured from a release.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  commitAll,
  git,
  linkModules,
  run,
  scratchRepo,
  stopAll,
  tool,
} from '../release/scratch.ts';

const TIMEOUT = 120_000;
let root: string;
let repo: string;

const succeeded = 'specs/fortid-verifier/components/schemas/VerificationSucceeded.yaml';
const errorMessage = 'specs/fortid-verifier/components/schemas/ErrorMessage.yaml';

function edit(file: string, change: (text: string) => string): void {
  const path = join(repo, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`${file}: the edit changed nothing`);
  writeFileSync(path, after);
}

/** presentedClaims stays in the schema but is no longer required: a breaking change. */
const dropRequired = (text: string) => text.replace('  - presentedClaims\n', '');
/** The status is no longer required either: breaking again, once presentedClaims' change is released. */
const dropStatus = (text: string) => text.replace('  - verificationSessionStatus\n', '');
/** A new optional member of the error body: an additive change. */
const addMember = (text: string) =>
  `${text}  code:\n    type: string\n    description: A machine-readable reason.\n`;
/** A description only. */
const reword = (text: string) => text.replace(/(\n {4}description: ).*/, '$1Why, for a person.');

function changeset(name: string, bump: string, note = 'A note.'): void {
  writeFileSync(
    join(repo, '.changeset', `${name}.md`),
    `---\n"@credstat/fortid-verifier": ${bump}\n---\n\n${note}\n`,
  );
}

function setVersion(version: string): void {
  for (const entry of readdirSync(join(repo, 'packages'))) {
    const file = join(repo, 'packages', entry, 'package.json');
    const json = JSON.parse(readFileSync(file, 'utf8')) as { version: string };
    json.version = version;
    writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  }
}

/** Applies every pending changeset, as `changeset version` does for the version: all go to `version`. */
function release(version: string): string {
  setVersion(version);
  for (const file of readdirSync(join(repo, '.changeset'))) {
    if (file.endsWith('.md') && file !== 'README.md') rmSync(join(repo, '.changeset', file));
  }
  return commitAll(repo, `Version packages (${version})`);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'credstat-release-check-'));
  const origin = join(root, 'origin');
  scratchRepo(origin);
  // A clone, as CI's: full history.
  git(root, 'clone', '-q', origin, 'repo');
  repo = join(root, 'repo');
  linkModules(repo);
}, TIMEOUT);

afterAll(() => {
  stopAll();
  rmSync(root, { recursive: true, force: true });
});

describe('pnpm check:release', () => {
  it(
    'passes on a clean clone: every never-released package has its first-release changeset',
    async () => {
      const result = await tool(repo, 'check-release');
      expect(result.output).toContain('@credstat/fortid-verifier@0.0.0');
      expect(result.code, result.output).toBe(0);
    },
    TIMEOUT,
  );

  it(
    'fails for a never-released package without a changeset: its first release must be 0.1.0',
    async () => {
      const file = join(repo, '.changeset', 'ishare-dcp-first-release.md');
      const note = readFileSync(file, 'utf8');
      rmSync(file);
      try {
        const result = await tool(repo, 'check-release');
        expect(result.code, result.output).toBe(1);
        expect(result.stderr).toMatch(/✗ @credstat\/ishare-dcp@0\.0\.0: .*\n.*needs a minor/);
        expect(result.stderr).toContain(
          'never released, at 0.0.0: its first release is a minor bump, to 0.1.0',
        );
        expect(result.stderr).toContain('`pnpm changeset:spec ishare-dcp` writes one');
        // It does: a first-release stub from the package's description, for the author to fill in.
        const written = await tool(repo, 'changeset-spec', 'ishare-dcp');
        expect(written.code, written.output).toBe(0);
        expect(readFileSync(file, 'utf8')).toBe(
          '---\n"@credstat/ishare-dcp": minor\n---\n\nFirst release: Typed client and validators for iSHARE DCP — credential request status.\n',
        );
        expect((await tool(repo, 'check-release')).code).toBe(0);
      } finally {
        writeFileSync(file, note);
      }
    },
    TIMEOUT,
  );

  it(
    'a version set back to 0.0.0 is no release: the spec is rated from the release before it',
    async () => {
      setVersion('0.1.0');
      commitAll(repo, 'a version bump that was never published');
      edit(succeeded, dropRequired);
      setVersion('0.0.0');
      commitAll(repo, 'back to 0.0.0');
      try {
        const result = await tool(repo, 'check-release');
        // The reset is skipped: the spec is rated from the release before it.
        expect(result.output).toMatch(
          /@credstat\/fortid-verifier@0\.0\.0: its spec has a breaking change since \w+, which set its version to 0\.1\.0/,
        );
        expect(result.output).not.toContain('which set its version to 0.0.0');
      } finally {
        git(repo, 'reset', '-q', '--hard', 'HEAD~2');
      }
    },
    TIMEOUT,
  );

  it(
    'changeset:spec leaves a never-released package to its first-release changeset',
    async () => {
      edit(succeeded, dropRequired);
      try {
        const result = await tool(repo, 'changeset-spec', 'fortid-verifier');
        expect(result.code, result.output).toBe(0);
        expect(result.stdout).toContain(
          'fortid-verifier: never released; its first release (.changeset/fortid-verifier-first-release.md',
        );
        expect(result.stdout).toContain('changeset:spec: nothing to write.');
      } finally {
        git(repo, 'checkout', '-q', '--', 'specs');
      }
    },
    TIMEOUT,
  );

  it(
    'passes after a release with nothing changed since',
    async () => {
      release('0.1.0');
      const result = await tool(repo, 'check-release');
      expect(result.code, result.output).toBe(0);
      expect(result.stdout).toMatch(
        /@credstat\/fortid-verifier@0\.1\.0: its spec is unchanged since [0-9a-f]{7}, which set its version to 0\.1\.0/,
      );
    },
    TIMEOUT,
  );

  it(
    'fails on a committed breaking spec change with no changeset, naming the package and the finding',
    async () => {
      edit(succeeded, dropRequired);
      commitAll(repo, 'spec: presentedClaims is optional');
      const result = await tool(repo, 'check-release');
      expect(result.code, result.output).toBe(1);
      expect(result.stderr).toContain(
        '✗ @credstat/fortid-verifier@0.1.0: its spec has a breaking change',
      );
      expect(result.stderr).toContain(
        'required-properties-removed: Properties of `VERIFICATION_SUCCEEDED` are no longer required: `presentedClaims`.',
      );
      expect(result.stderr).toContain(
        'It needs a minor changeset (at 0.1.0, below 1.0, a breaking change is a minor bump; a major would release 1.0.0)',
      );
      expect(result.stderr).toContain('it has none');
      expect(result.stderr).toContain('pnpm changeset:spec fortid-verifier');
      // The other packages are fine.
      expect(result.stdout).toContain('✓ @credstat/fortid-issuer@0.1.0');
      expect(result.stderr).not.toContain('✗ @credstat/fortid-issuer');
    },
    TIMEOUT,
  );

  it(
    'fails when the changeset is too small',
    async () => {
      changeset('too-small', 'patch');
      const result = await tool(repo, 'check-release');
      expect(result.code, result.output).toBe(1);
      expect(result.stderr).toContain(
        'its pending changesets give only patch (.changeset/too-small.md)',
      );
    },
    TIMEOUT,
  );

  it(
    'passes once a big enough changeset is added',
    async () => {
      changeset('big-enough', 'minor');
      const result = await tool(repo, 'check-release');
      expect(result.code, result.output).toBe(0);
      expect(result.stdout).toContain(
        'needs minor, changeset: minor (.changeset/big-enough.md, .changeset/too-small.md)',
      );
    },
    TIMEOUT,
  );

  it(
    'changeset:spec, below 1.0, proposes a minor for a breaking change',
    async () => {
      const base = git(repo, 'log', '-1', '--format=%H', '--grep', 'Version packages').slice(0, 7);
      const result = await tool(repo, 'changeset-spec');
      expect(result.code, result.output).toBe(0);
      expect(result.stdout).toContain('fortid-issuer: spec unchanged since');
      const file = join(repo, '.changeset', `fortid-verifier-spec-${base}.md`);
      const note = readFileSync(file, 'utf8');
      expect(note).toMatch(
        /^---\n"@credstat\/fortid-verifier": minor\n---\n\nSpec changes since 0\.1\.0, as `redocly diff` rates them:\n\nBreaking:\n/,
      );
      rmSync(file);
    },
    TIMEOUT,
  );

  it(
    'from 1.0 on, a breaking change needs a major; a change in the working tree counts too',
    async () => {
      release('1.0.0');
      edit(errorMessage, addMember);
      let result = await tool(repo, 'check-release');
      expect(result.code, result.output).toBe(1);
      expect(result.stderr).toContain('✗ @credstat/fortid-verifier@1.0.0: its spec has additions');
      expect(result.stderr).toContain('It needs a minor changeset;');

      edit(succeeded, dropStatus);
      changeset('minor', 'minor');
      result = await tool(repo, 'check-release');
      expect(result.code, result.output).toBe(1);
      expect(result.stderr).toContain('It needs a major changeset;');
      expect(result.stderr).toContain('required-properties-removed');

      changeset('minor', 'major');
      result = await tool(repo, 'check-release');
      expect(result.code, result.output).toBe(0);
      git(repo, 'checkout', '-q', '--', 'specs');
      rmSync(join(repo, '.changeset', 'minor.md'));
    },
    TIMEOUT,
  );

  it(
    'fails in a shallow clone and says why',
    async () => {
      const shallow = join(root, 'shallow');
      git(root, 'clone', '-q', '--depth', '1', `file://${repo}`, shallow);
      linkModules(shallow);
      expect(git(shallow, 'rev-parse', '--is-shallow-repository').trim()).toBe('true');
      const result = await tool(shallow, 'check-release');
      expect(result.code, result.output).toBe(1);
      expect(result.stderr).toContain('this is a shallow clone');
      expect(result.stderr).toContain('git fetch --unshallow');
    },
    TIMEOUT,
  );
});

describe('pnpm changeset:spec', () => {
  const written = () =>
    readdirSync(join(repo, '.changeset')).filter((file) =>
      file.startsWith('fortid-verifier-spec-'),
    );

  it(
    'writes nothing when no spec changed',
    async () => {
      const result = await tool(repo, 'changeset-spec');
      expect(result.code, result.output).toBe(0);
      expect(result.stdout).toContain('changeset:spec: nothing to write.');
      expect(written()).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'writes a patch for a description, a minor for an addition, a major for a breaking change (from 1.0)',
    async () => {
      const base = git(repo, 'rev-parse', '--short=7', 'HEAD').trim();
      const file = join(repo, '.changeset', `fortid-verifier-spec-${base}.md`);

      edit(errorMessage, reword);
      let result = await tool(repo, 'changeset-spec', 'fortid-verifier');
      expect(result.code, result.output).toBe(0);
      expect(written()).toEqual([`fortid-verifier-spec-${base}.md`]);
      let note = readFileSync(file, 'utf8');
      expect(note).toMatch(/^---\n"@credstat\/fortid-verifier": patch\n---\n/);
      expect(note).toContain('Documentation and other compatible changes:');
      expect(note).toContain('- schema ErrorMessage › message: description changed');

      edit(errorMessage, addMember);
      result = await tool(repo, 'changeset-spec', 'fortid-verifier');
      note = readFileSync(file, 'utf8');
      expect(note).toMatch(/^---\n"@credstat\/fortid-verifier": minor\n---\n/);
      expect(note).toContain('Added:\n\n- schema ErrorMessage › code: added');

      edit(succeeded, dropStatus);
      result = await tool(repo, 'changeset-spec', 'fortid-verifier');
      expect(result.stdout).toContain(
        `fortid-verifier: .changeset/fortid-verifier-spec-${base}.md, major`,
      );
      note = readFileSync(file, 'utf8');
      expect(note).toMatch(/^---\n"@credstat\/fortid-verifier": major\n---\n/);
      expect(note).toContain(
        'Breaking:\n\n- Properties of `VERIFICATION_SUCCEEDED` are no longer required: `verificationSessionStatus`. (`required-properties-removed`;',
      );
      // What it wrote is what check:release asks for.
      expect((await tool(repo, 'check-release')).code).toBe(0);
      expect(written()).toHaveLength(1);
      git(repo, 'checkout', '-q', '--', 'specs');
      rmSync(file);
    },
    TIMEOUT,
  );

  it('refuses an API it does not know', async () => {
    const result = await tool(repo, 'changeset-spec', 'no-such-api');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('No API named no-such-api');
  });
});

describe('pnpm changeset', () => {
  const pnpm = (...args: string[]) => run(repo, 'npx', ['--yes', 'pnpm@10.34.9', ...args]);

  it(
    'fails with a hint when there is no terminal to answer its prompts',
    async () => {
      const before = readdirSync(join(repo, '.changeset'));
      for (const args of [[], ['add']]) {
        const result = await pnpm('changeset', ...args);
        expect(result.code, result.output).toBe(1);
        expect(result.stderr).toContain('changeset: no terminal');
        expect(result.stderr).toContain('pnpm changeset:spec');
        expect(result.stderr).toContain('pnpm changeset add --empty');
      }
      expect(readdirSync(join(repo, '.changeset'))).toEqual(before);
    },
    TIMEOUT,
  );

  it(
    'passes everything else to changesets: add --empty and status need no terminal',
    async () => {
      const before = new Set(readdirSync(join(repo, '.changeset')));
      const empty = await pnpm('changeset', 'add', '--empty');
      expect(empty.code, empty.output).toBe(0);
      const added = readdirSync(join(repo, '.changeset')).filter((file) => !before.has(file));
      expect(added).toHaveLength(1);
      expect(readFileSync(join(repo, '.changeset', added[0] as string), 'utf8')).toBe('---\n---\n');
      const status = await pnpm('changeset', 'status');
      expect(status.code, status.output).toBe(0);
    },
    TIMEOUT,
  );
});
