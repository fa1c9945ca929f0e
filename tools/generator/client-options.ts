// The options a package's `createClient` takes, read with the TypeScript
// compiler from its source types and their doc comments: core's ClientOptions,
// the generated credential, and whatever the package adds. The README's
// options table is generated from this, so an option cannot be added without
// a doc comment or left out of the README.
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { markdownTable } from '../lib/markdown-table.mjs';
import { repoRoot } from '../lib/repo.ts';

export interface ClientOption {
  /** `timeoutMs`, or `retry.maxRetries` for a member of an option that is itself a bag of options. */
  name: string;
  /** The type as declared, with the package's own aliases spelled out. */
  type: string;
  required: boolean;
  /** The doc comment, on one line. */
  doc: string;
}

export function clientOptions(packageDir: string, root = repoRoot): ClientOption[] {
  const entry = join(packageDir, 'src', 'index.ts');
  const program = ts.createProgram([entry], compilerOptions(root));
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  const module = source && checker.getSymbolAtLocation(source);
  const createClient = module && checker.getExportsOfModule(module).find(isCreateClient);
  const [signature] = createClient ? checker.getTypeOfSymbol(createClient).getCallSignatures() : [];
  const [parameter] = signature?.parameters ?? [];
  if (!parameter) {
    throw new Error(`${relative(root, entry)} exports no createClient(options)`);
  }
  const type = checker.getNonNullableType(checker.getTypeOfSymbol(parameter));
  // Required ones first (the credential, a base URL without default), each
  // followed by its members; otherwise in the order the types declare them.
  const options = optionsOf(checker, type, '', root);
  const topLevel = (option: ClientOption) => !option.name.includes('.');
  const required = new Set(options.filter((o) => topLevel(o) && o.required).map((o) => o.name));
  const first = (option: ClientOption) => required.has(option.name.split('.')[0] ?? '');
  return [...options.filter(first), ...options.filter((option) => !first(option))];
}

const isCreateClient = (symbol: ts.Symbol) => symbol.name === 'createClient';

// Core from its source, not its dist/: `pnpm generate` runs before any build.
function compilerOptions(root: string): ts.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    allowJs: true,
    types: [],
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    paths: {
      '@credstat/core': [join(root, 'packages/core/src/index.ts')],
      '@credstat/core/*': [join(root, 'packages/core/src/*.ts')],
    },
  };
}

function optionsOf(checker: ts.TypeChecker, type: ts.Type, prefix: string, root: string) {
  return checker.getPropertiesOfType(type).flatMap((property): ClientOption[] => {
    const name = `${prefix}${property.name}`;
    const declaration = property.valueDeclaration ?? property.declarations?.[0];
    const doc = ts
      .displayPartsToString(property.getDocumentationComment(checker))
      .replace(/\s+/g, ' ')
      .trim();
    if (!doc) {
      const where = declaration ? relative(root, declaration.getSourceFile().fileName) : '?';
      throw new Error(`option \`${name}\` has no doc comment (${where}): say what it does there`);
    }
    const required = (property.flags & ts.SymbolFlags.Optional) === 0;
    const option = { name, type: typeText(checker, property, declaration), required, doc };
    const bag = optionBag(checker, checker.getTypeOfSymbol(property));
    return [option, ...(bag ? optionsOf(checker, bag, `${name}.`, root) : [])];
  });
}

function typeText(checker: ts.TypeChecker, property: ts.Symbol, declaration?: ts.Declaration) {
  const node = declaration && ts.isPropertySignature(declaration) ? declaration.type : undefined;
  if (!node) return checker.typeToString(checker.getTypeOfSymbol(property));
  // A reader on npm cannot look up `RedirectPolicy`: spell out the repo's own aliases.
  if (ts.isTypeReferenceNode(node) && isOwnAlias(checker, node.typeName)) {
    const flags = ts.TypeFormatFlags.InTypeAlias | ts.TypeFormatFlags.NoTruncation;
    return checker.typeToString(checker.getTypeFromTypeNode(node), undefined, flags);
  }
  return node.getText().replace(/\s+/g, ' ');
}

function isOwnAlias(checker: ts.TypeChecker, name: ts.EntityName): boolean {
  let symbol = checker.getSymbolAtLocation(name);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declaration = symbol?.declarations?.[0];
  return (
    declaration !== undefined &&
    ts.isTypeAliasDeclaration(declaration) &&
    !declaration.getSourceFile().fileName.split(sep).join('/').includes('/node_modules/')
  );
}

/**
 * The object an option takes besides `false`/`undefined` when it is a bag of
 * plain settings (`retry: { maxRetries, … }`): listed member by member. Not a
 * function, a record or an interface with methods (a transport).
 */
function optionBag(checker: ts.TypeChecker, type: ts.Type): ts.Type | undefined {
  const parts = (type.isUnion() ? type.types : [type]).filter(
    (part) =>
      !(part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.BooleanLike)),
  );
  const [only] = parts;
  if (parts.length !== 1 || !only || !(only.flags & ts.TypeFlags.Object)) return undefined;
  if (only.getCallSignatures().length > 0 || only.getConstructSignatures().length > 0)
    return undefined;
  const members = checker.getPropertiesOfType(only);
  const plain = members.every((member) =>
    (member.declarations ?? []).every(
      (d) => ts.isPropertySignature(d) || ts.isPropertyDeclaration(d),
    ),
  );
  return members.length > 0 && plain ? only : undefined;
}

/** The README table: one row per option, required ones first said so. */
export function optionsTable(options: ClientOption[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = options.map((option) => [
    `\`${cell(option.name)}\``,
    `\`${cell(option.type)}\``,
    cell(option.required ? `**Required.** ${option.doc}` : option.doc),
  ]);
  return markdownTable(['option', 'type', 'what it does'], rows);
}
