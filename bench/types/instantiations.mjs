// Type-check cost of consumer files: `Instantiations` from
// `tsc --extendedDiagnostics`, which is deterministic for a given compiler and
// input (unlike check time), so it can hold a budget.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const tsc = createRequire(join(here, '..', 'package.json')).resolve('typescript/lib/tsc.js');
const run = promisify(execFile);

/** What a consumer's project looks like: strict, bundler resolution, browser globals. */
export const CONSUMER_TSCONFIG = {
  compilerOptions: {
    strict: true,
    target: 'es2022',
    module: 'esnext',
    moduleResolution: 'bundler',
    lib: ['es2022', 'dom'],
    types: [],
    skipLibCheck: true,
    noEmit: true,
  },
  files: ['consumer.ts'],
};

/**
 * Instantiations of a project holding only `source` as consumer.ts. The
 * project lives under bench/types/ so that `@credstat/*` resolves through the
 * bench package's node_modules, as in a consumer's app. Any type error fails:
 * a count of a file that does not check is no figure.
 */
export async function countInstantiations(source) {
  const dir = mkdtempSync(join(here, '.consumer-'));
  try {
    writeFileSync(join(dir, 'consumer.ts'), source);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(CONSUMER_TSCONFIG));
    const { stdout } = await run(process.execPath, [tsc, '-p', dir, '--extendedDiagnostics'], {
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error) => {
      throw new Error(
        `tsc failed on the consumer file:\n${error.stdout}${error.stderr}\n${source}`,
      );
    });
    const match = /^Instantiations:\s+(\d+)$/m.exec(stdout);
    if (!match) throw new Error(`no Instantiations line in tsc --extendedDiagnostics:\n${stdout}`);
    return Number(match[1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
