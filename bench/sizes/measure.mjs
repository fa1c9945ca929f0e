// Bundle sizes per API with size-limit 12 (its programmatic API, with
// @size-limit/esbuild and @size-limit/file): each entry is bundled from the
// packages' built dist/ for the browser, minified, and gzipped (level 9; the
// figure is min+gz, not brotli). size-limit subtracts the few bytes of an
// empty esbuild project, so an empty entry counts as 0.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuildPlugin from '@size-limit/esbuild';
import filePlugin from '@size-limit/file';
import sizeLimit from 'size-limit';
import { consumerSource, describeApis, packageDir } from '../types/consumer.mjs';
import { findValidatorsChunk, validatorsModule, withoutValidators } from './validators-section.mjs';

const benchModules = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules');

/** The byte figures of one API, in bytes min+gz. */
export const SIZE_KINDS = ['entry', 'runtime', 'validators', 'types'];

// `import { type X }` stays an import under verbatimModuleSyntax, so the
// bundler really resolves and loads `./types`: its 0 bytes are measured, not
// assumed from an erased `import type`.
const TSCONFIG_RAW = { compilerOptions: { verbatimModuleSyntax: true } };

function check(file, plugins = [], { gzip = true } = {}) {
  return {
    files: [file],
    gzip,
    brotli: false,
    modifyEsbuildConfig: (config) => ({
      ...config,
      platform: 'browser',
      format: 'esm',
      // The entries live in a temp dir: @credstat/* resolves as in the bench package.
      nodePaths: [benchModules],
      tsconfigRaw: TSCONFIG_RAW,
      plugins,
    }),
  };
}

/**
 * Measures every API: `entry` (a consumer file that creates a client and calls
 * the first operation), `runtime` (that entry with the validators stubbed out:
 * core, openapi-fetch and the generated layer), `validators` (the generated
 * validators alone) and `types` (what a type-only use of `./types` adds to the
 * entry). Returns `{ [api]: { entry, runtime, validators, types } }`.
 */
export async function measureSizes({ apis } = {}) {
  const described = apis ?? (await describeApis());
  const dir = mkdtempSync(join(tmpdir(), 'credstat-sizes-'));
  try {
    const plan = described.map((api) => {
      const entry = consumerSource([api], {
        clients: [api],
        calls: [[api.name, api.operations[0].id]],
      });
      const write = (name, text) => {
        const file = join(dir, `${api.name}.${name}`);
        writeFileSync(file, text);
        return file;
      };
      const stubbed = [];
      const typesUse = `import { type paths } from '@credstat/${api.name}/types';\nexport type Paths = paths;\n`;
      return {
        api,
        stubbed,
        checks: {
          entry: check(write('entry.ts', entry)),
          runtime: check(write('runtime.ts', entry), [withoutValidators(stubbed)]),
          validators: check(
            write(
              'validators.js',
              validatorsModule(findValidatorsChunk(packageDir(api.name)).split),
            ),
          ),
          // Compared minified, not gzipped: gzip of two equal programs can
          // differ by a byte, and "adds 0 bytes" is about the program.
          entryMinified: check(write('entry-min.ts', entry), [], { gzip: false }),
          withTypes: check(write('types.ts', `${entry}${typesUse}`), [], { gzip: false }),
        },
      };
    });
    const checks = plan.flatMap(({ checks }) => Object.values(checks));
    await sizeLimit([filePlugin, esbuildPlugin], { checks });
    const sizes = {};
    for (const { api, stubbed, checks: c } of plan) {
      if (stubbed.length !== 1) {
        throw new Error(
          `${api.name}: the runtime bundle cut validators from ${stubbed.length} chunks, not 1`,
        );
      }
      sizes[api.name] = {
        entry: c.entry.size,
        runtime: c.runtime.size,
        validators: c.validators.size,
        types: c.withTypes.size - c.entryMinified.size,
      };
      const inputs = Object.keys(c.withTypes.esbuildMetafile.inputs);
      if (!inputs.some((input) => input.endsWith(`${api.name}/dist/types.js`))) {
        throw new Error(
          `${api.name}: the ./types entry was not loaded, so its 0 bytes prove nothing`,
        );
      }
    }
    return sizes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
