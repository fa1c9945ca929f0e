// How `redocly diff`, with the repo's redocly.yaml (`diff-recommended`), rates
// spec changes, and the bump each needs by README's mapping and 0.x policy.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findApi, redoclyConfigPath } from '../lib/repo.ts';
import { bundle, describePointer, diffSpecs, type SpecDiff } from '../release/diff.ts';
import { requiredBump } from '../release/policy.ts';

let root: string;
let base: string;
const api = findApi('fortid-verifier');

/** The verifier's spec with `change` made to one of its files, bundled, diffed against the spec as it is. */
async function diffAfter(
  name: string,
  file: string,
  change: (text: string) => string,
): Promise<SpecDiff> {
  const dir = join(root, name);
  cpSync(api.specDir, dir, { recursive: true });
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  expect(after, `the ${name} edit changes ${file}`).not.toBe(before);
  writeFileSync(path, after);
  const revision = join(root, `${name}.yaml`);
  await bundle(join(dir, 'openapi.yaml'), revision, redoclyConfigPath);
  return diffSpecs(base, revision, redoclyConfigPath, join(root, `${name}-diff`));
}

const succeeded = 'components/schemas/VerificationSucceeded.yaml';
const errorMessage = 'components/schemas/ErrorMessage.yaml';

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'credstat-release-diff-'));
  base = join(root, 'base.yaml');
  await bundle(join(api.specDir, 'openapi.yaml'), base, redoclyConfigPath);
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('redocly diff with the repo config', () => {
  it('rates a removed required response member breaking (major)', async () => {
    const diff = await diffAfter('removed', succeeded, (text) =>
      text
        .replace('  - presentedClaims\n', '')
        .replace(/\n {2}presentedClaims:\n(?: {4}.*\n)+/, '\n'),
    );
    expect(diff.impact).toBe('major');
    const rules = diff.findings.filter((f) => f.impact === 'major').map((f) => f.rule);
    expect(rules).toContain('required-properties-removed');
    expect(rules).toContain('property-removed');
    expect(diff.findings[0]).toMatchObject({ impact: 'major' });
    expect(diff.findings).toContainEqual({
      impact: 'major',
      rule: 'required-properties-removed',
      message: 'Properties of `VERIFICATION_SUCCEEDED` are no longer required: `presentedClaims`.',
      where: 'schema VerificationSucceeded › required',
    });
  });

  it('rates a required response member made optional breaking (major)', async () => {
    const diff = await diffAfter('optional', succeeded, (text) =>
      text.replace('  - presentedClaims\n', ''),
    );
    expect(diff.impact).toBe('major');
    expect(diff.findings.map((f) => f.rule)).toEqual(['required-properties-removed']);
  });

  it('rates a new optional response member additive (minor)', async () => {
    const diff = await diffAfter(
      'added',
      errorMessage,
      (text) => `${text}  code:\n    type: string\n    description: A machine-readable reason.\n`,
    );
    expect(diff.impact).toBe('minor');
    // ErrorMessage is every error response's body: one finding, not one per response.
    expect(diff.findings).toEqual([
      {
        impact: 'minor',
        message: 'schema ErrorMessage › code: added',
        where: 'schema ErrorMessage › code',
      },
    ]);
  });

  it('rates a description change a patch', async () => {
    const diff = await diffAfter('described', errorMessage, (text) =>
      text.replace(/(\n {4}description: ).*/, '$1Why, for a person.'),
    );
    expect(diff.impact).toBe('patch');
    expect(diff.findings.map((f) => f.message)).toEqual([
      'schema ErrorMessage › message: description changed',
    ]);
  });
});

describe('the bump a change needs', () => {
  it('maps breaking → major, additive → minor, description-only → patch from 1.0 on', () => {
    expect(requiredBump('major', '1.2.3').bump).toBe('major');
    expect(requiredBump('minor', '1.2.3').bump).toBe('minor');
    expect(requiredBump('patch', '1.2.3').bump).toBe('patch');
    expect(requiredBump('none', '1.2.3').bump).toBe('none');
  });

  it('below 1.0, a breaking change needs a minor (a major would release 1.0.0)', () => {
    expect(requiredBump('major', '0.3.1')).toEqual({
      bump: 'minor',
      why: 'at 0.3.1, below 1.0, a breaking change is a minor bump; a major would release 1.0.0',
    });
    expect(requiredBump('minor', '0.3.1').bump).toBe('minor');
    expect(requiredBump('patch', '0.3.1').bump).toBe('patch');
    expect(requiredBump('none', '0.3.1').bump).toBe('none');
  });

  it('a package never released needs a minor, so that its first release is 0.1.0', () => {
    for (const impact of ['none', 'patch', 'minor', 'major'] as const) {
      expect(requiredBump(impact, '0.0.0').bump).toBe('minor');
    }
  });
});

describe('findings in words', () => {
  it('names the operation, the response, the media type and the member', () => {
    expect(
      describePointer(
        '#/paths/~1verification-session~1status~1{verificationSessionId}/get/responses/200/content/application~1json/schema/discriminator/mapping/VERIFICATION_SUCCEEDED/properties/presentedClaims',
      ),
    ).toBe(
      'GET /verification-session/status/{verificationSessionId} › 200 response › application/json › VERIFICATION_SUCCEEDED › presentedClaims',
    );
    expect(describePointer('#/components/schemas/Status/properties/list/items/properties/id')).toBe(
      'schema Status › list.[].id',
    );
    expect(describePointer('#/components/securitySchemes/apiKey')).toBe('security scheme apiKey');
    expect(describePointer('#/paths/~1a/post/requestBody/content/application~1jwt/schema')).toBe(
      'POST /a › request body › application/jwt',
    );
  });
});
