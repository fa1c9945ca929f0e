import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { scratchRepo } from './site-scratch.ts';

// The preview runs against a scratch copy of the repo, so edits here are safe:
// redocly.yaml, the spec folder of every API it lists, the generated validators.
const scratch = scratchRepo('credstat-preview-');
const { root } = scratch;
vi.stubEnv('CREDSTAT_ROOT', root);
const { listApis } = await import('../lib/repo.ts');
const { startPreview } = await import('../docs/preview.ts');
const { externalResources } = await import('../docs/build.ts');
const apis = listApis();

const SPEC = join(root, 'specs/fortid-verifier/openapi.yaml');
const PATH_ITEM = join(root, 'specs/fortid-verifier/paths/verification-session-status.yaml');

describe('credstat-preview', () => {
  let preview: Awaited<ReturnType<typeof startPreview>>;
  beforeAll(async () => {
    preview = await startPreview(0);
  }, 60_000);
  afterAll(async () => {
    try {
      await preview?.close();
    } finally {
      scratch.remove();
    }
  });

  /** Waits for the next reload the preview sends, after `change`. */
  async function afterReload(change: () => void): Promise<void> {
    const controller = new AbortController();
    const events = await fetch(`${preview.url}/__reload`, { signal: controller.signal });
    const reader = (events.body as ReadableStream<Uint8Array>).getReader();
    await reader.read(); // ": connected"
    change();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('data: reload');
    controller.abort();
  }

  const get = async (path: string) => (await fetch(`${preview.url}${path}`)).text();

  it('serves the site: every API with its matrix, pages with the reload hook and nothing fetched', async () => {
    const index = await get('/');
    expect(apis.length).toBeGreaterThan(0);
    for (const api of apis) {
      expect(index).toContain(`href="${api.name}/index.html"`);
      expect(index).toContain(`<table class="matrix" data-api="${api.name}">`);
      const page = await get(`/${api.name}/`);
      expect(page).toContain("new EventSource('/__reload')");
      expect(externalResources(page)).toEqual([]);
      expect(await get(`/${api.name}/index.html`)).toBe(page);
    }
    expect(await get('/fortid-verifier/')).toContain('getVerificationSessionStatus');
    expect(index).not.toContain('credstat-problems');
    expect(preview.problems.get('fortid-verifier')).toEqual([]);
    // A cell's link leads to its fixture's page, and that page to the file.
    const link =
      /href="(fortid-verifier\/fixtures\/404-session-not-found\.har\.html)#entry-0"/.exec(
        index,
      )?.[1];
    expect(link).toBeDefined();
    expect(await get(`/${link}`)).toContain('redocly drift: no findings');
    const raw = await fetch(`${preview.url}/fortid-verifier/fixtures/404-session-not-found.har`);
    expect(raw.status).toBe(200);
    expect((await fetch(`${preview.url}/nope/`)).status).toBe(404);
    expect(
      (await fetch(`${preview.url}/fortid-verifier/fixtures/..%2F..%2Fopenapi.yaml`)).status,
    ).toBe(404);
  });

  it('rebuilds and tells the page to reload when a spec changes', async () => {
    await afterReload(() =>
      writeFileSync(
        PATH_ITEM,
        readFileSync(PATH_ITEM, 'utf8').replace(
          'Get the status of a verification session',
          'Read a session',
        ),
      ),
    );
    expect(preview.builds.get('fortid-verifier')).toBeGreaterThanOrEqual(2);
    expect(await get('/fortid-verifier/')).toContain('Read a session');
  }, 30_000);

  it('shows a broken $ref in the page, with file and line, until it is fixed', async () => {
    const good = readFileSync(SPEC, 'utf8');
    await afterReload(() =>
      writeFileSync(
        SPEC,
        good.replace('paths/verification-session-status.yaml', 'paths/nope.yaml'),
      ),
    );
    const page = await get('/fortid-verifier/');
    const banner = page.slice(page.indexOf('<div id="credstat-problems"'));
    expect(banner).toContain('data-rule="no-unresolved-refs"');
    expect(banner).toMatch(/specs\/fortid-verifier\/openapi\.yaml:\d+:\d+/);
    expect(banner).toContain('paths/nope.yaml');
    // The index says so too; the other APIs' pages do not.
    expect(await get('/')).toContain('no-unresolved-refs');
    expect(await get('/fortid-issuer/')).not.toContain('credstat-problems');

    await afterReload(() => writeFileSync(SPEC, good));
    expect(await get('/fortid-verifier/')).not.toContain('credstat-problems');
    expect(preview.problems.get('fortid-verifier')).toEqual([]);
  }, 60_000);

  it('shows bad YAML in the page and keeps the last page that built', async () => {
    const good = readFileSync(PATH_ITEM, 'utf8');
    await afterReload(() => writeFileSync(PATH_ITEM, `${good}  bad: [unclosed\n`));
    const page = await get('/fortid-verifier/');
    expect(page).toContain('credstat-problems');
    expect(page).toMatch(/paths\/verification-session-status\.yaml:\d+/);
    await afterReload(() => writeFileSync(PATH_ITEM, good));
    expect(await get('/fortid-verifier/')).not.toContain('credstat-problems');
  }, 60_000);

  it('recomputes the matrix when a fixture changes', async () => {
    const fixture = join(root, 'specs/fortid-verifier/fixtures/404-session-not-found.har');
    const away = join(root, '404-session-not-found.har');
    await afterReload(() => renameSync(fixture, away));
    expect(await get('/')).toMatch(/data-status="404" data-state="missing"/);
    await afterReload(() => renameSync(away, fixture));
    expect(await get('/')).not.toMatch(/data-state="missing"/);
  }, 60_000);
});
