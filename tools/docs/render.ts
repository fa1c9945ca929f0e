// The site's own pages, as plain HTML with inline styles (nothing fetched): the
// index with every API's coverage matrix, a page per fixture, and the banner the
// preview lays over a page while the spec has lint problems.
import type { Har } from '../har/har.ts';
import type { ApiCoverage, Cell, ExchangeResult, Finding } from './coverage.ts';
import { hasSideProblems } from './coverage.ts';
import type { LintProblem } from './lint.ts';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Where an API's reference page is, relative to the site root. */
export const apiPageHref = (api: string) => `${api}/index.html`;

/** Where a fixture's page is, relative to the site root (`rejected/x.har` keeps its folder). */
export const fixturePageHref = (api: string, file: string, index?: number) =>
  `${api}/fixtures/${file.split('/').map(encodeURIComponent).join('/')}.html${
    index === undefined ? '' : `#entry-${index}`
  }`;

const STYLE = `
:root { color-scheme: light; --ok: #1a7f37; --ok-bg: #dafbe1; --bad: #cf222e; --bad-bg: #ffebe9;
  --warn: #9a6700; --warn-bg: #fff8c5; --muted: #57606a; --line: #d0d7de; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; padding: 16px 24px 48px; max-width: 1200px; color: #1f2328; }
h1 { font-size: 24px; margin: 8px 0; } h2 { font-size: 19px; margin: 32px 0 4px; } h3 { font-size: 15px; margin: 16px 0 4px; }
code, pre { font: 12.5px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { background: #f6f8fa; border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; overflow: auto; white-space: pre-wrap; word-break: break-word; }
a { color: #0969da; } small, .muted { color: var(--muted); }
table.matrix { border-collapse: collapse; margin: 8px 0 4px; width: 100%; }
table.matrix th, table.matrix td { border: 1px solid var(--line); padding: 6px 8px; vertical-align: top; text-align: left; }
table.matrix thead th { background: #f6f8fa; text-align: center; }
td.cell { min-width: 92px; font-size: 12.5px; }
td.cell.pass { background: var(--ok-bg); } td.cell.missing { background: var(--bad-bg); }
td.cell.flagged { background: var(--warn-bg); box-shadow: inset 3px 0 var(--bad); }
td.cell.undocumented { background: repeating-linear-gradient(135deg, #fff, #fff 6px, #f6f8fa 6px, #f6f8fa 12px); color: var(--muted); text-align: center; }
.checks { display: flex; gap: 4px; flex-wrap: wrap; margin-bottom: 2px; }
.check { border-radius: 10px; padding: 0 6px; font-size: 11.5px; white-space: nowrap; border: 1px solid currentColor; }
.check.ok { color: var(--ok); } .check.fail { color: var(--bad); font-weight: 600; } .check.none { color: var(--muted); }
.why { margin: 2px 0 0; padding-left: 16px; color: var(--bad); }
.totals { margin: 2px 0; } .legend { display: flex; gap: 12px; flex-wrap: wrap; align-items: center; }
.legend span.swatch { display: inline-block; width: 12px; height: 12px; border: 1px solid var(--line); vertical-align: -2px; margin-right: 4px; }
ul.apis { padding-left: 18px; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function check(label: string, state: 'ok' | 'fail' | 'none', title: string): string {
  const mark = state === 'ok' ? '✓' : state === 'fail' ? '✗' : '–';
  return `<span class="check ${state}" data-check="${label}" title="${escapeHtml(title)}">${mark} ${label}</span>`;
}

function findingText(finding: Finding): string {
  return `${finding.severity} ${finding.ruleId}: ${finding.message}`;
}

function exchangeProblems(exchange: ExchangeResult): string[] {
  return [
    ...(exchange.validator?.ok === false
      ? exchange.validator.issues.map((issue) => `validator: ${issue}`)
      : []),
    ...exchange.drift
      .filter((finding) => finding.severity !== 'info')
      .map((finding) => `drift ${findingText(finding)}`),
  ];
}

function renderCell(api: string, cell: Cell): string {
  const validatorTitle = {
    pass: 'every fixture passes the generated validator',
    fail: 'a fixture fails the generated validator',
    none: 'not checked',
  }[cell.validator];
  const driftTitle = {
    clean: 'redocly drift finds no problem',
    problems: 'redocly drift finds problems',
    none: 'not checked',
  }[cell.drift];
  const checks = [
    check('fixture', cell.fixture ? 'ok' : 'fail', cell.fixture ? 'recorded' : 'no fixture'),
    check(
      'validator',
      cell.validator === 'pass' ? 'ok' : cell.validator === 'fail' ? 'fail' : 'none',
      validatorTitle,
    ),
    check(
      'drift',
      cell.drift === 'clean' ? 'ok' : cell.drift === 'problems' ? 'fail' : 'none',
      driftTitle,
    ),
  ].join('');
  const links = cell.exchanges
    .map(
      (exchange) =>
        `<a class="fixture" href="${fixturePageHref(api, exchange.file, exchange.index)}">${escapeHtml(
          exchange.file,
        )}${exchange.index > 0 ? ` #${exchange.index}` : ''}</a>`,
    )
    .join('<br>');
  const problems = cell.exchanges.flatMap(exchangeProblems);
  const why =
    problems.length > 0
      ? `<ul class="why">${problems.map((problem) => `<li>${escapeHtml(problem)}</li>`).join('')}</ul>`
      : '';
  return `<td class="cell ${cell.state}" data-status="${escapeHtml(cell.status)}" data-state="${cell.state}" data-validator="${cell.validator}" data-drift="${cell.drift}"><div class="checks">${checks}</div>${links}${why}</td>`;
}

function exchangeList(api: string, title: string, exchanges: ExchangeResult[], note: string) {
  if (exchanges.length === 0) return '';
  const items = exchanges.map((exchange) => {
    const problems = exchangeProblems(exchange);
    return `<li><a href="${fixturePageHref(api, exchange.file, exchange.index)}">${escapeHtml(
      exchange.file,
    )}</a> — ${escapeHtml(`${exchange.method} ${exchange.status}`)} ${escapeHtml(
      exchange.operationId ?? 'no operation',
    )}${problems.length > 0 ? ` <span class="muted">(${escapeHtml(problems.join('; '))})</span>` : ''}</li>`;
  });
  return `<h3>${escapeHtml(title)}</h3><p class="muted">${escapeHtml(note)}</p><ul>${items.join('')}</ul>`;
}

function renderApi(coverage: ApiCoverage): string {
  const { name, totals } = coverage;
  const header = coverage.statuses
    .map((status) => `<th scope="col">${escapeHtml(status)}</th>`)
    .join('');
  const rows = coverage.operations.map((operation) => {
    const cells = coverage.statuses
      .map((status) => {
        const cell = operation.cells[status];
        return cell
          ? renderCell(name, cell)
          : `<td class="cell undocumented" data-status="${escapeHtml(status)}" data-state="undocumented" title="not documented for this operation">—</td>`;
      })
      .join('');
    return `<tr data-operation="${escapeHtml(operation.operationId)}"><th scope="row"><code>${escapeHtml(
      `${operation.method} ${operation.path}`,
    )}</code><br><strong>${escapeHtml(operation.operationId)}</strong>${
      operation.summary ? ` <span class="muted">${escapeHtml(operation.summary)}</span>` : ''
    }</th>${cells}</tr>`;
  });
  const errors = coverage.errors.map((error) => `<p class="why">${escapeHtml(error)}</p>`).join('');
  const wronglyAccepted = coverage.rejected.filter((result) => result.validator?.ok !== false);
  const unattributed =
    coverage.unattributed.length > 0
      ? `<h3>Drift findings not tied to one fixture</h3><ul>${coverage.unattributed
          .map((finding) => `<li>${escapeHtml(findingText(finding))}</li>`)
          .join('')}</ul>`
      : '';
  return `<section class="api" id="api-${escapeHtml(name)}" data-api="${escapeHtml(name)}">
<h2><a href="${apiPageHref(name)}">${escapeHtml(coverage.title)}</a> <small>${escapeHtml(
    `${coverage.packageName} · ${coverage.specPath}${coverage.version ? ` · v${coverage.version}` : ''}`,
  )}</small></h2>
<p class="totals" data-cells="${totals.cells}" data-pass="${totals.pass}" data-missing="${totals.missing}" data-flagged="${totals.flagged}">${totals.pass} of ${totals.cells} cells green · ${totals.missing} without a fixture · ${totals.flagged} flagged${hasSideProblems(coverage) ? ' · <strong class="why">see below</strong>' : ''}</p>
${errors}
<table class="matrix" data-api="${escapeHtml(name)}">
<thead><tr><th scope="col">Operation</th>${header}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
${exchangeList(name, 'Fixtures outside the matrix', coverage.outside, 'A status the operation does not document, or a request no operation matches.')}
${exchangeList(name, 'Negative fixtures the validator accepts', wronglyAccepted, 'Each fixture in fixtures/rejected/ must fail the generated validator.')}
${unattributed}
<p class="muted">${coverage.rejected.length} negative fixture(s) in fixtures/rejected/, ${
    coverage.rejected.length - wronglyAccepted.length
  } rejected by the validator: ${coverage.rejected
    .map(
      (result) =>
        `<a href="${fixturePageHref(name, result.file, result.index)}">${escapeHtml(result.file)}</a>`,
    )
    .join(', ')}</p>
</section>`;
}

export interface IndexOptions {
  /** HTML put right after <body> (the preview's problem banner). */
  banner?: string;
  /** HTML put before </body> (the preview's reload hook). */
  tail?: string;
}

export function renderIndex(coverages: ApiCoverage[], options: IndexOptions = {}): string {
  const list = coverages
    .map(
      (coverage) =>
        `<li><a href="${apiPageHref(coverage.name)}">${escapeHtml(coverage.packageName)}</a> — ${escapeHtml(
          coverage.title,
        )} <span class="muted">(<a href="#api-${escapeHtml(coverage.name)}">coverage</a>: ${
          coverage.totals.pass
        }/${coverage.totals.cells} green)</span></li>`,
    )
    .join('');
  const body = `${options.banner ?? ''}
<h1>credstat API docs</h1>
<p>Every API in <code>redocly.yaml</code>: its reference page, and its coverage matrix, one row per
operation and one column per documented status. For each cell: whether a fixture
(<code>specs/&lt;api&gt;/fixtures/*.har</code>) records it, whether its body passes the package's generated
validator, and whether <code>redocly drift</code> finds the exchange consistent with the spec. A cell
links to its fixture. Computed from the specs and fixtures when the site is built.</p>
<p class="legend"><span><span class="swatch" style="background:var(--ok-bg)"></span>all three checks pass</span>
<span><span class="swatch" style="background:var(--bad-bg)"></span>no fixture</span>
<span><span class="swatch" style="background:var(--warn-bg)"></span>flagged: fails the validator or drift</span>
<span><span class="swatch" style="background:#f6f8fa"></span>not documented</span></p>
<ul class="apis">${list}</ul>
${coverages.map(renderApi).join('\n')}
${options.tail ?? ''}`;
  return page('credstat API docs', body);
}

function prettyBody(text: string | undefined): string {
  if (text === undefined || text === '') return '(empty)';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** A fixture's page: each recorded exchange and what the checks found in it. */
export function renderFixturePage(
  coverage: ApiCoverage,
  file: string,
  har: Har,
  options: IndexOptions = {},
): string {
  const depth = file.split('/').length + 1; // <api>/fixtures/[rejected/]<file>.html
  const up = '../'.repeat(depth);
  const name = file.split('/').pop() ?? file;
  const results = [
    ...coverage.operations.flatMap((operation) =>
      Object.values(operation.cells).flatMap((cell) => cell.exchanges),
    ),
    ...coverage.outside,
    ...coverage.rejected,
  ].filter((result) => result.file === file);
  const entries = har.log.entries.map((entry, index) => {
    const result = results.find((candidate) => candidate.index === index);
    const validator = result?.validator;
    const findings = result?.drift ?? [];
    const checks = [
      validator
        ? validator.ok
          ? '<li class="check-line">validator: passes</li>'
          : `<li class="check-line">validator: fails — ${escapeHtml(validator.issues.join('; '))}</li>`
        : '<li class="check-line">validator: not run</li>',
      file.startsWith('rejected/')
        ? '<li class="check-line">negative fixture: drift is not run (the validator must reject it)</li>'
        : findings.length === 0
          ? '<li class="check-line">redocly drift: no findings</li>'
          : findings
              .map(
                (finding) =>
                  `<li class="check-line">redocly drift: ${escapeHtml(findingText(finding))}</li>`,
              )
              .join(''),
    ].join('');
    const headers = (list: { name: string; value: string }[]) =>
      escapeHtml(list.map((header) => `${header.name}: ${header.value}`).join('\n') || '(none)');
    return `<section id="entry-${index}">
<h2>#${index} <code>${escapeHtml(`${entry.request.method} ${entry.request.url}`)}</code> → ${entry.response.status}</h2>
<p>${escapeHtml(
      result?.operationId
        ? `${result.operationId}, documented status ${result.cell ?? 'none'}`
        : 'matches no operation',
    )}${entry.comment ? ` <span class="muted">— ${escapeHtml(entry.comment)}</span>` : ''}</p>
<ul>${checks}</ul>
<h3>Request headers</h3><pre>${headers(entry.request.headers)}</pre>
${entry.request.postData ? `<h3>Request body (${escapeHtml(entry.request.postData.mimeType)})</h3><pre>${escapeHtml(prettyBody(entry.request.postData.text))}</pre>` : ''}
<h3>Response headers</h3><pre>${headers(entry.response.headers)}</pre>
<h3>Response body (${escapeHtml(entry.response.content.mimeType)})</h3><pre>${escapeHtml(
      prettyBody(entry.response.content.text),
    )}</pre>
</section>`;
  });
  const body = `${options.banner ?? ''}
<p><a href="${up}index.html#api-${escapeHtml(coverage.name)}">← coverage of ${escapeHtml(
    coverage.packageName,
  )}</a> · <a href="${up}${apiPageHref(coverage.name)}">reference</a> · <a href="${encodeURIComponent(
    name,
  )}">${escapeHtml(name)}</a> (the file as committed)</p>
<h1>${escapeHtml(`specs/${coverage.name}/fixtures/${file}`)}</h1>
${har.log.comment ? `<p>${escapeHtml(har.log.comment)}</p>` : ''}
${entries.join('\n')}
${options.tail ?? ''}`;
  return page(`${file} — ${coverage.name}`, body);
}

export interface PageProblems {
  api: string;
  problems: LintProblem[];
  /** build-docs failed: the page shown is the last one that built. */
  buildError?: string;
}

/** The preview's overlay: every lint problem with its file and line; empty when there are none. */
export function renderProblemsBanner(groups: PageProblems[]): string {
  const items = groups.flatMap(({ api, problems, buildError }) => [
    ...problems.map(
      (problem) =>
        `<li data-api="${escapeHtml(api)}" data-rule="${escapeHtml(problem.ruleId)}"><code>${escapeHtml(
          `${problem.file}${problem.line ? `:${problem.line}` : ''}${problem.col ? `:${problem.col}` : ''}`,
        )}</code> <strong>${escapeHtml(problem.severity)}</strong> ${escapeHtml(problem.ruleId)} — ${escapeHtml(
          problem.message,
        )}</li>`,
    ),
    ...(buildError
      ? [
          `<li data-api="${escapeHtml(api)}" data-rule="build-docs"><strong>error</strong> redocly build-docs failed (showing the last page that built): ${escapeHtml(
            buildError,
          )}</li>`,
        ]
      : []),
  ]);
  if (items.length === 0) return '';
  const count = items.length;
  return `<div id="credstat-problems" role="alert" style="position:fixed;z-index:2147483647;left:0;right:0;bottom:0;max-height:45vh;overflow:auto;background:#fff1f0;color:#1f2328;border-top:3px solid #cf222e;box-shadow:0 -4px 16px rgba(0,0,0,.15);font:13px/1.45 system-ui,sans-serif;padding:8px 16px">
<div style="display:flex;justify-content:space-between;align-items:center"><strong>${count} problem${count === 1 ? '' : 's'} in the spec (redocly lint with redocly.yaml; fix and save to clear)</strong><button type="button" onclick="this.closest('#credstat-problems').remove()" style="font:inherit">hide</button></div>
<ul style="margin:4px 0;padding-left:18px;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px">${items.join('')}</ul>
</div>`;
}

/** `extra` put at the end of the page's body. */
export function appendToBody(html: string, extra: string): string {
  const at = html.lastIndexOf('</body>');
  return at === -1 ? html + extra : `${html.slice(0, at)}${extra}${html.slice(at)}`;
}
