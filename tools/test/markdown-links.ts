// The links of a Markdown document as a reader's renderer sees them: code
// (fenced blocks and spans) and HTML comments are not text, so what they hold
// is no link.

export interface MarkdownLinks {
  /** Every link target: inline links and images, autolinks, HTML href/src, definitions. */
  targets: string[];
  /** Reference definitions, label (lower-cased, as Markdown matches them) → target. */
  definitions: Map<string, string>;
  /** Labels of `[text][label]` references, lower-cased. */
  references: string[];
}

export function markdownLinks(markdown: string): MarkdownLinks {
  const text = markdown
    .replace(/^[ \t]*(`{3,}|~{3,})[^\n]*\n[\s\S]*?^[ \t]*\1[ \t]*$/gm, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(`+)[\s\S]*?\1/g, '');
  const all = (pattern: RegExp) => [...text.matchAll(pattern)].map(([, value = '']) => value);
  const definitions = new Map(
    [...text.matchAll(/^ {0,3}\[([^\]]+)\]:[ \t]*<?([^\s>]+)>?/gm)].map(
      ([, label = '', target = '']) => [label.toLowerCase(), target] as const,
    ),
  );
  return {
    targets: [
      ...all(/\]\([ \t]*<?([^)\s>]+)/g),
      ...all(/<([a-z][a-z0-9+.-]*:[^>\s]+)>/gi),
      ...all(/\b(?:href|src)\s*=\s*["']([^"']+)["']/gi),
      ...definitions.values(),
    ],
    definitions,
    references: all(/\]\[([^\]]+)\]/g).map((label) => label.toLowerCase()),
  };
}
