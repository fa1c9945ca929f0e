import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDocs, externalResources, makeOffline } from '../docs/build.ts';

const out = mkdtempSync(join(tmpdir(), 'credstat-offline-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('a reference page', () => {
  it('inlines Redoc and fetches nothing: no CDN script, no CDN logo, no telemetry', () => {
    const html = readFileSync(buildDocs('fortid-verifier', join(out, 'page.html')), 'utf8');
    expect(externalResources(html)).toEqual([]);
    expect(html).not.toContain('cdn.redocly.com/redoc/');
    expect(html).not.toContain('cdn.redoc.ly');
    expect(html).toContain('"disableTelemetry":true');
    expect(html).toContain('hydrate(__redoc_definition');
    expect(html).toContain('getVerificationSessionStatus');
  }, 60_000);

  it('finds every kind of reference the browser would fetch', () => {
    const page = [
      '<script type="module" src="https://cdn.example/redoc.js"></script>',
      '<link rel="modulepreload" href="//cdn.example/preload.js">',
      '<img alt="" src="https://img.example/logo.svg">',
      '<style>@import "https://css.example/a.css"; .x { background: url(https://bg.example/x.png) }</style>',
      '<script>import { hydrate } from "https://esm.example/redoc.js";</script>',
      // How Redoc 3's bundle draws the Redocly logo.
      '(0,V.jsx)(`img`,{alt:`redocly logo`,src:e?`https://logo.example/full.svg`:`https://logo.example/mini.svg`})',
    ].join('\n');
    expect(externalResources(page).sort()).toEqual([
      '//cdn.example/preload.js',
      'https://bg.example/x.png',
      'https://cdn.example/redoc.js',
      'https://css.example/a.css',
      'https://esm.example/redoc.js',
      'https://img.example/logo.svg',
      'https://logo.example/full.svg',
      'https://logo.example/mini.svg',
    ]);
    // Links, local and inline resources are not fetched from anywhere else.
    const local = [
      '<a href="https://github.com/credstat/credstat">repo</a>',
      '<script src="/app.js"></script><link href="style.css" rel="stylesheet">',
      '<img src="data:image/svg+xml,%3Csvg%3E">',
      '<img src="http://127.0.0.1:4173/x.png">',
      '<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(#g)"/></svg>',
    ].join('\n');
    expect(externalResources(local)).toEqual([]);
    expect(() => makeOffline(page)).toThrow(/would still fetch/);
  });
});
