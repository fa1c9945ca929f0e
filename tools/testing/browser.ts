// Runs a package in a real browser: bundles an entry for the browser with
// rolldown, serves it on 127.0.0.1 next to an API answered from recorded
// fixtures, and drives Debian's Chromium with playwright-core.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import type { HarEntry } from '../har/har.ts';
import { bundleSource } from '../lib/bundle-source.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, making no connection of its own (the machine's network is closed). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Bundles `source` (an ES module that may import workspace packages) as one browser script. */
export function bundleForBrowser(source: string, resolveFrom: string): Promise<string> {
  return bundleSource(source, { resolveFrom, platform: 'browser', format: 'iife' });
}

export interface BrowserHarness {
  origin: string;
  browser: Browser;
  /** Loads the page with the bundle and evaluates `expression` in it. */
  run: <T>(expression: string) => Promise<{ result: T; consoleErrors: string[] }>;
  close: () => Promise<void>;
}

/**
 * Serves `/` (a page loading the bundle) and answers every other path from the
 * recorded entries, matched by method and path (the spec's origin replaced).
 */
export async function startBrowserHarness(
  bundle: string,
  entries: HarEntry[],
): Promise<BrowserHarness> {
  const server: Server = createServer((request, response) => {
    if (request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><title>credstat</title><script src="/bundle.js"></script>');
      return;
    }
    if (request.url === '/bundle.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(bundle);
      return;
    }
    const entry = entries.find(
      (candidate) =>
        candidate.request.method === request.method &&
        new URL(candidate.request.url).pathname === request.url,
    );
    if (!entry) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('no fixture');
      return;
    }
    const headers = Object.fromEntries(
      entry.response.headers.map(({ name, value }) => [name, value]),
    );
    response.writeHead(entry.response.status, headers);
    response.end(entry.response.content.text ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  return {
    origin,
    browser,
    run: async <T>(expression: string) => {
      const page = await browser.newPage();
      const consoleErrors: string[] = [];
      page.on('console', (message) => {
        // Chrome also logs every non-2xx response this way; those are expected here.
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
          consoleErrors.push(message.text());
        }
      });
      page.on('pageerror', (error) => consoleErrors.push(error.message));
      await page.goto(origin);
      const result = (await page.evaluate(expression)) as T;
      await page.close();
      return { result, consoleErrors };
    },
    close: async () => {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
