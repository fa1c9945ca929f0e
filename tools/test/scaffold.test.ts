import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../lib/repo.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('credstat-scaffold', () => {
  let root: string;
  let result: ReturnType<typeof spawnSync>;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'credstat-scaffold-'));
    cpSync(join(repoRoot, 'redocly.yaml'), join(root, 'redocly.yaml'));
    for (const part of ['openapi.yaml', 'paths', 'components']) {
      cpSync(join(repoRoot, 'specs/fortid-verifier', part), join(root, 'specs/demo-api', part), {
        recursive: true,
      });
    }
    result = spawnSync(process.execPath, [join(repoRoot, 'tools/bin/scaffold.js'), 'demo-api'], {
      encoding: 'utf8',
      env: { ...process.env, CREDSTAT_ROOT: root },
    });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('succeeds', () => {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('registers the spec in redocly.yaml and keeps the rest', () => {
    const config = parse(readFileSync(join(root, 'redocly.yaml'), 'utf8'));
    expect(config.apis['demo-api']).toEqual({ root: 'specs/demo-api/openapi.yaml' });
    expect(config.apis['fortid-verifier']).toBeDefined();
    expect(readFileSync(join(root, 'redocly.yaml'), 'utf8')).toContain(
      '# Every API credstat ships',
    );
  });

  it('renders every template with no placeholder left', () => {
    const made = files(join(root, 'packages/demo-api'));
    expect(made.map((f) => f.slice(root.length + 1)).sort()).toEqual(
      expect.arrayContaining([
        'packages/demo-api/README.md',
        'packages/demo-api/package.json',
        'packages/demo-api/src/index.ts',
        'packages/demo-api/src/generated/api.gen.ts',
        'packages/demo-api/test/contract.test.ts',
        'packages/demo-api/test/generated/fixtures.gen.test-d.ts',
        'packages/demo-api/turbo.json',
      ]),
    );
    for (const file of made) expect(readFileSync(file, 'utf8')).not.toMatch(/\{\{\w+\}\}/);
    expect(
      JSON.parse(readFileSync(join(root, 'packages/demo-api/package.json'), 'utf8')).name,
    ).toBe('@credstat/demo-api');
  });

  it('writes a README example from the spec and the same file beside it', () => {
    const readme = readFileSync(join(root, 'packages/demo-api/README.md'), 'utf8');
    const example = readFileSync(join(root, 'packages/demo-api/examples/validate.ts'), 'utf8');
    expect(readme).toContain(example);
    expect(example).toContain("validateResponse('getVerificationSessionStatus', 200");
  });

  it('uses apiKey for an apiKey scheme and makes the fixtures folder', () => {
    expect(readFileSync(join(root, 'packages/demo-api/src/index.ts'), 'utf8')).toContain(
      'apiKey: string;',
    );
    expect(existsSync(join(root, 'specs/demo-api/fixtures/rejected'))).toBe(true);
  });

  it('refuses to overwrite an existing package', () => {
    const again = spawnSync(
      process.execPath,
      [join(repoRoot, 'tools/bin/scaffold.js'), 'demo-api'],
      {
        encoding: 'utf8',
        env: { ...process.env, CREDSTAT_ROOT: root },
      },
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('--force');
  });
});
