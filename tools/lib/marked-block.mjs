// A block of a Markdown file that a script owns, between two marker lines
// (markers included): BENCHMARKS.md's results, the README's reliability figures.

/**
 * `text` with everything from `start` through `end` replaced by `block` (which
 * carries the markers again); throws, naming `file`, when the markers are missing.
 * @param {string} text
 * @param {{ start: string, end: string, file: string }} markers
 * @param {string} block
 */
export function replaceMarkedBlock(text, { start, end, file }, block) {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file} has no ${start} … ${end} block`);
  return text.slice(0, from) + block + text.slice(to + end.length);
}
