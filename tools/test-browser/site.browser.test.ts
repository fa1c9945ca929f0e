// The docs site in Chromium with the network cut off: every request whose host
// is not 127.0.0.1 is aborted and fails the test. The built site/ (`pnpm
// test:browser` builds it first) is served from 127.0.0.1: its index and
// coverage matrix, and each API's reference page, where every operation of the
// spec must render, responses switch and a schema expands on click. Then the
// preview, on a scratch copy of the specs, picks up an edit and shows a broken
// $ref in the page. Screenshots go to artifacts/screenshots/.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { bundle, createConfig } from '@redocly/openapi-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listOperations, type OpenApiDocument } from '../generator/openapi.ts';
import { listApis } from '../lib/repo.ts';
import { type Scratch, scratchRepo, sourceRoot } from '../test/site-scratch.ts';
import { launchChromium } from '../testing/browser.ts';

const SITE = join(sourceRoot, 'site');
const SHOTS = join(sourceRoot, 'artifacts', 'screenshots');
/** [name, spec root] of every API in redocly.yaml: the site must have each. */
const apis = listApis().map((api): [string, string] => [api.name, api.specPath]);

/** The operations of a spec, read from the spec itself (not from the site). */
async function specOperations(specPath: string) {
  const result = await bundle({
    ref: join(sourceRoot, specPath),
    config: await createConfig({}),
    dereference: false,
  });
  const document = result.bundle.parsed as OpenApiDocument;
  return listOperations(document).map((entry) => ({
    operationId: entry.operationId,
    method: entry.method,
    path: entry.path,
    summary: entry.operation.summary ?? '',
    tag: ((entry.operation as { tags?: string[] }).tags ?? [])[0] ?? '',
    statuses: Object.keys(entry.operation.responses ?? {}),
  }));
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.har': 'application/json',
};

function serveSite(): Promise<Server> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    let file = normalize(join(SITE, path));
    if (!file.startsWith(`${SITE}${sep}`) && file !== SITE) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Redoc 3's id for a tag: lower case, words joined by hyphens. */
const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

describe('the docs site, offline', () => {
  let server: Server;
  let origin = '';
  let browser: Browser;
  let context: BrowserContext;
  /** Every request that tried to leave 127.0.0.1. */
  const blocked: string[] = [];
  const pageErrors: string[] = [];
  const shots: string[] = [];

  async function shot(page: Page, name: string, full = false): Promise<void> {
    const path = join(SHOTS, `${name}.png`);
    await page.screenshot({ path, fullPage: full });
    shots.push(path);
  }

  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${path}: ${error.message}`));
    await page.goto(path.startsWith('http') ? path : `${origin}${path}`);
    return page;
  }

  beforeAll(async () => {
    if (!existsSync(join(SITE, 'index.html')))
      throw new Error(`${SITE} is not built: run pnpm build (pnpm test:browser does)`);
    mkdirSync(SHOTS, { recursive: true });
    server = await serveSite();
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      const local = !/^(https?|wss?):$/.test(url.protocol) || url.hostname === '127.0.0.1';
      if (local) return route.continue();
      blocked.push(url.href);
      return route.abort('blockedbyclient');
    });
  }, 60_000);

  afterEach(() => {
    // Any request off 127.0.0.1 fails the test that made it.
    expect(blocked.splice(0), 'requests that left 127.0.0.1').toEqual([]);
    expect(pageErrors.splice(0), 'uncaught errors in the page').toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (shots.length > 0)
      console.log(`screenshots:\n${shots.map((path) => `  ${path}`).join('\n')}`);
  });

  it('the index lists every API with a matrix cell per operation and documented status', async () => {
    const page = await open('/index.html');
    for (const [name, specPath] of apis) {
      const operations = await specOperations(specPath);
      const table = page.locator(`table.matrix[data-api="${name}"]`);
      await expect(table.count()).resolves.toBe(1);
      expect(await page.locator(`a[href="${name}/index.html"]`).count()).toBeGreaterThan(0);
      const rows = table.locator('tbody tr');
      expect(
        await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-operation'))),
      ).toEqual(operations.map((operation) => operation.operationId));
      for (const operation of operations) {
        const row = table.locator(`tr[data-operation="${operation.operationId}"]`);
        const documented = await row
          .locator('td.cell:not(.undocumented)')
          .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-status')));
        expect(documented.sort()).toEqual([...operation.statuses].sort());
        // Each cell says what it found; a covered one links to its fixture.
        for (const cell of await row.locator('td.cell:not(.undocumented)').all()) {
          const state = await cell.getAttribute('data-state');
          expect(['pass', 'missing', 'flagged']).toContain(state);
          expect(await cell.locator('[data-check]').count()).toBe(3);
          if (state !== 'missing')
            expect(await cell.locator('a.fixture').count()).toBeGreaterThan(0);
        }
      }
    }
    await shot(page, 'index', true);
    // A cell's link opens the fixture's page.
    const link = page.locator('td.cell a.fixture').first();
    const href = (await link.getAttribute('href')) ?? '';
    await link.click();
    await page.waitForURL(`**/${href.split('#')[0]}*`);
    await expect(page.locator(`section#${href.split('#')[1]}`).count()).resolves.toBe(1);
    await shot(page, 'fixture');
    await page.close();
  }, 60_000);

  it.each(apis)(
    "%s's reference page renders every operation of the spec and switches responses",
    async (name, specPath) => {
      const operations = await specOperations(specPath);
      expect(operations.length).toBeGreaterThan(0);
      const page = await open(`/${name}/index.html`);
      // The server-rendered page has the sidebar and the overview only: an
      // operation renders once Redoc's inlined script has hydrated it and
      // follows the hash (offline with the CDN script, it never does).
      await page.locator('[data-component-name="Menu/MenuItem"]').first().waitFor();
      for (const [i, operation] of operations.entries()) {
        const id = `${slug(operation.tag)}/${operation.operationId.toLowerCase()}`;
        await page.evaluate((hash) => {
          location.hash = hash;
        }, `#/${id}`);
        const section = page.locator(`[id="${id}"]`);
        await section.waitFor({ timeout: 15_000 });
        await expect(section.textContent()).resolves.toContain(operation.summary);
        await expect(section.textContent()).resolves.toContain(operation.path);
        // Every documented response has its tab, and each tab shows its own response.
        const tabs = section.getByRole('tab');
        const statuses = (await tabs.allTextContents()).filter((text) =>
          operation.statuses.includes(text),
        );
        expect([...new Set(statuses)].sort()).toEqual([...operation.statuses].sort());
        const shown = new Set<string>();
        for (const status of operation.statuses) {
          await section.getByRole('tab', { name: status, exact: true }).first().click();
          shown.add((await section.textContent()) ?? '');
        }
        if (operation.statuses.length > 1) expect(shown.size).toBeGreaterThan(1);
        if (i === 0) await shot(page, `${name}`);
      }
      await page.close();
    },
    120_000,
  );

  it('a schema expands on click (fortid-verifier, a succeeded session’s presentedClaims)', async () => {
    const id = 'verification-sessions/getverificationsessionstatus';
    const page = await open(`/fortid-verifier/index.html#/${id}`);
    const section = page.locator(`[id="${id}"]`);
    await section.waitFor();
    await section.getByRole('tab', { name: '200', exact: true }).first().click();
    await section.getByRole('tab', { name: 'VERIFICATION_SUCCEEDED', exact: true }).first().click();
    const nested = section.locator('[data-schema-nested-open]').first();
    const toggle = nested.locator(':scope > button');
    const property = section.getByText('additional property');
    if ((await nested.getAttribute('data-schema-nested-open')) === 'true') {
      await toggle.click();
      await expect(nested.getAttribute('data-schema-nested-open')).resolves.toBe('false');
    }
    await expect(property.count()).resolves.toBe(0);
    await toggle.click();
    await expect(nested.getAttribute('data-schema-nested-open')).resolves.toBe('true');
    await property.first().waitFor();
    await shot(page, 'fortid-verifier-schema-expanded');
    await page.close();
  }, 60_000);

  describe('the preview', () => {
    // Made in beforeAll, so a run that skips these tests leaves no copy behind.
    let scratch: Scratch | undefined;
    let spec = '';
    let pathItem = '';
    let child: ChildProcess | undefined;
    let url = '';

    beforeAll(async () => {
      scratch = scratchRepo('credstat-preview-browser-');
      spec = join(scratch.root, 'specs/fortid-verifier/openapi.yaml');
      pathItem = join(scratch.root, 'specs/fortid-verifier/paths/verification-session-status.yaml');
      child = spawn(process.execPath, [join(sourceRoot, 'tools/bin/preview.js'), '--port', '0'], {
        env: { ...process.env, CREDSTAT_ROOT: scratch.root },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`preview did not start:\n${output}`)),
          90_000,
        );
        const read = (chunk: Buffer) => {
          output += chunk;
          const found = /credstat docs at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (found?.[1]) {
            clearTimeout(timer);
            resolve(found[1]);
          }
        };
        child?.stdout?.on('data', read);
        child?.stderr?.on('data', read);
        child?.on('exit', (code) => reject(new Error(`preview exited (${code}):\n${output}`)));
      });
    }, 120_000);

    afterAll(async () => {
      if (child && child.exitCode === null) {
        const exited = new Promise((resolve) => child?.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      }
      scratch?.remove();
    }, 30_000);

    it('updates the page on a spec edit and shows a bad $ref in it until fixed', async () => {
      const id = 'verification-sessions/getverificationsessionstatus';
      const page = await open(`${url}/fortid-verifier/index.html#/${id}`);
      const section = page.locator(`[id="${id}"]`);
      await section.waitFor();
      await expect(section.textContent()).resolves.toContain(
        'Get the status of a verification session',
      );

      // An edit: the page reloads with it.
      writeFileSync(
        pathItem,
        readFileSync(pathItem, 'utf8').replace(
          'Get the status of a verification session',
          'Read a session (edited)',
        ),
      );
      await page.waitForFunction(
        () => document.body.textContent?.includes('Read a session (edited)'),
        null,
        { timeout: 60_000 },
      );
      await shot(page, 'preview-edited');

      // A broken $ref: the page lists the problem, with file and line.
      const good = readFileSync(spec, 'utf8');
      writeFileSync(
        spec,
        good.replace('paths/verification-session-status.yaml', 'paths/nope.yaml'),
      );
      const banner: Locator = page.locator('#credstat-problems');
      await banner.waitFor({ timeout: 60_000 });
      const text = await banner.textContent();
      expect(text).toContain('no-unresolved-refs');
      expect(text).toMatch(/specs\/fortid-verifier\/openapi\.yaml:\d+:\d+/);
      expect(text).toContain('paths/nope.yaml');
      await shot(page, 'preview-broken-ref');

      // Fixed: the banner goes.
      writeFileSync(spec, good);
      await banner.waitFor({ state: 'detached', timeout: 60_000 });
      await page.close();
    }, 180_000);
  });
});
