// The client around both formats: which URIs it fetches, how it caches
// verified lists, and where the keys come from.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createStatusListClient, type StatusListClient } from '../src/status-list-client.js';
import { StatusListError } from '../src/status-list-error.js';
import {
  makeBitstringCredential,
  makeSigningKey,
  makeTokenStatusList,
  type StatusListFetch,
  statusListFetch,
  type TestSigningKey,
} from './support/status-lists.js';

const T0 = Date.UTC(2025, 9, 1, 12);
const T_URI = 'https://status.example.test/t/LIST1';
const B_URI = 'https://status.example.test/b/LIST1';

let signer: TestSigningKey;
beforeAll(async () => {
  signer = await makeSigningKey();
});

let clock: number;
beforeEach(() => {
  clock = T0;
});
const now = () => clock;

/** One list format, as the caching tests drive it. */
interface Format {
  name: string;
  uri: string;
  /** A list issued at `clock`, cached for `ttlMs`, valid until `untilMs`; `revoked`: index 0 is. */
  make(init: { ttlMs?: number; untilMs?: number; revoked?: boolean }): Promise<string>;
  check(
    client: StatusListClient,
    options?: { fresh?: boolean; signal?: AbortSignal },
  ): Promise<boolean>;
}

const formats: Format[] = [
  {
    name: 'Token Status List (/t/, ttl in seconds)',
    uri: T_URI,
    make: ({ ttlMs, untilMs, revoked }) =>
      makeTokenStatusList({
        key: signer.key,
        kid: signer.kid,
        sub: T_URI,
        bits: 2,
        values: [revoked ? 1 : 0, 0, 0, 0],
        now: clock,
        ttl: ttlMs === undefined ? undefined : ttlMs / 1000,
        exp: untilMs === undefined ? undefined : untilMs / 1000,
      }),
    check: async (client, options) =>
      (await client.checkTokenStatus({ idx: 0, uri: T_URI }, options)).status === 'INVALID',
  },
  {
    name: 'Bitstring Status List (/b/, ttl in milliseconds)',
    uri: B_URI,
    make: ({ ttlMs, untilMs, revoked }) =>
      makeBitstringCredential({
        key: signer.key,
        kid: signer.kid,
        id: B_URI,
        set: revoked ? [0] : [],
        now: clock,
        ttl: ttlMs,
        validUntil: untilMs,
      }),
    check: async (client, options) =>
      (
        await client.checkBitstringStatus(
          { statusListIndex: '0', statusListCredential: B_URI, statusPurpose: 'revocation' },
          options,
        )
      ).set,
  },
];

function clientFor(fetch: StatusListFetch): StatusListClient {
  return createStatusListClient({ jwks: signer.jwks, fetch, now, retry: false });
}

describe.each(formats)('caching: $name', (format) => {
  const HOUR = 3_600_000;
  let fetch: StatusListFetch;
  let client: StatusListClient;
  const serve = async (init: Parameters<Format['make']>[0]) =>
    fetch.route(format.uri, await format.make(init));
  const fetches = () => fetch.count(format.uri);

  beforeEach(() => {
    fetch = statusListFetch();
    client = clientFor(fetch);
  });

  it('1000 concurrent checks fetch the list once', async () => {
    await serve({ ttlMs: HOUR });
    const results = await Promise.all(Array.from({ length: 1000 }, () => format.check(client)));
    expect(results.every((revoked) => revoked === false)).toBe(true);
    expect(fetches()).toBe(1);
  });

  it('1000 sequential checks fetch the list once', async () => {
    await serve({ ttlMs: HOUR });
    for (let i = 0; i < 1000; i++) await format.check(client);
    expect(fetches()).toBe(1);
  });

  it('concurrent checks share one fetch even when the list has no ttl', async () => {
    await serve({});
    await Promise.all(Array.from({ length: 50 }, () => format.check(client)));
    expect(fetches()).toBe(1);
  });

  it('refetches once ttl has passed', async () => {
    await serve({ ttlMs: HOUR });
    await format.check(client);
    clock += HOUR - 1;
    await format.check(client);
    expect(fetches()).toBe(1);
    await serve({ ttlMs: HOUR, revoked: true });
    clock += 1;
    await expect(format.check(client)).resolves.toBe(true);
    expect(fetches()).toBe(2);
  });

  it('never caches past expiry, even with a longer ttl', async () => {
    await serve({ ttlMs: 30 * 24 * HOUR, untilMs: T0 + HOUR });
    await format.check(client);
    clock = T0 + HOUR - 1;
    await format.check(client);
    expect(fetches()).toBe(1);
    clock = T0 + HOUR;
    // The service still serves the expired copy: refetched, and refused.
    const error = await format.check(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StatusListError);
    expect((error as StatusListError).reason).toBe('expired');
    expect(fetches()).toBe(2);
    await serve({ ttlMs: 30 * 24 * HOUR, untilMs: T0 + 2 * HOUR });
    await format.check(client);
    expect(fetches()).toBe(3);
  });

  it('without ttl, fetches on every check', async () => {
    await serve({});
    for (let i = 0; i < 3; i++) await format.check(client);
    expect(fetches()).toBe(3);
  });

  it('clearCache() forgets the list', async () => {
    await serve({ ttlMs: HOUR });
    await format.check(client);
    await serve({ ttlMs: HOUR, revoked: true });
    await expect(format.check(client)).resolves.toBe(false);
    client.clearCache();
    await expect(format.check(client)).resolves.toBe(true);
    expect(fetches()).toBe(2);
  });

  it('{ fresh: true } fetches again and caches that copy', async () => {
    await serve({ ttlMs: HOUR });
    await format.check(client);
    await serve({ ttlMs: HOUR, revoked: true });
    await expect(format.check(client, { fresh: true })).resolves.toBe(true);
    await expect(format.check(client)).resolves.toBe(true);
    expect(fetches()).toBe(2);
  });

  it('does not cache a failed fetch', async () => {
    fetch.route(format.uri, () =>
      Response.json({ error: 'INTERNAL_SERVER_ERROR' }, { status: 500 }),
    );
    await expect(format.check(client)).rejects.toThrow();
    await serve({ ttlMs: HOUR });
    await expect(format.check(client)).resolves.toBe(false);
    expect(fetches()).toBe(2);
  });

  it('does not cache a list that fails verification', async () => {
    const good = await format.make({ ttlMs: HOUR });
    const [header, payload] = good.split('.');
    fetch.route(format.uri, `${header}.${payload}.${'A'.repeat(86)}`);
    await expect(format.check(client)).rejects.toThrow(StatusListError);
    fetch.route(format.uri, good);
    await expect(format.check(client)).resolves.toBe(false);
    expect(fetches()).toBe(2);
  });

  it("a check's abort ends its own wait, not the fetch it shares", async () => {
    let release: () => void = () => {};
    const jwt = await format.make({ ttlMs: HOUR });
    fetch.route(format.uri, async () => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return new Response(jwt, { headers: { 'content-type': 'application/jwt' } });
    });
    const controller = new AbortController();
    const aborted = format.check(client, { signal: controller.signal });
    const patient = format.check(client);
    await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort(new Error('caller gave up'));
    await expect(aborted).rejects.toThrow('caller gave up');
    release();
    await expect(patient).resolves.toBe(false);
    expect(fetches()).toBe(1);
  });
});

describe('abort', () => {
  it('an already aborted check sends nothing', async () => {
    const fetch = statusListFetch();
    const signal = AbortSignal.abort(new Error('too late'));
    await expect(
      clientFor(fetch).checkTokenStatus({ idx: 0, uri: T_URI }, { signal }),
    ).rejects.toThrow('too late');
    expect(fetch.sent).toEqual([]);
  });

  it('a fetch every check has given up on is aborted and not cached', async () => {
    const fetch = statusListFetch();
    const jwt = await formats[0]?.make({ ttlMs: 3_600_000 });
    let signal: AbortSignal | undefined;
    fetch.route(T_URI, () => {
      signal = fetch.sent.at(-1)?.signal;
      return new Promise<Response>(() => {});
    });
    const client = clientFor(fetch);
    const controller = new AbortController();
    const check = client.checkTokenStatus({ idx: 0, uri: T_URI }, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort(new Error('caller gave up'));
    await expect(check).rejects.toThrow('caller gave up');
    expect(signal?.aborted).toBe(true);
    fetch.route(T_URI, jwt ?? '');
    await expect(client.checkTokenStatus({ idx: 0, uri: T_URI })).resolves.toMatchObject({
      status: 'VALID',
    });
    expect(fetch.count(T_URI)).toBe(2);
  });
});

describe('URIs', () => {
  it.each([
    ['ftp://status.example.test/t/LIST1', 'not http(s)'],
    ['status.example.test/t/LIST1', 'not absolute'],
    ['https://status.example.test/b/LIST1', 'a /b/ list'],
    ['https://status.example.test/t/', 'no identifier'],
    ['https://status.example.test/t/LIST1/', 'a trailing slash'],
    ['https://status.example.test/t/LIST1/more', 'a path past the identifier'],
    ['https://status.example.test/lists/LIST1', 'no /t/'],
    ['https://status.example.test/t/LIST1?v=2', 'a query'],
    ['https://status.example.test/t/LIST1#x', 'a fragment'],
    ['https://user:secret@status.example.test/t/LIST1', 'userinfo'],
    ['https://status.example.test/t/%E0%A4%A', 'a broken percent-encoding'],
    ['https://status.example.test/t/%2E%2E', 'a dot-dot identifier'],
  ])('refuses a token list URI %s (%s) with nothing sent', async (uri) => {
    const fetch = statusListFetch();
    const error = await clientFor(fetch)
      .checkTokenStatus({ idx: 0, uri })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StatusListError);
    expect(error).toMatchObject({ reason: 'uri', uri });
    expect(fetch.sent).toEqual([]);
  });

  it.each([
    'https://status.example.test/t/LIST1',
    'http://status.example.test/lists/LIST1',
    'data:text/plain,x/b/LIST1',
  ])('refuses a bitstring list URI %s with nothing sent', async (uri) => {
    const fetch = statusListFetch();
    const error = await clientFor(fetch)
      .checkBitstringStatus({ statusListIndex: '0', statusListCredential: uri })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'StatusListError', reason: 'uri' });
    expect(fetch.sent).toEqual([]);
  });

  it('keeps a path prefix and a percent-encoded identifier', async () => {
    const uri = 'http://127.0.0.1:8080/a/b/t/LIST%201';
    const fetch = statusListFetch({
      [uri]: await makeTokenStatusList({
        key: signer.key,
        kid: signer.kid,
        sub: uri,
        bits: 1,
        values: [1],
        now: T0,
      }),
    });
    await expect(clientFor(fetch).checkTokenStatus({ idx: 0, uri })).resolves.toMatchObject({
      status: 'INVALID',
      uri,
    });
    expect(fetch.sent.map((r) => r.url)).toEqual([uri]);
  });
});

describe('keys', () => {
  it.each([
    ['a string', (url: string): string | URL => url],
    ['a URL', (url: string): string | URL => new URL(url)],
  ])("fetches a JWKS given as %s with the caller's fetch", async (_, jwks) => {
    const jwksUrl = 'https://keys.example.test/.well-known/jwks.json';
    const fetch = statusListFetch({
      [jwksUrl]: signer.jwks,
      [T_URI]: await makeTokenStatusList({
        key: signer.key,
        kid: signer.kid,
        sub: T_URI,
        bits: 1,
        values: [0, 1],
        now: T0,
      }),
    });
    const client = createStatusListClient({ jwks: jwks(jwksUrl), fetch, now });
    await expect(client.checkTokenStatus({ idx: 1, uri: T_URI })).resolves.toMatchObject({
      status: 'INVALID',
    });
    expect(fetch.count(jwksUrl)).toBe(1);
    expect(fetch.sent.find((r) => r.url === jwksUrl)?.headers.get('authorization')).toBeNull();
  });

  it("lets a JWKS that can't be fetched fail as jose's own error, not as a bad list", async () => {
    const fetch = statusListFetch({
      [T_URI]: await makeTokenStatusList({
        key: signer.key,
        kid: signer.kid,
        sub: T_URI,
        bits: 1,
        values: [0],
        now: T0,
      }),
    });
    const client = createStatusListClient({
      jwks: 'https://keys.example.test/missing.json',
      fetch,
      now,
    });
    const error = await client.checkTokenStatus({ idx: 0, uri: T_URI }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(StatusListError);
  });
});

describe('close', () => {
  it('closes the client and forgets the cache', async () => {
    const fetch = statusListFetch();
    const client = clientFor(fetch);
    await expect(client.close()).resolves.toBeUndefined();
    await expect(client.close()).resolves.toBeUndefined();
  });
});
