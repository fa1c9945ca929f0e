// Serves the docs site on 127.0.0.1 (`credstat-preview`, in preview-cli.ts):
// the same pages `pnpm build` writes to site/ (the index with every API's
// coverage matrix, each API's reference page, each fixture's page), rebuilt
// when a file under specs/<api>/ or redocly.yaml changes, and reloaded in the
// browser. Every change is linted (`redocly lint` with redocly.yaml) and the
// problems are laid over the page, each with its file and line, until fixed.
// Built on `redocly build-docs` (`redocly preview` needs a project framework).
import { type FSWatcher, mkdtempSync, readFileSync, rmSync, watch } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve, sep } from 'node:path';
import { readHar } from '../har/har.ts';
import { type ApiEntry, listApis, repoRoot } from '../lib/repo.ts';
import { buildDocsAsync } from './build.ts';
import { type ApiCoverage, computeCoverage } from './coverage.ts';
import { type LintProblem, lintApi } from './lint.ts';
import {
  appendToBody,
  escapeHtml,
  type PageProblems,
  renderFixturePage,
  renderIndex,
  renderProblemsBanner,
} from './render.ts';

const RELOAD_SCRIPT =
  "<script>new EventSource('/__reload').onmessage = () => location.reload();</script>";

export interface Preview {
  url: string;
  /** How many times each API's docs were built. */
  builds: Map<string, number>;
  /** Each API's lint problems, as last shown. */
  problems: Map<string, LintProblem[]>;
  close: () => Promise<void>;
}

interface ApiState {
  api: ApiEntry;
  /** The last page that built (build-docs may fail on a half-saved spec). */
  page?: string;
  buildError?: string;
  problems: LintProblem[];
  coverage?: ApiCoverage;
  /** A rebuild is running; `pending` says what to redo after it. */
  running?: Promise<void>;
  pending?: 'all' | 'coverage';
}

export async function startPreview(port = 4173): Promise<Preview> {
  const apis = listApis();
  const work = mkdtempSync(join(tmpdir(), 'credstat-preview-'));
  const states = new Map<string, ApiState>(
    apis.map((api) => [api.name, { api, problems: [] }] as const),
  );
  const builds = new Map<string, number>();
  const problems = new Map<string, LintProblem[]>();
  const clients = new Set<ServerResponse>();
  let closed = false;

  const refresh = async (state: ApiState, what: 'all' | 'coverage') => {
    const { api } = state;
    if (what === 'all') {
      const [lint, built] = await Promise.all([
        lintApi(api),
        buildDocsAsync(api, join(work, `${api.name}.html`)).then(
          ({ path }) => ({ page: readFileSync(path, 'utf8') }),
          (error: unknown) => ({ error: String((error as { stderr?: string }).stderr || error) }),
        ),
      ]);
      state.problems = lint;
      if ('page' in built) {
        state.page = built.page;
        state.buildError = undefined;
      } else {
        state.buildError = built.error.trim().split('\n').slice(-3).join(' ');
      }
      problems.set(api.name, lint);
      builds.set(api.name, (builds.get(api.name) ?? 0) + 1);
      const count = lint.length + (state.buildError ? 1 : 0);
      if (count > 0)
        console.warn(`! ${api.name}: ${count} problem(s) in the spec, shown in the page`);
    }
    state.coverage = await computeCoverage(api);
  };

  /** Runs one refresh of an API at a time; changes during a run are folded into one more. */
  const rebuild = (state: ApiState, what: 'all' | 'coverage'): Promise<void> => {
    if (state.running) {
      state.pending = state.pending === 'all' || what === 'all' ? 'all' : 'coverage';
      return state.running;
    }
    state.running = (async () => {
      let next: 'all' | 'coverage' | undefined = what;
      while (next && !closed) {
        state.pending = undefined;
        try {
          await refresh(state, next);
        } catch (error) {
          state.buildError = String(error);
        }
        next = state.pending;
      }
      state.running = undefined;
      if (!closed) for (const client of clients) client.write('data: reload\n\n');
    })();
    return state.running;
  };
  await Promise.all([...states.values()].map((state) => rebuild(state, 'all')));

  const timers = new Map<string, NodeJS.Timeout>();
  const schedule = (state: ApiState, what: 'all' | 'coverage') => {
    const key = `${state.api.name} ${what}`;
    clearTimeout(timers.get(key));
    // Editors save in bursts.
    timers.set(
      key,
      setTimeout(() => void rebuild(state, what), 100),
    );
  };
  const watchers: FSWatcher[] = [...states.values()].map((state) =>
    watch(state.api.specDir, { recursive: true }, (_event, file) => {
      // A fixture changes only the matrix; anything else is the spec.
      schedule(state, String(file).startsWith('fixtures') ? 'coverage' : 'all');
    }),
  );
  watchers.push(
    watch(repoRoot, (_event, file) => {
      if (String(file) === 'redocly.yaml')
        for (const state of states.values()) schedule(state, 'all');
    }),
  );

  const banner = (only?: ApiState) =>
    renderProblemsBanner(
      [...states.values()]
        .filter((state) => !only || state === only)
        .map(
          (state): PageProblems => ({
            api: state.api.name,
            problems: state.problems,
            buildError: state.buildError,
          }),
        ),
    );

  const coverages = () =>
    [...states.values()].flatMap((state) => (state.coverage ? [state.coverage] : []));

  const route = (path: string): { status: number; type: string; body: string } => {
    const html = (body: string) => ({ status: 200, type: 'text/html; charset=utf-8', body });
    if (path === '/' || path === '/index.html')
      return html(renderIndex(coverages(), { banner: banner(), tail: RELOAD_SCRIPT }));
    if (path === '/coverage.json')
      return { status: 200, type: 'application/json', body: JSON.stringify(coverages(), null, 2) };
    const [, name = '', rest = ''] = /^\/([^/]+)\/?(.*)$/.exec(path) ?? [];
    const state = states.get(name);
    if (!state) return { status: 404, type: 'text/plain', body: 'not found' };
    if (rest === '' || rest === 'index.html') {
      const page =
        state.page ??
        `<!doctype html><title>${escapeHtml(name)}</title><body><p>${escapeHtml(name)}: the page has not built yet.</p></body>`;
      return html(appendToBody(page, `${banner(state)}${RELOAD_SCRIPT}`));
    }
    const fixture = /^fixtures\/(.+?)(\.html)?$/.exec(rest);
    if (fixture?.[1] && state.coverage) {
      const file = decodeURIComponent(fixture[1]);
      const absolute = resolve(state.api.fixturesDir, file);
      const inside = absolute.startsWith(`${state.api.fixturesDir}${sep}`);
      const known = state.coverage.fixtures.includes(relative(state.api.fixturesDir, absolute));
      if (inside && known) {
        if (!fixture[2])
          return {
            status: 200,
            type: 'application/json',
            body: readFileSync(absolute, 'utf8'),
          };
        return html(
          renderFixturePage(state.coverage, file, readHar(absolute), {
            banner: banner(state),
            tail: RELOAD_SCRIPT,
          }),
        );
      }
    }
    return { status: 404, type: 'text/plain', body: `not found: ${basename(path)}` };
  };

  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/__reload') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      response.write(': connected\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    let answer: ReturnType<typeof route>;
    try {
      answer = route(path);
    } catch (error) {
      answer = { status: 500, type: 'text/plain', body: String(error) };
    }
    response.writeHead(answer.status, { 'content-type': answer.type, 'cache-control': 'no-cache' });
    response.end(answer.body);
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const { port: bound } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${bound}`,
    builds,
    problems,
    close: async () => {
      closed = true;
      for (const watcher of watchers) watcher.close();
      for (const timer of timers.values()) clearTimeout(timer);
      for (const client of clients) client.end();
      server.closeAllConnections?.();
      await new Promise<void>((done) => server.close(() => done()));
      await Promise.all([...states.values()].map((state) => state.running));
      rmSync(work, { recursive: true, force: true });
    },
  };
}
