import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The preview runs against a scratch copy of the repo, so edits here are safe.
const root = mkdtempSync(join(tmpdir(), 'credstat-preview-'));
const source = join(import.meta.dirname, '../..');
cpSync(join(source, 'redocly.yaml'), join(root, 'redocly.yaml'));
cpSync(join(source, 'specs/fortid-verifier'), join(root, 'specs/fortid-verifier'), {
  recursive: true,
});
vi.stubEnv('CREDSTAT_ROOT', root);
const { startPreview } = await import('../docs/preview.ts');

describe('credstat-preview', () => {
  let preview: Awaited<ReturnType<typeof startPreview>>;
  beforeAll(async () => {
    preview = await startPreview(0);
  });
  afterAll(async () => {
    await preview.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('lists every API and serves its docs with the reload hook', async () => {
    const index = await (await fetch(preview.url)).text();
    expect(index).toContain('href="/fortid-verifier/"');
    const page = await (await fetch(`${preview.url}/fortid-verifier/`)).text();
    expect(page).toContain('getVerificationSessionStatus');
    expect(page).toContain("new EventSource('/__reload')");
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
