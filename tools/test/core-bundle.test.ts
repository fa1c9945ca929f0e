// @credstat/core's main entry holds no mock code and no msw: a browser bundle of
// it (from dist/, as consumers get it) has no module of either. (Here, not in
// core: core's tests cannot use the test kit, which depends on core.)

import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleForInspection, isMswInput } from '../testing/index.ts';

const coreDir = dirname(createRequire(import.meta.url).resolve('@credstat/core/package.json'));
const bundled = (source: string) => bundleForInspection(coreDir, source);
const isMockInput = (input: string) =>
  isMswInput(input) || /dist\/(mock|msw|mock-cli)\.js$/.test(input);

describe('@credstat/core bundles', () => {
  it('the main entry pulls in no mock code and no msw', async () => {
    const main = await bundled("export * from '@credstat/core';");
    expect(main.inputs).toContain('dist/index.js');
    expect(main.inputs.filter(isMockInput)).toEqual([]);
    expect(main.text).not.toMatch(/X-Credstat-Mock/);
  });

  it('./mock is the engine without msw; ./msw brings msw (so the check above can see it)', async () => {
    const mock = await bundled("export * from '@credstat/core/mock';");
    expect(mock.text).toMatch(/X-Credstat-Mock/);
    expect(mock.inputs.filter(isMswInput)).toEqual([]);
    const msw = await bundled("export * from '@credstat/core/msw';");
    expect(msw.inputs.filter(isMockInput)).toContain('dist/msw.js');
    expect(msw.inputs.some(isMswInput)).toBe(true);
  });
});
