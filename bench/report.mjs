// Turns bench/results.json into what people read: the table `pnpm bench`
// prints, the results block of BENCHMARKS.md and its chart (bench/chart.svg).
// Both files are rendered from results.json only, so a test can tell whether
// they were edited by hand or left stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownTable, tableCell } from '../tools/lib/markdown-table.mjs';
import { replaceMarkedBlock } from '../tools/lib/marked-block.mjs';
import { RESULTS_FILE } from './harness.mjs';

export const RESULTS_START =
  '<!-- results:start (rendered from bench/results.json by pnpm bench) -->';
export const RESULTS_END = '<!-- results:end -->';

const fmt = (n) => {
  if (n === null || n === undefined) return '–';
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en-US');
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(3)));
};

/** The goal as people read it, e.g. `ratio ≥ 2` or `≤ 4,096 B`. */
export function goalText(f) {
  if (f.goal === null || f.goal === undefined) return '–';
  const sign = f.better === 'lower' ? '≤' : '≥';
  return f.goalOf === 'ratio' ? `ratio ${sign} ${fmt(f.goal)}` : `${sign} ${fmt(f.goal)} ${f.unit}`;
}

const metText = (f) => (f.met === true ? 'met' : f.met === false ? 'NOT MET' : '–');

function columns(figures) {
  return figures.map((f) => [
    f.name,
    f.value === null ? (f.note ?? 'not run') : `${fmt(f.value)} ${f.unit}`,
    f.baseline === null ? '–' : `${fmt(f.baseline)} ${f.unit}`,
    f.ratio === null ? '–' : fmt(f.ratio),
    goalText(f),
    metText(f),
  ]);
}

const HEAD = ['figure', 'value', 'baseline', 'ratio', 'goal', 'met'];

/** The table `pnpm bench` prints at the end. */
export function printFigures(figures) {
  const rows = columns(figures);
  const widths = HEAD.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(HEAD));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

const suiteOf = (name) => name.split('.')[0];

/** BENCHMARKS.md's results block: the machine of each suite's last run and every figure. */
export function resultsBlock(results) {
  const lines = [RESULTS_START, ''];
  const runs = results.runs ?? {};
  const suites = [...new Set(results.figures.map((f) => suiteOf(f.name)))];
  const machines = suites.map((suite) => {
    const m = runs[suite] ?? results.machine;
    const where = `${m.cpus} cores${m.cpu ? `, ${m.cpu}` : ''}${m.memoryGiB ? `, ${m.memoryGiB} GiB` : ''}`;
    return [suite, `${m.date.slice(0, 16).replace('T', ' ')} UTC`, m.node, where];
  });
  lines.push(markdownTable(['suite', 'last run', 'Node', 'machine'], machines));
  lines.push(
    '',
    markdownTable(
      HEAD,
      columns(results.figures).map((row) => row.map(tableCell)),
    ),
  );
  const unmet = results.figures.filter((f) => f.met === false).map((f) => `\`${f.name}\``);
  lines.push(
    '',
    `Goals not met in the last run: ${unmet.length === 0 ? 'none' : unmet.join(', ')}.`,
    '',
    RESULTS_END,
  );
  return lines.join('\n');
}

const escapeXml = (text) =>
  String(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

/**
 * What the chart plots per figure: its ratio to the baseline when it has one,
 * else its value as a share of its goal; figures with neither are left out.
 */
export function chartRows(figures) {
  const rows = [];
  for (const f of figures) {
    if (f.value === null) continue;
    if (f.ratio !== null) rows.push({ f, x: f.ratio, mark: f.goal, kind: 'ratio' });
    else if (f.goal !== null && f.goal !== 0)
      rows.push({ f, x: f.value / f.goal, mark: 1, kind: 'goal' });
    else if (f.goal === 0) rows.push({ f, x: null, mark: null, kind: 'goal' });
  }
  return rows;
}

/** A log-scale bar chart of `chartRows`: green met, red not met, grey no goal. */
export function chartSvg(results) {
  const rows = chartRows(results.figures);
  const label = 330;
  const plot = 460;
  const right = 90;
  const rowHeight = 18;
  const width = label + plot + right;
  const finite = rows.flatMap((r) => [r.x, r.mark]).filter((v) => typeof v === 'number' && v > 0);
  const lo = 10 ** Math.floor(Math.log10(Math.min(0.1, ...finite)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(10, ...finite)));
  const xOf = (v) =>
    label +
    (plot * (Math.log10(Math.max(v, lo)) - Math.log10(lo))) / (Math.log10(hi) - Math.log10(lo));
  const sections = [
    ['ratio', 'Ratio to a baseline measured in the same run (log scale; | marks the goal)'],
    ['goal', 'Value as a share of its goal (log scale; | marks the goal)'],
  ];
  const out = [];
  let y = 10;
  for (const [kind, title] of sections) {
    const mine = rows.filter((r) => r.kind === kind);
    if (mine.length === 0) continue;
    out.push(`<text x="8" y="${y + 14}" font-weight="bold">${escapeXml(title)}</text>`);
    y += 24;
    const top = y;
    for (const { f, x, mark } of mine) {
      const color = f.met === true ? '#2e7d32' : f.met === false ? '#c62828' : '#757575';
      out.push(
        `<text x="${label - 6}" y="${y + 13}" text-anchor="end">${escapeXml(f.name)}</text>`,
      );
      if (x === null) {
        // A goal of 0 (e.g. bytes added): no share to plot, the value says it.
        out.push(
          `<text x="${label + 4}" y="${y + 13}" fill="${color}">${escapeXml(`${fmt(f.value)} ${f.unit} (goal 0)`)}</text>`,
        );
      } else {
        const end = xOf(x);
        out.push(
          `<rect x="${label}" y="${y + 3}" width="${Math.max(1, end - label).toFixed(1)}" height="${rowHeight - 6}" fill="${color}"/>`,
        );
        if (typeof mark === 'number' && mark > 0) {
          const mx = xOf(mark).toFixed(1);
          out.push(
            `<line x1="${mx}" y1="${y + 1}" x2="${mx}" y2="${y + rowHeight - 1}" stroke="#000" stroke-width="2"/>`,
          );
        }
        out.push(`<text x="${label + plot + 6}" y="${y + 13}">${escapeXml(`×${fmt(x)}`)}</text>`);
      }
      y += rowHeight;
    }
    for (let v = lo; v <= hi * 1.0001; v *= 10) {
      const gx = xOf(v).toFixed(1);
      out.push(
        `<line x1="${gx}" y1="${top}" x2="${gx}" y2="${y}" stroke="#bbb" stroke-dasharray="${v === 1 ? '0' : '3,3'}"/>`,
      );
      out.push(
        `<text x="${gx}" y="${y + 14}" text-anchor="middle" fill="#555">${escapeXml(`×${fmt(v)}`)}</text>`,
      );
    }
    y += 30;
  }
  const height = y;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    '<title>credstat benchmarks: each figure of bench/results.json against its goal</title>',
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    ...out,
    '</svg>',
    '',
  ].join('\n');
}

export const readResults = (file = RESULTS_FILE) => JSON.parse(readFileSync(file, 'utf8'));

/** BENCHMARKS.md with its results block replaced by one rendered from `results`. */
export function withResults(markdown, results) {
  const markers = { start: RESULTS_START, end: RESULTS_END, file: 'BENCHMARKS.md' };
  return replaceMarkedBlock(markdown, markers, resultsBlock(results));
}

/** Writes bench/chart.svg and BENCHMARKS.md's results block from bench/results.json. */
export function renderReport({ root }) {
  const results = readResults();
  const chart = join(root, 'bench', 'chart.svg');
  const doc = join(root, 'BENCHMARKS.md');
  writeFileSync(chart, chartSvg(results));
  writeFileSync(doc, withResults(readFileSync(doc, 'utf8'), results));
  return [chart, doc];
}
