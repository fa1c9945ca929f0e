// Where a package's generated validators sit in its built dist/: tsup bundles
// src/generated/validators.gen.js into a shared chunk, next to the `api`
// descriptor that references them, so no module boundary is left to cut at.
// esbuild (unminified, as tsup runs it) heads each source module with a
// `// src/…` comment: the validators are the text from their comment to the
// next one.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const MARKER = '// src/generated/validators.gen.js\n';
const NEXT_MODULE = /^\/\/ src\//m;
const TOP_LEVEL_NAME = /^(?:var|let|const|function)\s+([\w$]+)/gm;

/**
 * Splits a dist chunk into the validators section and the rest; null when the
 * chunk holds no validators. `names` are the section's top-level bindings the
 * rest of the chunk uses (the validators the descriptor references).
 */
export function splitValidators(code) {
  const start = code.indexOf(MARKER);
  if (start === -1) return null;
  const afterMarker = start + MARKER.length;
  const nextModule = code.slice(afterMarker).search(NEXT_MODULE);
  const end = nextModule === -1 ? code.length : afterMarker + nextModule;
  const section = code.slice(start, end);
  const rest = code.slice(0, start) + code.slice(end);
  const declared = [...section.matchAll(TOP_LEVEL_NAME)].map((m) => m[1]);
  const names = declared.filter((name) =>
    new RegExp(`\\b${name.replace('$', '\\$')}\\b`).test(rest),
  );
  return { section, before: code.slice(0, start), after: code.slice(end), names };
}

/**
 * The one dist chunk of a package that holds its validators, and that split.
 * @param {string} packageDir
 * @returns {{ file: string, split: { section: string, before: string, after: string, names: string[] } }}
 */
export function findValidatorsChunk(packageDir) {
  const dist = join(packageDir, 'dist');
  const found = readdirSync(dist)
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({
      file: join(dist, file),
      split: splitValidators(readFileSync(join(dist, file), 'utf8')),
    }))
    .filter(({ split }) => split);
  if (found.length !== 1) {
    throw new Error(`expected one chunk with validators in ${dist}, found ${found.length}`);
  }
  return /** @type {any} */ (found[0]);
}

/** The validators section as a module of its own, exporting what the descriptor uses. */
export const validatorsModule = ({ section, names }) =>
  `${section}\nexport { ${names.join(', ')} };\n`;

/**
 * An esbuild plugin that loads every dist chunk with validators with the
 * section replaced by one always-true stub, so what is left is the client
 * runtime alone. `stubbed` collects the chunks it changed, for the caller to
 * check that the cut happened.
 */
export function withoutValidators(stubbed = []) {
  return {
    name: 'credstat-without-validators',
    setup(build) {
      build.onLoad({ filter: /[\\/]dist[\\/][^\\/]+\.js$/ }, ({ path }) => {
        const code = readFileSync(path, 'utf8');
        const split = splitValidators(code);
        if (!split) return undefined;
        stubbed.push(path);
        const stubs = split.names.map((name) => `var ${name} = __noValidator;`).join('\n');
        return {
          contents: `${split.before}var __noValidator = () => true;\n${stubs}\n${split.after}`,
          loader: 'js',
        };
      });
    },
  };
}
