// The runtime figure is the entry minus exactly the generated validators: the
// cut in dist/ finds every validator the package generates, and what is left
// carries no validator code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { findValidatorsChunk, withoutValidators } from '../sizes/validators-section.mjs';
import { API_NAMES, consumerSource, describeApi, packageDir } from '../types/consumer.mjs';

/** The validators the generator declares in src/generated/validators.gen.d.ts. */
function generatedValidators(name: string): string[] {
  const dts = readFileSync(join(packageDir(name), 'src/generated/validators.gen.d.ts'), 'utf8');
  return [...dts.matchAll(/export declare const (\w+)/g)].map((m) => String(m[1])).sort();
}

async function bundleText(name: string, plugins: import('esbuild').Plugin[]) {
  const api = await describeApi(name);
  const [first] = api.operations;
  if (!first) throw new Error(`${name} has no operation`);
  const source = consumerSource([api], { clients: [api], calls: [[name, first.id]] });
  const result = await build({
    stdin: { contents: source, resolveDir: join(import.meta.dirname, '..'), loader: 'ts' },
    bundle: true,
    write: false,
    minify: true,
    platform: 'browser',
    format: 'esm',
    logLevel: 'silent',
    plugins,
  });
  return result.outputFiles.map((file) => file.text).join('\n');
}

// ajv standalone code names the schema location of every failed keyword.
const VALIDATOR_CODE = /schemaPath:"#\//;

describe.each(API_NAMES)('%s', (name) => {
  it('the cut in dist/ finds exactly the validators the generator declares', () => {
    const { split } = findValidatorsChunk(packageDir(name));
    expect([...split.names].sort()).toEqual(generatedValidators(name));
  });

  it('the runtime bundle keeps the client and drops every validator', async () => {
    const stubbed: string[] = [];
    const whole = await bundleText(name, []);
    const runtime = await bundleText(name, [withoutValidators(stubbed)]);
    expect(stubbed).toHaveLength(1);
    expect(whole).toMatch(VALIDATOR_CODE);
    expect(runtime).not.toMatch(VALIDATOR_CODE);
    // The client itself is still there: its descriptor and its base URL.
    const { clientOptions } = await describeApi(name);
    expect(runtime).toContain(clientOptions.baseUrl);
  });
});
