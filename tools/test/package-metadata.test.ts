// What a consumer gets from npm, checked on a real `pnpm pack` tarball of every
// published package: the LICENSE, a README whose links work outside the repo
// and all come from the one repository URL, the metadata npm shows, and for an
// API package its bundled spec, readable the ways its README says. Packing
// needs each package's dist/ (`pnpm build`; CI builds before testing).
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleSpec } from '../generator/bundle-spec.ts';
import { listPublishedPackages, type PublishedPackage } from '../generator/package-metadata.ts';
import { DEFAULT_BRANCH, readRepository } from '../generator/repository.ts';
import { repoRoot } from '../lib/repo.ts';
import { markdownLinks } from './markdown-links.ts';

const exec = promisify(execFile);
const PNPM = ['--yes', 'pnpm@10.34.9'];
const repository = readRepository();
const rootJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const packages = listPublishedPackages();

let scratch: string;
/** Where each package's tarball was unpacked, as it would sit in node_modules. */
const unpacked = new Map<string, string>();

async function pack(pkg: PublishedPackage): Promise<void> {
  if (!existsSync(join(pkg.dir, 'dist'))) {
    throw new Error(`${pkg.name} has no dist/: run \`pnpm build\` first`);
  }
  const out = join(scratch, 'tarballs', pkg.folder);
  mkdirSync(out, { recursive: true });
  await exec('npx', [...PNPM, 'pack', '--pack-destination', out], { cwd: pkg.dir });
  const [tarball] = readdirSync(out).filter((file) => file.endsWith('.tgz'));
  if (!tarball) throw new Error(`\`pnpm pack\` wrote no tarball for ${pkg.name}`);
  const installed = join(scratch, 'consumer', 'node_modules', ...pkg.name.split('/'));
  mkdirSync(installed, { recursive: true });
  await exec('tar', ['-xzf', join(out, tarball), '-C', installed, '--strip-components=1']);
  unpacked.set(pkg.folder, installed);
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'credstat-pack-'));
  await Promise.all(packages.map(pack));
}, 180_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('finds every published package, core and each API', () => {
  expect(packages.map((pkg) => pkg.name)).toContain('@credstat/core');
  expect(packages.filter((pkg) => pkg.api).length).toBeGreaterThanOrEqual(5);
});

describe.each(packages.map((pkg) => [pkg.name, pkg] as const))('%s as packed', (_name, pkg) => {
  const file = (path: string) => readFileSync(join(unpacked.get(pkg.folder) ?? '', path), 'utf8');
  const json = () => JSON.parse(file('package.json'));

  it('ships the root LICENSE', () => {
    expect(file('LICENSE')).toBe(readFileSync(join(repoRoot, 'LICENSE'), 'utf8'));
  });

  it('has a README whose every link works off the repo: absolute http(s) or in-page', () => {
    const { targets, definitions, references } = markdownLinks(file('README.md'));
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(target).toMatch(/^(https?:\/\/|#)/);
    // A reference with no definition renders as literal brackets.
    for (const label of references) expect([...definitions.keys()]).toContain(label);
  });

  it('links into the repository only through URLs built from the root `repository`', () => {
    const readme = file('README.md');
    const { targets, definitions } = markdownLinks(readme);
    const [, host = '', repoPath = ''] = repository.webUrl.match(/^https:\/\/([^/]+)\/(.+)$/) ?? [];
    const intoRepo = targets.filter((target) => target.includes(`${host}/${repoPath}`));
    expect(intoRepo.length).toBeGreaterThan(0);
    for (const target of intoRepo) {
      // Only the generated definitions (`[…][repo:path]`) point into the repo.
      const path = target.match(
        new RegExp(`^${escapeRegExp(repository.webUrl)}/(?:blob|tree)/${DEFAULT_BRANCH}/([^#]+)`),
      )?.[1];
      expect(path, target).toBeDefined();
      expect(existsSync(join(repoRoot, path ?? '')), `${target}: no such file`).toBe(true);
      const label = [...definitions].find(([, url]) => url === target)?.[0];
      expect(label, `${target} is written inline, not as a [text][repo:…] reference`).toBe(
        `repo:${path}${target.includes('#') ? `#${target.split('#')[1]}` : ''}`.toLowerCase(),
      );
    }
  });

  it('has the metadata npm shows, pointing at this package in the repository', () => {
    const pkgJson = json();
    expect(pkgJson.repository).toEqual({
      type: 'git',
      url: rootJson.repository.url,
      directory: `packages/${pkg.folder}`,
    });
    expect(pkgJson.homepage).toBe(
      `${repository.webUrl}/tree/${DEFAULT_BRANCH}/packages/${pkg.folder}#readme`,
    );
    expect(pkgJson.bugs).toEqual({ url: `${repository.webUrl}/issues` });
    expect(pkgJson.license).toBe(rootJson.license);
    expect(pkgJson.keywords).toContain('credstat');
    expect(pkgJson.engines).toEqual(rootJson.engines);
    expect(pkgJson.types).toMatch(/^\.\/dist\/.+\.d\.ts$/);
    expect(pkgJson.exports['.']).toEqual({ types: pkgJson.types, default: pkgJson.main });
    // pnpm pack resolved the workspace's own ranges.
    expect(JSON.stringify(pkgJson)).not.toMatch(/"(workspace|catalog):/);
  });

  const api = pkg.api;
  if (!api) return;

  it('ships its bundled spec as ./openapi.json: OpenAPI 3.1, the generator bundle', async () => {
    expect(json().exports['./openapi.json']).toBe('./dist/openapi.json');
    const shipped = JSON.parse(file('dist/openapi.json'));
    expect(shipped.openapi).toMatch(/^3\.1\./);
    expect(shipped).toEqual((await bundleSpec(api)).document);
  });

  it('lets a consumer import the spec and resolve its file, as its README says', async () => {
    const consumer = join(scratch, 'consumer');
    const specifier = `${pkg.name}/openapi.json`;
    const imported = await exec(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import spec from '${specifier}' with { type: 'json' }; console.log(spec.info.title);`,
      ],
      { cwd: consumer },
    );
    expect(imported.stdout.trim()).toBe(JSON.parse(file('dist/openapi.json')).info.title);
    const resolved = await exec(process.execPath, ['-p', `require.resolve('${specifier}')`], {
      cwd: consumer,
    });
    expect(resolved.stdout.trim()).toBe(join(unpacked.get(pkg.folder) ?? '', 'dist/openapi.json'));
    const readme = file('README.md');
    expect(readme).toContain(`import spec from '${specifier}' with { type: 'json' }`);
    expect(readme).toContain(`require.resolve('${specifier}')`);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
