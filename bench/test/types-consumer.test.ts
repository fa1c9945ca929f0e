// The type-check figures come from consumer files that call every operation
// each package generates, and only from files that type-check.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  API_NAMES,
  consumerSource,
  describeApis,
  everyCall,
  packageDir,
} from '../types/consumer.mjs';
import { countInstantiations } from '../types/instantiations.mjs';

const apis = await describeApis();

/** Operation functions in src/generated/operations.gen.ts: each takes `client: Client<paths>` first. */
function generatedOperations(name: string): string[] {
  const code = readFileSync(join(packageDir(name), 'src/generated/operations.gen.ts'), 'utf8');
  const waits = /^export function (waitFor\w+)/gm;
  const all = [...code.matchAll(/^export function (\w+)\(\s*client: Client<paths>/gm)].map((m) =>
    String(m[1]),
  );
  const waitNames = new Set([...code.matchAll(waits)].map((m) => String(m[1])));
  return all.filter((fn) => !waitNames.has(fn)).sort();
}

describe('type-check consumer files', () => {
  it.each(API_NAMES)('call every operation %s generates', (name) => {
    const called = everyCall(apis)
      .filter(([api]) => api === name)
      .map(([, id]) => id)
      .sort();
    expect(called).toEqual(generatedOperations(name));
  });

  it('the file with every call type-checks, and counts the same twice', async () => {
    const source = consumerSource(apis, { clients: apis, calls: everyCall(apis) });
    const [first, second] = await Promise.all([
      countInstantiations(source),
      countInstantiations(source),
    ]);
    expect(first).toBeGreaterThan(0);
    expect(second).toBe(first);
  });

  it('a call that does not type-check gives no count', async () => {
    const source = `${consumerSource(apis, { clients: apis })}export const bad = fortid_verifier_createClient({ apiKey: 1 });\n`;
    await expect(countInstantiations(source)).rejects.toThrow(/tsc failed/);
  });
});
