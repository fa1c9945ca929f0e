// ajv's standalone output calls require(); the generator must ship clean ESM
// that loads in Node and in a browser bundle with no CommonJS shims around.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { rolldown } from 'rolldown';
import { describe, expect, it } from 'vitest';
import { listApis } from '../lib/repo.ts';

describe.each(listApis().map((api) => [api.name, api] as const))(
  'validators.gen.js of %s',
  (_name, api) => {
    const file = join(api.generatedDir, 'validators.gen.js');
    const source = readFileSync(file, 'utf8');

    it('has no require() call, eval or new Function', () => {
      // A string literal inside ajv's runtime mentions require("…"): calls only.
      expect(source).not.toMatch(/(^|[^"'\w.])require\s*\(/m);
      expect(source).not.toMatch(/\beval\s*\(|new\s+Function\s*\(/);
      expect(source).not.toMatch(/^import |\bimport\(/m);
    });

    it('imports in Node as ESM and validates', async () => {
      const validators = (await import(pathToFileURL(file).href)) as Record<
        string,
        (data: unknown) => boolean
      >;
      const names = Object.keys(validators);
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) expect(validators[name]?.(Symbol('not JSON'))).toBe(false);
    });

    it('bundles for a browser and runs with no require, module or process', async () => {
      const build = await rolldown({ input: file, platform: 'browser', logLevel: 'silent' });
      const { output } = await build.generate({ format: 'iife', name: 'validators' });
      await build.close();
      const code = output[0]?.code ?? '';
      const sandbox: Record<string, unknown> = {};
      runInNewContext(`${code}\nthis.result = validators;`, sandbox);
      const validators = sandbox.result as Record<string, (data: unknown) => boolean>;
      expect(Object.keys(validators).sort()).toEqual(
        Object.keys(await import(pathToFileURL(file).href)).sort(),
      );
    });
  },
);
