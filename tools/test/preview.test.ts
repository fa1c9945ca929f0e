import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The preview runs against a scratch copy of the repo, so edits here are safe:
// redocly.yaml and the spec folder of every API it lists.
const root = mkdtempSync(join(tmpdir(), 'credstat-preview-'));
const source = join(import.meta.dirname, '../..');
vi.stubEnv('CREDSTAT_ROOT', root);
const { listApis } = await import('../lib/repo.ts');
const { startPreview } = await import('../docs/preview.ts');
const apis = listApis(join(source, 'redocly.yaml'));
cpSync(join(source, 'redocly.yaml'), join(root, 'redocly.yaml'));
for (const api of apis) {
  cpSync(join(source, dirname(api.specPath)), join(root, dirname(api.specPath)), {
    recursive: true,
  });
}

describe('credstat-preview', () => {
  let preview: Awaited<ReturnType<typeof startPreview>>;
  beforeAll(async () => {
    preview = await startPreview(0);
  });
  afterAll(async () => {
    try {
      await preview?.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('lists every API in redocly.yaml and serves its docs with the reload hook', async () => {
    const index = await (await fetch(preview.url)).text();
    expect(apis.length).toBeGreaterThan(0);
    for (const api of apis) {
      expect(index).toContain(`href="/${api.name}/"`);
      const page = await (await fetch(`${preview.url}/${api.name}/`)).text();
      expect(page).toContain("new EventSource('/__reload')");
    }
    const page = await (await fetch(`${preview.url}/fortid-verifier/`)).text();
    expect(page).toContain('getVerificationSessionStatus');
    expect((await fetch(`${preview.url}/nope/`)).status).toBe(404);
  });

  it('rebuilds and tells the page to reload when a spec changes', async () => {
    const controller = new AbortController();
    const events = await fetch(`${preview.url}/__reload`, { signal: controller.signal });
    const reader = (events.body as ReadableStream<Uint8Array>).getReader();
    await reader.read(); // ": connected"

    const file = join(root, 'specs/fortid-verifier/paths/verification-session-status.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'Get the status of a verification session',
        'Read a session',
      ),
    );

    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('data: reload');
    expect(preview.builds.get('fortid-verifier')).toBeGreaterThanOrEqual(2);
    expect(await (await fetch(`${preview.url}/fortid-verifier/`)).text()).toContain(
      'Read a session',
    );
    controller.abort();
  }, 30_000);
});
