// An API's reference page, by `redocly build-docs`, that works offline: Redoc's
// script is inlined (`--inlineBundle`, from @redocly/cli in node_modules) and
// the one thing that bundle still fetches, the Redocly logo of its sidebar
// attribution, is swapped for an inline SVG. `credstat-docs <api>` (docs-cli.ts,
// each package's `docs` task) writes it to packages/<api>/site/index.html;
// credstat-site copies it into the site and the preview serves it.
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { redoclyBin } from '../lib/redocly.ts';
import { type ApiEntry, findApi, redoclyConfigPath } from '../lib/repo.ts';

const REDOCLY_ENV = {
  ...process.env,
  // Also what makes build-docs write `disableTelemetry: true` into the page
  // (Redoc would otherwise post traces to otel.cloud.redocly.com).
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
};

function buildDocsArgs(api: ApiEntry, output: string): string[] {
  return [
    redoclyBin(),
    'build-docs',
    api.name,
    '--config',
    redoclyConfigPath,
    '--output',
    output,
    // Without it the page loads redoc.standalone.js from cdn.redocly.com and
    // never gets past "Loading…" offline.
    '--inlineBundle',
  ];
}

/** Where `credstat-docs` (each package's `docs` task) writes an API's page. */
export function docsPagePath(api: ApiEntry): string {
  return join(api.packageDir, 'site', 'index.html');
}

/** Builds one API's page to `output` (default: packages/<api>/site/index.html). */
export function buildDocs(name: string, output?: string): string {
  const api = findApi(name);
  const target = output ?? docsPagePath(api);
  execFileSync(process.execPath, buildDocsArgs(api, target), {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: REDOCLY_ENV,
  });
  finishPage(target);
  return target;
}

export interface AsyncBuild {
  path: string;
  /** What build-docs printed on stderr (e.g. `Skipping path …` for a broken $ref). */
  stderr: string;
}

/** As buildDocs, without blocking the event loop (the preview keeps serving meanwhile). */
export async function buildDocsAsync(api: ApiEntry, output: string): Promise<AsyncBuild> {
  const { stderr } = await promisify(execFile)(process.execPath, buildDocsArgs(api, output), {
    env: REDOCLY_ENV,
    maxBuffer: 64 * 1024 * 1024,
  });
  finishPage(output);
  return { path: output, stderr };
}

function finishPage(path: string): void {
  writeFileSync(path, makeOffline(readFileSync(path, 'utf8'), path));
}

// Redoc 3's sidebar footer, "API docs by <img>", renders the Redocly logo from
// cdn.redoc.ly once the page hydrates (no option turns it off): the image is
// replaced by the same words drawn in an inline SVG, so nothing is fetched.
const LOGO_URL = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;
const LOGO_SVG = `data:image/svg+xml,${encodeURIComponent(
  "<svg xmlns='http://www.w3.org/2000/svg' width='56' height='16' viewBox='0 0 56 16'>" +
    "<text x='0' y='12' font-family='system-ui,sans-serif' font-size='12' font-weight='600' fill='#0044d4'>Redocly</text></svg>",
)}`;

/** The built page with no request leaving the page's own origin; throws if one is left. */
export function makeOffline(html: string, label = 'page'): string {
  const page = html.replace(LOGO_URL, LOGO_SVG);
  const external = externalResources(page);
  if (external.length > 0)
    throw new Error(`${label} would still fetch from the network: ${external.join(', ')}`);
  if (!/"disableTelemetry":true/.test(page))
    throw new Error(`${label}: Redoc telemetry is not disabled (REDOCLY_TELEMETRY=off)`);
  return page;
}

// Everything in a page that makes the browser fetch a URL: script and link
// tags, media src, CSS url() and @import, ES module imports, and `src:` props
// in the inlined bundle (how the Redocly logo was drawn). Links (<a href>) and
// text that merely mentions a URL are not fetched and do not count.
const FETCHES = [
  /<script\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)/gi,
  /<link\b[^>]*?\bhref\s*=\s*["']?([^"'\s>]+)/gi,
  /<(?:img|iframe|source|video|audio|embed|track|input)\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)/gi,
  /<[a-z]+\b[^>]*?\bsrcset\s*=\s*["']?([^"'\s>]+)/gi,
  /url\(\s*["']?([^"')\s]+)/gi,
  /@import\s+(?:url\(\s*)?["']?([^"')\s;]+)/gi,
  /\bimport\s*\(?\s*["'`]((?:https?:)?\/\/[^"'`]+)/g,
  /\bfrom\s*["'`]((?:https?:)?\/\/[^"'`]+)/g,
];
// A `src:` prop in the inlined bundle's compiled JSX, up to the end of its
// expression (the logo was `src:e?"https://…full.svg":"https://…mini.svg"`).
const SRC_PROP = /\bsrc\s*:([^,;{}()]{0,200})/g;
const QUOTED_URL = /["'`]((?:https?:)?\/\/[^"'`]+)/g;

/** The URLs `html` would fetch from a host other than 127.0.0.1 (relative and data: URLs are local). */
export function externalResources(html: string): string[] {
  const found = new Set<string>();
  for (const pattern of FETCHES) {
    for (const match of html.matchAll(pattern)) {
      const url = match[1] ?? '';
      if (isExternal(url)) found.add(url);
    }
  }
  for (const [, expression = ''] of html.matchAll(SRC_PROP)) {
    for (const [, url = ''] of expression.matchAll(QUOTED_URL)) if (isExternal(url)) found.add(url);
  }
  return [...found];
}

function isExternal(url: string): boolean {
  const absolute = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url);
  if (!absolute) return false; // relative, data:, blob:, #fragment, ${…} in a template
  try {
    const { protocol, hostname } = new URL(url, 'http://127.0.0.1/');
    if (protocol !== 'http:' && protocol !== 'https:' && protocol !== 'ws:' && protocol !== 'wss:')
      return false;
    return hostname !== '127.0.0.1';
  } catch {
    return true;
  }
}
