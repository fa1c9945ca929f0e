// The consumer's compiler settings: the strictest a user is likely to have,
// and `skipLibCheck: false`, so every shipped declaration file is checked too.
const STRICT = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  skipLibCheck: false,
  target: 'es2022',
} as const;

/**
 * Node's own resolution: `.mts` emits ESM, `.cts` emits CommonJS (`require`).
 * A Node project has no DOM, only Node's typings; `dom` adds it for a project
 * whose dependencies' types need it (msw's do, in Node too).
 */
export function nodenextConfig(include: readonly string[], { dom = false } = {}): object {
  return {
    compilerOptions: {
      ...STRICT,
      module: 'nodenext',
      moduleResolution: 'nodenext',
      lib: dom ? ['es2023', 'dom', 'dom.iterable'] : ['es2023'],
      types: ['node'],
      rootDir: 'src',
      outDir: 'out',
    },
    include,
  };
}

/**
 * A bundler's resolution, for code bundled for the browser: the DOM and no
 * Node typings, so a declaration that needs `@types/node` fails here.
 */
export function bundlerConfig(include: readonly string[]): object {
  return {
    compilerOptions: {
      ...STRICT,
      module: 'esnext',
      moduleResolution: 'bundler',
      lib: ['es2023', 'dom', 'dom.iterable'],
      types: [],
      noEmit: true,
    },
    include,
  };
}
