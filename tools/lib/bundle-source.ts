// Bundles a module given as text (it may import packages) into one file.
import { join } from 'node:path';
import { rolldown } from 'rolldown';

export interface BundleOptions {
  /** Where the module's imports resolve from (a folder). */
  resolveFrom: string;
  platform: 'neutral' | 'browser';
  format: 'es' | 'iife';
}

export async function bundleSource(source: string, options: BundleOptions): Promise<string> {
  const entry = join(options.resolveFrom, '__credstat-entry.js');
  const build = await rolldown({
    input: entry,
    platform: options.platform,
    logLevel: 'silent',
    plugins: [
      {
        name: 'credstat-source-entry',
        resolveId: (id) => (id === entry ? id : null),
        load: (id) => (id === entry ? source : null),
      },
    ],
  });
  const { output } = await build.generate({ format: options.format, comments: { legal: false } });
  await build.close();
  const [chunk] = output;
  if (chunk?.type !== 'chunk') throw new Error('rolldown produced no chunk');
  return chunk.code;
}
