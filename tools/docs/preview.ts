// Serves every API's reference docs on 127.0.0.1 (`credstat-preview`, in
// preview-cli.ts) and reloads the page when a spec file changes. Built on
// `redocly build-docs` (`redocly preview` needs a project framework we cannot use).
import { type FSWatcher, readFileSync, watch } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApiEntry, listApis } from '../lib/repo.ts';
import { buildDocs } from './build.ts';

const RELOAD_SCRIPT =
  "<script>new EventSource('/__reload').onmessage = () => location.reload();</script>";

export interface Preview {
  url: string;
  /** How many times each API's docs were built. */
  builds: Map<string, number>;
  close: () => Promise<void>;
}

export async function startPreview(port = 4173): Promise<Preview> {
  const apis = listApis();
  const pages = new Map<string, string>();
  const builds = new Map<string, number>();
  const clients = new Set<ServerResponse>();

  const rebuild = (api: ApiEntry) => {
    try {
      pages.set(
        api.name,
        readFileSync(buildDocs(api.name), 'utf8').replace('</body>', `${RELOAD_SCRIPT}</body>`),
      );
    } catch (error) {
      // A half-saved spec must not stop the server: show the error instead.
      pages.set(api.name, `<pre>${String(error).replace(/</g, '&lt;')}</pre>${RELOAD_SCRIPT}`);
    }
    builds.set(api.name, (builds.get(api.name) ?? 0) + 1);
    for (const client of clients) client.write('data: reload\n\n');
  };
  for (const api of apis) rebuild(api);

  const timers = new Map<string, NodeJS.Timeout>();
  const watchers: FSWatcher[] = apis.map((api) =>
    watch(api.specDir, { recursive: true }, (_event, file) => {
      if (String(file).startsWith('fixtures')) return;
      clearTimeout(timers.get(api.name));
      timers.set(
        api.name,
        setTimeout(() => rebuild(api), 100),
      ); // editors save in bursts
    }),
  );

  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    if (path === '/__reload') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      response.write(': connected\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    const name = path.replace(/^\/|\/$/g, '');
    const page = name === '' ? indexPage(apis) : pages.get(name);
    response.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${bound}`,
    builds,
    close: async () => {
      for (const watcher of watchers) watcher.close();
      for (const timer of timers.values()) clearTimeout(timer);
      for (const client of clients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function indexPage(apis: ApiEntry[]): string {
  const items = apis.map(
    (api) => `<li><a href="/${api.name}/">${api.packageName}</a> — ${api.specPath}</li>`,
  );
  return `<!doctype html><title>credstat docs</title><h1>credstat API docs</h1><ul>${items.join('')}</ul>${RELOAD_SCRIPT}`;
}
