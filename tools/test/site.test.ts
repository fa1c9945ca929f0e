import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Har } from '../har/har.ts';
import { scratchRepo } from './site-scratch.ts';

// The matrix of fortid-verifier (one operation; 200, 400, 404, 410 and 500
// documented, one fixture each but three for 200), computed on a scratch copy of
// the repo whose fixtures are then broken on purpose, one cell at a time.
const scratch = scratchRepo('credstat-site-');
vi.stubEnv('CREDSTAT_ROOT', scratch.root);
const { findApi } = await import('../lib/repo.ts');
const { computeCoverage, documentedStatus } = await import('../docs/coverage.ts');
const { renderIndex } = await import('../docs/render.ts');
const { buildSite } = await import('../docs/site.ts');
const { runDrift } = await import('../testing/drift.ts');

const API = 'fortid-verifier';
const OPERATION = 'getVerificationSessionStatus';
const fixtures = join(scratch.root, 'specs', API, 'fixtures');

function editFixture(name: string, edit: (har: Har) => void): void {
  const file = join(fixtures, name);
  const har = JSON.parse(readFileSync(file, 'utf8')) as Har;
  edit(har);
  writeFileSync(file, JSON.stringify(har, null, 2));
}

/** The index as the browser sees it: the cell of (OPERATION, status). */
function cellHtml(index: string, status: string): string {
  const row = index.slice(index.indexOf(`data-operation="${OPERATION}"`));
  const start = row.indexOf(`<td class="cell`, row.indexOf(`data-status="${status}"`) - 40);
  return row.slice(start, row.indexOf('</td>', start));
}

afterAll(() => scratch.remove());

describe('the coverage matrix', () => {
  it('is green, with a link per fixture, when every fixture passes both checks', async () => {
    const coverage = await computeCoverage(findApi(API));
    expect(coverage.errors).toEqual([]);
    expect(coverage.statuses).toEqual(['200', '400', '404', '410', '500']);
    expect(coverage.totals).toEqual({ cells: 5, pass: 5, missing: 0, flagged: 0 });
    const cell = coverage.operations[0]?.cells['404'];
    expect(cell).toMatchObject({
      state: 'pass',
      fixture: true,
      validator: 'pass',
      drift: 'clean',
    });
    expect(cell?.exchanges.map((exchange) => exchange.file)).toEqual(['404-session-not-found.har']);
    // Every negative fixture is rejected by the validator, and fills no cell.
    expect(coverage.rejected.length).toBeGreaterThan(0);
    expect(coverage.rejected.every((exchange) => exchange.validator?.ok === false)).toBe(true);

    const html = cellHtml(renderIndex([coverage]), '404');
    expect(html).toContain('class="cell pass"');
    expect(html).toContain(
      `href="${API}/fixtures/404-session-not-found.har.html#entry-0">404-session-not-found.har</a>`,
    );
    expect(html).not.toContain('check fail');
  });

  it('writes the site: the index, each fixture copied and a page for it where the cell links', async () => {
    const out = join(scratch.root, 'site');
    const { files } = await buildSite(out, { apis: [API] });
    expect(files).toContain('index.html');
    expect(files).toContain(`${API}/index.html`);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    const link = /href="([^"#]+)#entry-0">404-session-not-found\.har</.exec(index)?.[1] ?? '';
    expect(readFileSync(join(out, link), 'utf8')).toContain('redocly drift: no findings');
    expect(readFileSync(join(out, `${API}/fixtures/404-session-not-found.har`), 'utf8')).toBe(
      readFileSync(join(fixtures, '404-session-not-found.har'), 'utf8'),
    );
    const coverage = JSON.parse(readFileSync(join(out, 'coverage.json'), 'utf8'));
    expect(coverage[0].totals.pass).toBe(5);
  }, 60_000);

  describe('with broken fixtures', () => {
    let coverage: Awaited<ReturnType<typeof computeCoverage>>;
    let index = '';
    const driftRuns: string[][] = [];
    beforeAll(async () => {
      // 404: no fixture at all.
      rmSync(join(fixtures, '404-session-not-found.har'));
      // 410: a body the generated validator rejects (message must be a string).
      editFixture('410-session-expired.har', (har) => {
        const entry = har.log.entries[0];
        if (entry) entry.response.content.text = '{"message":42}';
      });
      // 400 and 500: bodies that pass, but a query parameter the spec does not
      // declare, which only drift sees. The same finding twice: drift reports
      // it once, so the matrix reruns that operation's fixtures one by one.
      for (const name of ['400-invalid-session-id.har', '500-internal-error.har']) {
        editFixture(name, (har) => {
          const entry = har.log.entries[0];
          if (entry) entry.request.url += '?debug=1';
        });
      }
      // A negative fixture the validator accepts (it is a copy of a valid 200).
      writeFileSync(
        join(fixtures, 'rejected', 'zz-actually-valid.har'),
        readFileSync(join(fixtures, '200-in-progress.har')),
      );
      coverage = await computeCoverage(findApi(API), {
        drift: (spec, files, ignore) => {
          driftRuns.push(files);
          return runDrift(spec, files, ignore);
        },
      });
      index = renderIndex([coverage]);
    }, 120_000);

    it('a missing fixture is a red cell', () => {
      expect(coverage.operations[0]?.cells['404']).toMatchObject({
        state: 'missing',
        fixture: false,
        exchanges: [],
      });
      const html = cellHtml(index, '404');
      expect(html).toContain('class="cell missing"');
      expect(html).toContain('data-check="fixture"');
      expect(html).not.toContain('href=');
    });

    it('a fixture failing the generated validator is flagged, with the reason', () => {
      const cell = coverage.operations[0]?.cells['410'];
      expect(cell).toMatchObject({ state: 'flagged', fixture: true, validator: 'fail' });
      expect(cell?.exchanges[0]?.validator?.issues.join()).toContain('/message');
      const html = cellHtml(index, '410');
      expect(html).toContain('class="cell flagged"');
      expect(html).toMatch(/check fail" data-check="validator"/);
      expect(html).toContain('410-session-expired.har.html#entry-0');
    });

    it('a drift problem is flagged though the validator passes, in each fixture that has it', () => {
      for (const status of ['400', '500']) {
        const cell = coverage.operations[0]?.cells[status];
        expect(cell, status).toMatchObject({
          state: 'flagged',
          validator: 'pass',
          drift: 'problems',
        });
        expect(cell?.exchanges[0]?.drift.map((finding) => finding.message).join()).toContain(
          'debug',
        );
        expect(cellHtml(index, status)).toMatch(/check fail" data-check="drift"/);
      }
      // One run over every positive fixture, then one per fixture of the operation.
      expect(driftRuns[0]).toHaveLength(1);
      expect(driftRuns.length).toBe(1 + 6);
    });

    it('the untouched cell stays green; the totals and the side lists say what is wrong', () => {
      expect(coverage.operations[0]?.cells['200']?.state).toBe('pass');
      expect(coverage.totals).toEqual({ cells: 5, pass: 1, missing: 1, flagged: 3 });
      expect(
        coverage.rejected.find((e) => e.file === 'rejected/zz-actually-valid.har'),
      ).toMatchObject({ validator: { ok: true } });
      expect(index).toContain('Negative fixtures the validator accepts');
      expect(index).toContain('data-pass="1" data-missing="1" data-flagged="3"');
    });
  });

  it('puts a status under the documented one it falls in', () => {
    expect(documentedStatus(['200', '4XX', 'default'], 200)).toBe('200');
    expect(documentedStatus(['200', '4XX', 'default'], 404)).toBe('4XX');
    expect(documentedStatus(['200', '4XX', 'default'], 503)).toBe('default');
    expect(documentedStatus(['200'], 418)).toBeUndefined();
  });

  it('reports what it cannot compute instead of failing', async () => {
    const api = findApi(API);
    rmSync(join(api.generatedDir, 'validators.gen.js'));
    const coverage = await computeCoverage(api);
    expect(coverage.errors.join()).toContain('no generated validators');
    // Without validators no cell can be green.
    expect(coverage.totals.pass).toBe(0);
    expect(existsSync(join(api.generatedDir, 'api.gen.ts'))).toBe(true);
  }, 60_000);
});
