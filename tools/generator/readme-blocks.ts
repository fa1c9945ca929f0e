// The parts of a hand-written README that `pnpm generate` owns. A block sits
// between `<!-- generated:NAME … -->` and `<!-- /generated:NAME -->`: the prose
// around it stays the author's, and `--check` compares the whole file.
//
// Links into the repository are reference-style in the prose,
// `[text][repo:path/in/repo#anchor]`; their definitions are the `links` block
// at the end, built from the one repository URL, so no README holds a link
// that works only inside the repo.

const open = (name: string) => new RegExp(`<!-- generated:${name}\\b[^>]*-->`);
const close = (name: string) => `<!-- /generated:${name} -->`;

/** Replaces the body of block `name`; fails when the README has no such block. */
export function replaceBlock(text: string, name: string, about: string, body: string): string {
  const start = text.match(open(name));
  const end = start?.index === undefined ? -1 : text.indexOf(close(name), start.index);
  if (!start || start.index === undefined || end === -1) {
    throw new Error(
      `has no "${name}" block: add \`<!-- generated:${name} -->\` and \`${close(name)}\` where it goes`,
    );
  }
  return (
    text.slice(0, start.index) + block(name, about, body) + text.slice(end + close(name).length)
  );
}

function block(name: string, about: string, body: string): string {
  return `<!-- generated:${name} (${about}; do not edit) -->\n\n${body.trim()}\n\n${close(name)}`;
}

const LINKS = 'links';
/** `][repo:…]`: the reference of a link into the repository. */
const REPO_REFERENCE = /\]\[(repo:[^\]\s]+)\]/g;

/** The `repo:` references a README uses, in order of first use (its links block aside). */
export function repositoryReferences(text: string): string[] {
  const prose = withoutLinks(text);
  return [...new Set([...prose.matchAll(REPO_REFERENCE)].map(([, label = '']) => label))];
}

/**
 * The README with its links block (re)written at the end: one definition per
 * `repo:` reference, `toUrl` turning `path#anchor` into its address. No block
 * when nothing links into the repository.
 */
export function withRepositoryLinks(text: string, toUrl: (path: string) => string): string {
  const prose = withoutLinks(text).trimEnd();
  const labels = repositoryReferences(prose).sort();
  if (labels.length === 0) return `${prose}\n`;
  const definitions = labels.map((label) => `[${label}]: ${toUrl(label.slice('repo:'.length))}`);
  const about = 'from `repository` in the root package.json';
  return `${prose}\n\n${block(LINKS, about, definitions.join('\n'))}\n`;
}

function withoutLinks(text: string): string {
  const start = text.match(open(LINKS));
  if (start?.index === undefined) return text;
  const end = text.indexOf(close(LINKS), start.index);
  if (end === -1) throw new Error(`has a "${LINKS}" block with no \`${close(LINKS)}\``);
  return text.slice(0, start.index) + text.slice(end + close(LINKS).length);
}
