// The browser leg: each API's consumer code bundled for the browser with
// esbuild (as a web app would bundle it), served from 127.0.0.1 and run in
// Debian's Chromium (never a downloaded one) against the API's mock server on
// another 127.0.0.1 port, so every call is a real cross-origin fetch.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build, formatMessages } from 'esbuild';
import type { Browser } from 'playwright-core';
import { failure, type Outcome } from './matrix.ts';

/** The browser entry of a consumer project, bundled: one ES module, or what esbuild refused. */
export async function bundleForBrowser(
  projectDir: string,
  entry: string,
): Promise<{ code: string } | { outcome: Outcome }> {
  const step = `esbuild ${entry} --bundle --platform=browser --format=esm`;
  try {
    const result = await build({
      entryPoints: [join(projectDir, entry)],
      absWorkingDir: projectDir,
      bundle: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    return { code: result.outputFiles[0]?.text ?? '' };
  } catch (error) {
    const errors = (error as { errors?: Parameters<typeof formatMessages>[0] }).errors;
    const output = errors
      ? (await formatMessages(errors, { kind: 'error', color: false })).join('\n')
      : String(error);
    return { outcome: failure(step, 'the bundle failed', { output }) };
  }
}

/** Serves each bundle at `/<name>/` on 127.0.0.1. */
export async function servePages(bundles: ReadonlyMap<string, string>): Promise<{
  origin: string;
  close(): Promise<void>;
}> {
  const server: Server = createServer((request, response) => {
    const [, name, file] = (request.url ?? '').match(/^\/([\w-]+)\/([\w.-]*)(?:\?.*)?$/) ?? [];
    const bundle = name === undefined ? undefined : bundles.get(name);
    if (bundle !== undefined && file === '') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        // No favicon request: a 404 there would be a console error.
        '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">' +
          '<title>credstat consumer</title>' +
          '<script type="module" src="bundle.js"></script>',
      );
    } else if (bundle !== undefined && file === 'bundle.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      response.end(bundle);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface PageResult {
  lines: string[];
  /** What the consumer code threw, if it did. */
  error?: string;
  /** Console errors and uncaught exceptions, less the network log lines for statuses the mock was asked for. */
  consoleErrors: string[];
}

/**
 * Opens `url` and waits for the consumer code to finish (the browser entry
 * sets `window.credstatConsumer.done`). Chrome logs every non-2xx response
 * as a console error; those from the mock's origin are the error scenarios
 * the consumer asked for and are left out: anything else counts.
 */
export async function runPage(
  browser: Browser,
  url: string,
  mockOrigin: string,
): Promise<PageResult> {
  const page = await browser.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const from = message.location().url;
    if (
      from.startsWith(`${mockOrigin}/`) &&
      /^Failed to load resource: the server responded with a status of \d+/.test(message.text())
    )
      return;
    consoleErrors.push(`${message.text()}${from ? ` (${from})` : ''}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  try {
    await page.goto(url);
    await page.waitForFunction(
      () => (window as { credstatConsumer?: { done?: boolean } }).credstatConsumer?.done === true,
      null,
      { timeout: 60_000 },
    );
    const state = await page.evaluate(
      () => (window as { credstatConsumer?: { lines: string[]; error?: string } }).credstatConsumer,
    );
    return {
      lines: state?.lines ?? [],
      ...(state?.error === undefined ? {} : { error: state.error }),
      consoleErrors,
    };
  } catch (error) {
    return { lines: [], error: String(error), consoleErrors };
  } finally {
    await page.close();
  }
}
