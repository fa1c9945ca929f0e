// A Markdown table with its columns padded, as Biome formats Markdown: the
// repo's READMEs, BENCHMARKS.md and every block a script writes into them, so
// that what a script renders is what `biome ci` accepts.

/** Escapes what would end a cell. */
export const tableCell = (text) => String(text).replaceAll('|', '\\|');

/**
 * @param {string[]} head
 * @param {string[][]} rows
 * @returns {string}
 */
export function markdownTable(head, rows) {
  const width = (text) => [...text].length;
  const widths = head.map((title, column) =>
    Math.max(3, width(title), ...rows.map((row) => width(row[column] ?? ''))),
  );
  const pad = (text, column) => text + ' '.repeat(widths[column] - width(text));
  const line = (cells) => `| ${cells.map((cell, column) => pad(cell ?? '', column)).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
