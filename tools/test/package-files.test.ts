// The generator's package files (package.json metadata, LICENSE, README
// blocks): every link comes from the one repository URL, hand-written parts
// are kept, and --check sees a hand edit.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffFiles, writeFiles } from '../generator/output.ts';
import {
  generatePackageFiles,
  listPublishedPackages,
  withMetadata,
} from '../generator/package-metadata.ts';
import { replaceBlock, withRepositoryLinks } from '../generator/readme-blocks.ts';
import {
  pathUrl,
  type Repository,
  readRepository,
  repositoryFrom,
} from '../generator/repository.ts';
import { markdownLinks } from './markdown-links.ts';

const packages = listPublishedPackages();
const current = readRepository();
const elsewhere = repositoryFrom('git+https://git.example.test/acme/elsewhere.git');

describe('the repository URL', () => {
  it.each([
    ['git+https://github.com/a/b.git', 'https://github.com/a/b'],
    ['https://git.example.test/x/y', 'https://git.example.test/x/y'],
    ['https://git.example.test/x/y/', 'https://git.example.test/x/y'],
  ])('%s is shown at %s', (gitUrl, webUrl) => {
    expect(repositoryFrom(gitUrl)).toEqual({ gitUrl, webUrl });
  });

  it.each(['git@github.com:a/b.git', 'github:a/b', 'http://git.example.test/x/y'])(
    'refuses %s: links must be https',
    (gitUrl) => {
      expect(() => repositoryFrom(gitUrl)).toThrow('is not an https address');
    },
  );

  describe('in a root package.json', () => {
    let root: string;
    beforeAll(() => {
      root = mkdtempSync(join(tmpdir(), 'credstat-repository-'));
    });
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    const withRoot = (json: object) => {
      writeFileSync(join(root, 'package.json'), JSON.stringify(json));
      return root;
    };

    it('is read as an object or a string', () => {
      const url = 'git+https://git.example.test/x/y.git';
      expect(readRepository(withRoot({ repository: { type: 'git', url } })).gitUrl).toBe(url);
      expect(readRepository(withRoot({ repository: url })).webUrl).toBe(
        'https://git.example.test/x/y',
      );
    });

    it('is required', () => {
      expect(() => readRepository(withRoot({ name: 'x' }))).toThrow('has no `repository.url`');
    });
  });

  it('addresses files and folders on the default branch, and refuses a missing path', () => {
    expect(pathUrl(current, 'README.md#docs')).toBe(`${current.webUrl}/blob/main/README.md#docs`);
    expect(pathUrl(current, 'specs')).toBe(`${current.webUrl}/tree/main/specs`);
    expect(() => pathUrl(current, 'specs/no-such-api/openapi.yaml')).toThrow('does not exist');
    expect(() => pathUrl(current, '../outside')).toThrow('outside the repository');
  });
});

describe.each(packages.map((pkg) => [pkg.name, pkg] as const))('%s', (_name, pkg) => {
  const repoLinks = (files: Map<string, string>, repository: Repository) =>
    markdownLinks(files.get('README.md') ?? '').targets.filter((target) =>
      target.startsWith(`${repository.webUrl}/`),
    );

  it('changing the root URL changes every generated link, and nothing else', () => {
    const before = generatePackageFiles(pkg);
    const after = generatePackageFiles(pkg, elsewhere);
    const count = repoLinks(before, current).length;
    expect(count).toBeGreaterThan(0);
    expect(repoLinks(after, elsewhere)).toHaveLength(count);
    for (const [file, text] of after) {
      expect(text, file).not.toContain(current.webUrl);
      const moved = (before.get(file) ?? '')
        .replaceAll(current.gitUrl, elsewhere.gitUrl)
        .replaceAll(current.webUrl, elsewhere.webUrl);
      expect(text, file).toBe(moved);
    }
    const json = JSON.parse(after.get('package.json') ?? '{}');
    expect(json.repository.url).toBe(elsewhere.gitUrl);
    expect(json.homepage).toMatch(new RegExp(`^${elsewhere.webUrl}/`));
    expect(json.bugs.url).toBe(`${elsewhere.webUrl}/issues`);
  });
});

describe.each(packages.flatMap((pkg) => (pkg.api ? [[pkg.name, pkg.api] as const] : [])))(
  '%s bundled spec',
  (_name, api) => {
    it('is the document the generated code was made from (the sha256 in its headers)', () => {
      const bundled = readFileSync(join(api.generatedDir, 'openapi.gen.json'), 'utf8');
      const sha256 = createHash('sha256')
        .update(JSON.stringify(JSON.parse(bundled)))
        .digest('hex');
      const descriptor = readFileSync(join(api.generatedDir, 'api.gen.ts'), 'utf8');
      expect(descriptor).toContain(`// spec sha256: ${sha256}\n`);
      expect(JSON.parse(bundled).openapi).toMatch(/^3\.1\./);
    });
  },
);

describe('withMetadata', () => {
  const owned = {
    keywords: ['ours'],
    homepage: 'https://h.example.test',
    bugs: { url: 'https://b.example.test' },
    repository: { type: 'git', url: 'git+https://r.example.test/x.git' },
    license: 'Apache-2.0',
  };
  const text = `${JSON.stringify(
    {
      name: '@x/y',
      description: 'd',
      license: 'MIT',
      keywords: ['theirs', 'ours'],
      type: 'module',
      homepage: 'https://old.example.test',
      scripts: { build: 'tsup' },
    },
    null,
    2,
  )}\n`;

  it('sets its fields, keeps every other field and the order, adds missing ones after description', () => {
    const json = JSON.parse(withMetadata(text, owned));
    expect(Object.keys(json)).toEqual([
      'name',
      'description',
      'bugs',
      'repository',
      'license',
      'keywords',
      'type',
      'homepage',
      'scripts',
    ]);
    expect(json).toMatchObject({ ...owned, keywords: ['ours', 'theirs'], type: 'module' });
    expect(json.scripts).toEqual({ build: 'tsup' });
  });

  it('changes nothing the second time', () => {
    const once = withMetadata(text, owned);
    expect(withMetadata(once, owned)).toBe(once);
  });
});

describe('README blocks', () => {
  const readme = 'Intro.\n\n<!-- generated:demo -->\nold\n<!-- /generated:demo -->\n\nOutro.\n';

  it('replaces a block, keeping the prose around it', () => {
    const out = replaceBlock(readme, 'demo', 'test', 'new');
    expect(out).toBe(
      'Intro.\n\n<!-- generated:demo (test; do not edit) -->\n\nnew\n\n<!-- /generated:demo -->\n\nOutro.\n',
    );
    expect(replaceBlock(out, 'demo', 'test', 'new')).toBe(out);
  });

  it('fails on a README without the block', () => {
    expect(() => replaceBlock('No block.\n', 'demo', 'test', 'new')).toThrow('has no "demo" block');
  });

  it('defines each repo: reference once, at the end, and only when there is one', () => {
    const toUrl = (path: string) => `https://x.example.test/${path}`;
    const text = 'See [a][repo:b.md] and [c][repo:a.md#x], [a again][repo:b.md].\n';
    const out = withRepositoryLinks(text, toUrl);
    expect(out).toBe(
      `${text}\n<!-- generated:links (from \`repository\` in the root package.json; do not edit) -->\n\n` +
        '[repo:a.md#x]: https://x.example.test/a.md#x\n[repo:b.md]: https://x.example.test/b.md\n\n' +
        '<!-- /generated:links -->\n',
    );
    expect(withRepositoryLinks(out, toUrl)).toBe(out);
    expect(withRepositoryLinks('No links.\n', toUrl)).toBe('No links.\n');
  });
});

describe('generated package files and --check', () => {
  let scratch: string;
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'credstat-package-files-'));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('reports a hand-edited and a missing file', () => {
    const [pkg] = packages;
    if (!pkg) throw new Error('no published package');
    const files = generatePackageFiles(pkg);
    writeFiles(scratch, files);
    expect(diffFiles(scratch, files)).toEqual([]);
    const readme = join(scratch, 'README.md');
    writeFileSync(readme, readFileSync(readme, 'utf8').replace('credstat', 'credstat!'));
    rmSync(join(scratch, 'LICENSE'));
    const problems = diffFiles(scratch, files).join('\n');
    expect(problems).toMatch(/README\.md differs from the generator's output at line \d+/);
    expect(problems).toMatch(/LICENSE is missing/);
  });
});
