// A credential request read by its id or by the Location of POST /credentials:
// both reach the same resource; an id is one percent-encoded path segment,
// whatever it holds; a Location on another origin is refused, nothing sent.
import { startServer } from '@credstat/tools/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClient,
  getCredentialRequest,
  getCredentialRequestStatus,
  InvalidParameterError,
  isCredstatError,
  locateCredentialRequest,
  waitForCredentialRequest,
} from '../src/index.js';

const TOKEN = 'holder-token-0123456789';
const REQUEST_ID = 'urn:uuid:550e8400-e29b-41d4-a716-446655440000';

const server = startServer();
let url = '';
/** Each resource answers with its own path, so tests see which one was read. */
beforeAll(async () => {
  const started = await server;
  url = started.url;
  started.handle((req, res) => {
    const [, segment = ''] = /\/requests\/([^/]+)$/.exec(req.url ?? '') ?? [];
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        '@context': ['https://w3id.org/dspace-dcp/v1.0/dcp.jsonld'],
        type: 'CredentialStatus',
        issuerPid: decodeURIComponent(segment),
        holderPid: req.url,
        status: 'RECEIVED',
      }),
    );
  });
});
afterAll(async () => (await server).close());

const client = () => createClient({ baseUrl: `${url}/dcp`, token: TOKEN });
const received = async () => (await server).received;

describe('a request id is one path segment', () => {
  it.each([
    ['a urn:uuid', REQUEST_ID, 'urn%3Auuid%3A550e8400-e29b-41d4-a716-446655440000'],
    ['a slash', 'urn:example:a/b', 'urn%3Aexample%3Aa%2Fb'],
    ['a question mark', 'urn:example:a?b=1', 'urn%3Aexample%3Aa%3Fb%3D1'],
    ['a hash', 'urn:example:a#frag', 'urn%3Aexample%3Aa%23frag'],
    ['a percent sign', 'urn:example:100%25', 'urn%3Aexample%3A100%2525'],
    ['an https URI', 'https://issuer.test/r/1', 'https%3A%2F%2Fissuer.test%2Fr%2F1'],
  ])('with %s', async (_label, requestId, segment) => {
    (await server).received.length = 0;
    const body = await getCredentialRequestStatus(client(), { requestId });
    expect((await received()).map((r) => r.url)).toEqual([`/dcp/requests/${segment}`]);
    // The server read back exactly the id that was sent.
    expect(body.issuerPid).toBe(requestId);
  });
});

describe('by id or by Location', () => {
  const segment = encodeURIComponent(REQUEST_ID);

  it.each([
    ['a bare urn:uuid', () => REQUEST_ID, '/dcp/requests/'],
    ['a full Location URL', () => `${url}/dcp/requests/${segment}`, '/dcp/requests/'],
    ['a Location path', () => `/dcp/requests/${segment}`, '/dcp/requests/'],
    [
      'a Location on another base path of the same origin',
      () => `${url}/issuer/v2/requests/${segment}`,
      '/issuer/v2/requests/',
    ],
  ])('%s reaches the resource, with the token', async (_label, given, path) => {
    (await server).received.length = 0;
    const body = await getCredentialRequest(client(), given());
    expect(body).toMatchObject({ issuerPid: REQUEST_ID, holderPid: `${path}${segment}` });
    const [request] = await received();
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('a Location on another origin is refused before anything is sent', async () => {
    (await server).received.length = 0;
    // The same server by another name: a different origin, so the token must not go there.
    const elsewhere = url.replace('127.0.0.1', 'localhost');
    const error = await getCredentialRequest(
      client(),
      `${elsewhere}/dcp/requests/${segment}`,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect(isCredstatError(error, 'invalid-parameter')).toBe(true);
    expect(String(error)).toContain('not on the client');
    expect(String(error)).not.toContain(TOKEN);
    expect(await received()).toEqual([]);
  });

  it.each([
    ['names another endpoint', (u: string) => `${u}/dcp/credentials/abc`],
    ['has a query', (u: string) => `${u}/dcp/requests/abc?x=1`],
    ['ends at /requests/', (u: string) => `${u}/dcp/requests/`],
  ])('a Location that %s is refused', async (_label, location) => {
    expect(() => locateCredentialRequest(client(), location(url))).toThrow(InvalidParameterError);
  });

  it('a Location whose id is broken percent-encoding is refused, typed', () => {
    expect(() => locateCredentialRequest(client(), `${url}/dcp/requests/urn%3Auuid%ZZ`)).toThrow(
      InvalidParameterError,
    );
  });

  it('a client with a relative baseUrl takes bare ids but refuses Locations', () => {
    const relative = { baseUrl: '/dcp' };
    expect(locateCredentialRequest(relative, REQUEST_ID)).toEqual({ requestId: REQUEST_ID });
    expect(() => locateCredentialRequest(relative, `/dcp/requests/${segment}`)).toThrow(
      InvalidParameterError,
    );
  });

  it('waitForCredentialRequest follows a Location too, and ends on REJECTED with the typed body', async () => {
    const { handle } = await server;
    const answers = ['RECEIVED', 'RECEIVED', 'REJECTED'];
    handle((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          '@context': ['https://w3id.org/dspace-dcp/v1.0/dcp.jsonld'],
          type: 'CredentialStatus',
          issuerPid: 'issuer-42',
          holderPid: 'holder-7',
          status: answers.shift() ?? 'REJECTED',
          reason: req.url,
        }),
      );
    });
    const c = client();
    const target = locateCredentialRequest(c, `${url}/issuer/v2/requests/${segment}`);
    const done = await waitForCredentialRequest(
      c,
      { requestId: target.requestId },
      { baseUrl: target.baseUrl, intervalMs: 1, maxIntervalMs: 1 },
    );
    // `status` narrows to the terminal values: ISSUED | REJECTED.
    const terminal: 'ISSUED' | 'REJECTED' = done.status;
    expect(terminal).toBe('REJECTED');
    expect(done).toMatchObject({ issuerPid: 'issuer-42', holderPid: 'holder-7' });
    expect((await received()).map((r) => r.url)).toEqual(
      Array(3).fill(`/issuer/v2/requests/${segment}`),
    );
  });
});
