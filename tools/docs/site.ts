// The static docs site, in one folder (`credstat-site`, the root `//#site`
// turbo task that `pnpm build` runs):
//
//   site/index.html                      every API and its coverage matrix
//   site/coverage.json                   the same matrix, as data
//   site/<api>/index.html                the API's reference page (Redoc, inlined)
//   site/<api>/fixtures/<file>.har       each fixture as committed
//   site/<api>/fixtures/<file>.har.html  a page showing it and what the checks found
//
// Reference pages are each package's `docs` task output (packages/<api>/site/
// index.html, cached per API by turbo); one that is missing or stale is built here.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readHar } from '../har/har.ts';
import { type ApiEntry, listApis, repoRoot } from '../lib/repo.ts';
import { buildDocs, docsPagePath, makeOffline } from './build.ts';
import { type ApiCoverage, computeCoverage } from './coverage.ts';
import { apiPageHref, fixturePageHref, renderFixturePage, renderIndex } from './render.ts';

export const defaultSiteDir = join(repoRoot, 'site');

export interface SiteResult {
  dir: string;
  coverages: ApiCoverage[];
  files: string[];
}

function write(dir: string, path: string, content: string, files: string[]): void {
  const target = join(dir, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
  files.push(path);
}

/** Writes the API's fixtures (copied, and a page each) under <api>/fixtures/. */
export function writeFixtures(
  dir: string,
  api: ApiEntry,
  coverage: ApiCoverage,
  files: string[],
): void {
  for (const file of coverage.fixtures) {
    const source = join(api.fixturesDir, file);
    const raw = `${api.name}/fixtures/${file}`;
    mkdirSync(dirname(join(dir, raw)), { recursive: true });
    cpSync(source, join(dir, raw));
    files.push(raw);
    const pageHref = decodeURIComponent(fixturePageHref(api.name, file));
    write(dir, pageHref, renderFixturePage(coverage, file, readHar(source)), files);
  }
}

/**
 * The API's reference page: its `docs` task's output, checked again for
 * anything it would fetch; built here instead when that is missing or is an
 * older build that still loads Redoc from the CDN.
 */
function referencePage(api: ApiEntry, dir: string): string {
  const built = docsPagePath(api);
  if (existsSync(built)) {
    try {
      return makeOffline(readFileSync(built, 'utf8'), built);
    } catch (error) {
      console.warn(`! ${String(error)}: rebuilding it`);
    }
  }
  const target = join(dir, apiPageHref(api.name));
  mkdirSync(dirname(target), { recursive: true });
  return readFileSync(buildDocs(api.name, target), 'utf8');
}

export interface SiteOptions {
  /** Only these APIs (tests); every API in redocly.yaml by default. */
  apis?: string[];
}

export async function buildSite(
  dir = defaultSiteDir,
  options: SiteOptions = {},
): Promise<SiteResult> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const coverages: ApiCoverage[] = [];
  const apis = listApis().filter((api) => !options.apis || options.apis.includes(api.name));
  for (const api of apis) {
    const coverage = await computeCoverage(api);
    coverages.push(coverage);
    write(dir, apiPageHref(api.name), referencePage(api, dir), files);
    writeFixtures(dir, api, coverage, files);
  }
  write(dir, 'index.html', renderIndex(coverages), files);
  write(dir, 'coverage.json', `${JSON.stringify(coverages, null, 2)}\n`, files);
  return { dir, coverages, files };
}
