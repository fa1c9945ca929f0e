// The usage example every package's README opens with (examples/usage.ts, as
// the scaffold writes it): it runs against the spec's own example response,
// and must call the right URL with the package's credential and print the body.
import type { ApiDescriptor } from '@credstat/core';
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { bundleSpec } from '../generator/bundle-spec.ts';
import { credentialFor } from '../lib/credential.ts';
import { findApi } from '../lib/repo.ts';
import { exampleCall, type SpecExample } from '../scaffold/example.ts';

export interface UsageExampleOptions {
  api: ApiDescriptor;
  /** Imports the example, e.g. `() => import('../examples/usage.ts')`. */
  load: () => Promise<unknown>;
}

export function describeUsageExample({ api, load }: UsageExampleOptions): void {
  let example: SpecExample;
  beforeAll(async () => {
    example = exampleCall((await bundleSpec(findApi(api.name))).document);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('usage example calls its operation with the credential and prints the body', async () => {
    const fetch = vi.fn(
      async (_url: string, _init?: RequestInit) =>
        new Response(JSON.stringify(example.body), {
          status: example.status,
          headers: { 'content-type': example.mediaType },
        }),
    );
    vi.stubGlobal('fetch', fetch);
    const credential = credentialFor(api.name, api.auth);
    if (credential) vi.stubEnv(credential.env, 'example-credential');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});

    await load();

    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] ?? [];
    const sent = new URL(String(url));
    expect(sent.origin + sent.pathname).toBe(example.url);
    expect(Object.fromEntries(sent.searchParams)).toEqual(example.query);
    const headers = new Headers(init?.headers);
    if (credential) expect(headers.get(credential.header)).toBe(credential.sent);
    else expect(headers.has('authorization')).toBe(false);
    expect(log.mock.calls).toEqual([[example.body]]);
  });
}
