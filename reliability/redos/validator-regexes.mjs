// Every regex a generated validators module (packages/*/src/generated/
// validators.gen.js, ajv standalone code) runs: read from its syntax tree, not
// from the spec, so what is checked is what ships. Outside the bundled
// ajv-formats block, every regex is used: `const formatsN = /…/` (a format
// ajv inlines) and `const patternN = new RegExp("…", "u")` (a `pattern`).
// Inside that block only what the module reaches is used: for each
// `require_formats().fullFormats.<name>`, the regexes of that format's
// definition and of every function or constant it names, transitively.
import ts from 'typescript';

/** @typedef {{ source: string, flags: string, where: string }} FoundRegex */
/** A regex built from a value at run time: no checker can see its source. */
/** @typedef {{ where: string, text: string }} DynamicRegex */

const FORMATS_BLOCK = 'require_formats';

/** @param {ts.Node} node */
export function regexOf(node) {
  if (ts.isRegularExpressionLiteral(node)) {
    const slash = node.text.lastIndexOf('/');
    return { source: node.text.slice(1, slash), flags: node.text.slice(slash + 1) };
  }
  if (
    (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'RegExp'
  ) {
    const [source, flags] = node.arguments ?? [];
    const literal = (/** @type {ts.Node | undefined} */ arg) =>
      arg !== undefined && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg));
    if (literal(source) && (flags === undefined || literal(flags)))
      return {
        source: /** @type {ts.StringLiteral} */ (source).text,
        flags: flags ? /** @type {ts.StringLiteral} */ (flags).text : '',
      };
    return 'dynamic';
  }
  return undefined;
}

/** The name of the declaration or property a node sits in, for messages. */
function ownerName(/** @type {ts.Node} */ node) {
  for (let at = node.parent; at; at = at.parent) {
    if ((ts.isVariableDeclaration(at) || ts.isFunctionDeclaration(at)) && at.name)
      return at.name.getText();
    if (ts.isPropertyAssignment(at) || ts.isShorthandPropertyAssignment(at))
      return at.name.getText().replaceAll('"', '');
  }
  return '(top level)';
}

/**
 * The declarations of the ajv-formats block by name (functions and constants),
 * and its exported format tables (`exports.fullFormats = { … }`).
 * @param {ts.Node} block
 */
function formatsBlockIndex(block) {
  /** @type {Map<string, ts.Node>} */
  const declarations = new Map();
  /** @type {Map<string, ts.ObjectLiteralExpression>} */
  const tables = new Map();
  const visit = (/** @type {ts.Node} */ node) => {
    if (ts.isFunctionDeclaration(node) && node.name) declarations.set(node.name.text, node);
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name))
      declarations.set(node.name.text, node);
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      node.left.expression.getText() === 'exports' &&
      ts.isObjectLiteralExpression(node.right)
    )
      tables.set(node.left.name.text, node.right);
    ts.forEachChild(node, visit);
  };
  visit(block);
  return { declarations, tables };
}

/**
 * The definition of format `name` in table `table`, following `...exports.other` spreads.
 * @param {Map<string, ts.ObjectLiteralExpression>} tables
 * @returns {ts.Node | undefined}
 */
function formatDefinition(tables, table, name) {
  const object = tables.get(table);
  if (!object) return undefined;
  // A later member wins, as in the object itself.
  for (const member of [...object.properties].reverse()) {
    if (ts.isSpreadAssignment(member)) {
      const spread = member.expression;
      if (ts.isPropertyAccessExpression(spread)) {
        const found = formatDefinition(tables, spread.name.text, name);
        if (found) return found;
      }
      continue;
    }
    const key = member.name?.getText().replace(/^["']|["']$/g, '');
    if (key === name) return member;
  }
  return undefined;
}

/**
 * The format ajv inlined as `const formatsN = /…/`: the `format` its error names.
 * @param {string} text
 * @param {string} constant
 */
function inlinedFormatName(text, constant) {
  const use = text.indexOf(`!${constant}.test(`);
  if (use < 0) return undefined;
  return /params: \{ format: "([^"]+)" \}/.exec(text.slice(use, use + 2_000))?.[1];
}

/**
 * The regexes one validators module runs, each with where it sits, and the
 * regexes it builds from run-time values (which a test must reject).
 * @param {string} text the module's source
 * @param {string} file a name for messages
 * @returns {{ regexes: FoundRegex[], dynamic: DynamicRegex[], formats: string[] }}
 */
export function validatorRegexes(text, file) {
  const sourceFile = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.JS,
  );
  /** @type {FoundRegex[]} */
  const regexes = [];
  /** @type {DynamicRegex[]} */
  const dynamic = [];
  /** @type {string[]} */
  const formats = [];
  /** @type {ts.Node | undefined} */
  let block;
  const topLevel = [];
  for (const statement of sourceFile.statements) {
    const isBlock =
      ts.isVariableStatement(statement) &&
      statement.declarationList.declarations.some((d) => d.name.getText() === FORMATS_BLOCK);
    if (isBlock) block = statement;
    else topLevel.push(statement);
  }
  const index = block ? formatsBlockIndex(block) : undefined;
  const visited = new Set();

  /** Collects regexes under `node`; in the formats block, also what it names. */
  const collect = (/** @type {ts.Node} */ node, /** @type {string} */ prefix, inBlock) => {
    if (visited.has(node)) return;
    visited.add(node);
    const visit = (/** @type {ts.Node} */ child) => {
      const regex = regexOf(child);
      if (regex === 'dynamic')
        dynamic.push({ where: `${prefix}${ownerName(child)}`, text: child.getText() });
      else if (regex) {
        const owner = ownerName(child);
        const format = prefix === '' ? inlinedFormatName(text, owner) : undefined;
        regexes.push({
          ...regex,
          where: format ? `ajv format ${format}: ${owner}` : prefix + owner,
        });
      }
      if (inBlock && ts.isIdentifier(child)) {
        const declaration = index?.declarations.get(child.text);
        if (declaration) collect(declaration, prefix, true);
      }
      if (!inBlock) followFormatsReference(child);
      ts.forEachChild(child, visit);
    };
    visit(node);
  };

  /** `require_formats().<table>.<name>`: that format's definition; any other use: the whole block. */
  const followFormatsReference = (/** @type {ts.Node} */ node) => {
    if (!ts.isCallExpression(node) || node.expression.getText() !== FORMATS_BLOCK) return;
    const table = node.parent;
    const format = table?.parent;
    if (
      index &&
      ts.isPropertyAccessExpression(table) &&
      ts.isPropertyAccessExpression(format) &&
      table.expression === node
    ) {
      const definition = formatDefinition(index.tables, table.name.text, format.name.text);
      if (definition) {
        formats.push(format.name.text);
        collect(definition, `ajv-formats ${format.name.text}: `, true);
        return;
      }
    }
    // A use this reader does not know: count every regex of the block as used.
    if (block) collect(block, 'ajv-formats (whole block): ', false);
  };

  for (const statement of topLevel) collect(statement, '', false);
  return { regexes, dynamic, formats };
}
