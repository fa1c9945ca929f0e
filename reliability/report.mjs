// After the suite: prints every figure the test files reported (.figures/)
// and checks (--check) or rewrites (--write) the README's reliability block,
// so the README shows the figures the suite itself produced.
//   node report.mjs --check   fail if the README block differs (pnpm test)
//   node report.mjs --write   rewrite it (after `pnpm test:reliability`)
//   node report.mjs --print   only print (a run with other --runs)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownTable, tableCell } from '../tools/lib/markdown-table.mjs';
import { replaceMarkedBlock } from '../tools/lib/marked-block.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const README = join(here, '..', 'README.md');
const FIGURES_DIR = join(here, '.figures');
export const START =
  '<!-- reliability:start (written by the reliability suite: pnpm test:reliability) -->';
export const END = '<!-- reliability:end -->';

export function readFigures(dir = FIGURES_DIR) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')))
    .sort((a, b) => a.order - b.order || a.suite.localeCompare(b.suite));
}

const fmt = (value) => (typeof value === 'number' ? value.toLocaleString('en-US') : String(value));

/** The README block: one table row per figure, grouped by suite. */
export function renderBlock(suites) {
  const runs = [...new Set(suites.map((s) => s.runs))];
  const rows = suites.flatMap(({ suite, figures }) =>
    figures.map((f) => [suite, tableCell(f.label), fmt(f.value)]),
  );
  const lines = [
    START,
    '',
    `Property runs per schema or operation: ${runs.map(fmt).join(', ')}.`,
    '',
    markdownTable(['suite', 'figure', 'value'], rows),
  ];
  lines.push('', END);
  return lines.join('\n');
}

function main(mode) {
  const suites = readFigures();
  if (suites.length === 0) {
    console.error('reliability: no figures in .figures/ (run the suite first)');
    return 1;
  }
  const width = Math.max(...suites.flatMap((s) => s.figures.map((f) => f.label.length)));
  for (const { suite, figures } of suites) {
    console.log(`\n${suite}`);
    for (const f of figures) console.log(`  ${f.label.padEnd(width)}  ${fmt(f.value)}`);
  }
  if (mode === '--print') return 0;
  const readme = readFileSync(README, 'utf8');
  const next = replaceMarkedBlock(
    readme,
    { start: START, end: END, file: 'README.md' },
    renderBlock(suites),
  );
  if (mode === '--write') {
    writeFileSync(README, next);
    console.log('\nreliability: wrote the README block');
    return 0;
  }
  if (next !== readme) {
    console.error(
      "\nreliability: the README's reliability section does not show these figures.\n" +
        'Run `pnpm test:reliability` (it rewrites the block) and commit README.md.',
    );
    return 1;
  }
  console.log('\nreliability: the README shows these figures');
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv[2] ?? '--check');
}
