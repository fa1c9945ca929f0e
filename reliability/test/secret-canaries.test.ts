// Secrets: canary API keys, tokens (strings and token functions, the DCP
// Self-Issued ID Token among them) and GOV.UK's signed request JWTs, planted in
// every request path and error path of every API: successes, each documented
// status, echoing servers, retries, token refreshes, redirects, timeouts,
// resets, truncated and invalid bodies, refused parameters and credentials,
// aborts, and every wait to each of its ends. None may appear, in any form, in
// errors (every rendering, causes included), logs, hook payloads, snapshots of
// the client or results, or the fixtures.
import { readFileSync, writeFileSync } from 'node:fs';
import type { ClientOptions, RetryEvent, TokenSource } from '@credstat/core';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFigures } from '../lib/figures.ts';
import { type AnyClient, type ApiOperation, type ApiUnderTest, apis } from '../requests/apis.ts';
import { type GuardedFetch, guardedFetch } from '../requests/guarded-fetch.ts';
import { type RecordingServer, startRecordingServer } from '../requests/recording-server.ts';
import { CanarySearch, canary } from '../secrets/canaries.ts';
import { captureOutput } from '../secrets/capture.ts';
import { type Drive, echoBody, echoOf, serverDrives } from '../secrets/drives.ts';
import { fixtureFiles, recordedAnswers } from '../secrets/fixture-answers.ts';
import { errorRenderings, snapshot } from '../secrets/renderings.ts';

const BASE_PATH = '/base';
const OTHER_ORIGIN = 'http://other.invalid';
const search = new CanarySearch();
const totals = { paths: 0 };
const drivenApis = new Set<string>();
let server: RecordingServer;
let guard: GuardedFetch;
/** A private JWK for each signer (GOV.UK's issuer, the DCP holder): their `d` is a canary too. */
let issuerKey: JWK;
let holderKey: JWK;

/** A credential as one client takes it, and how each value it sends is planted. */
interface Variant {
  name: string;
  options: () => { apiKey?: string; token?: TokenSource };
  tokenFunction: boolean;
}

const KIND = { key: 'API key', token: 'token', tokfn: 'token from a token function' } as const;

function planted(label: keyof typeof KIND): string {
  const value = canary(label);
  search.plant(value, KIND[label]);
  return value;
}

function variantsOf(api: ApiUnderTest): Variant[] {
  if (api.credential === 'apiKey')
    return [{ name: 'API key', options: () => ({ apiKey: planted('key') }), tokenFunction: false }];
  if (api.credential === undefined)
    return [{ name: 'no credential', options: () => ({}), tokenFunction: false }];
  const variants: Variant[] = [
    { name: 'token string', options: () => ({ token: planted('token') }), tokenFunction: false },
    {
      name: 'token function',
      options: () => ({ token: () => planted('tokfn') }),
      tokenFunction: true,
    },
  ];
  const selfIssued = api.module.selfIssuedIdToken as
    | ((options: Record<string, unknown>) => () => Promise<string>)
    | undefined;
  if (selfIssued) {
    variants.push({
      name: 'Self-Issued ID Token function (a JWT per attempt)',
      tokenFunction: true,
      options: () => {
        const sign = selfIssued({
          privateKey: holderKey,
          holderDid: 'did:web:holder.example',
          issuerDid: 'did:web:issuer.example',
          kid: 'did:web:holder.example#key-1',
        });
        return {
          token: async () => {
            const jwt = await sign();
            search.plant(jwt, 'DCP Self-Issued ID Token');
            return jwt;
          },
        };
      },
    });
  }
  return variants;
}

/** The arguments of one call: the recorded path values, and a freshly signed request JWT as body. */
async function argsFor(api: ApiUnderTest, op: ApiOperation): Promise<Record<string, unknown>> {
  const recorded = recordedAnswers(api).find((r) => r.operationId === op.operationId);
  const args: Record<string, unknown> = { ...recorded?.args };
  if (op.requestBody === 'application/jwt') {
    const signer = { privateKey: issuerKey, kid: 'issuer-key-1', iss: 'canary-client' };
    const sign =
      op.operationId === 'issueStatusListEntry'
        ? (api.module.signIssueRequest as (o: object) => Promise<string>)({
            ...signer,
            statusExpiry: Math.floor(Date.now() / 1000) + 86_400,
          })
        : (api.module.signRevokeRequest as (o: object) => Promise<string>)({
            ...signer,
            idx: 3,
            uri: 'https://crs.account.gov.uk/b/A671FED3E9AD',
          });
    const jwt = await sign;
    search.plant(jwt, 'GOV.UK request JWT');
    args.body = jwt;
  } else if (op.requestBody)
    throw new Error(`${op.operationId}: no canary body for ${op.requestBody}`);
  return args;
}

interface Run {
  api: ApiUnderTest;
  op: ApiOperation;
  variant: Variant;
  drive: Drive;
  /** Overrides for the client, after the drive's own. */
  client?: Partial<ClientOptions & { apiKey: string; token: TokenSource }>;
  /** What is called; default the operation with its recorded arguments. */
  call?: (client: AnyClient, args: Record<string, unknown>, init: Init) => Promise<unknown>;
  args?: (args: Record<string, unknown>) => Record<string, unknown>;
  init?: (controller: AbortController) => Init;
}
type Init = { signal?: AbortSignal; baseUrl?: string };

const DRIVE_HEADER = 'x-canary-drive';
let drives = 0;

/** Drives one path and searches everything it left behind. */
async function drive(run: Run): Promise<void> {
  const { api, op, variant, drive } = run;
  const where = `${api.name} ${op.operationId} [${variant.name}] ${drive.name}`;
  const events: RetryEvent[] = [];
  const controller = new AbortController();
  // Each drive's requests carry its number: a late request of an earlier drive
  // (still in flight on a loaded machine) is neither recorded nor answered here.
  const id = String(++drives);
  server.received.length = 0;
  server.accept((request) => request.headers[DRIVE_HEADER] === id);
  server.answer((request, response) => drive.reply(request, response, server.received.length - 1));
  const client = api.createClient({
    headers: { [DRIVE_HEADER]: id },
    baseUrl: server.origin + BASE_PATH,
    fetch: guard.fetch,
    retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2 },
    timeoutMs: 5_000,
    onRetry: (event) => events.push(event),
    ...variant.options(),
    ...drive.client,
    ...run.client,
  });
  const args = await argsFor(api, op);
  const init: Init = {
    ...(op.ownServer ? { baseUrl: server.origin + BASE_PATH } : {}),
    ...run.init?.(controller),
  };
  const call = run.call ?? ((c, a, i) => op.call(c, a, i));
  const { result, output } = await captureOutput(() =>
    call(client, run.args ? run.args(args) : args, init).then(
      (value) => ({ value, error: undefined as unknown }),
      (error: unknown) => ({ value: undefined, error }),
    ),
  );
  await client.close();
  totals.paths += 1;
  drivenApis.add(api.name);
  if (result.error !== undefined) {
    for (const [how, text] of errorRenderings(result.error))
      search.search(`${where}: ${how}`, text);
  } else search.search(`${where}: result`, snapshot(result.value));
  search.search(`${where}: onRetry payloads (JSON)`, JSON.stringify(events));
  search.search(`${where}: onRetry payloads (inspect)`, snapshot(events));
  search.search(`${where}: console and stdout/stderr`, output);
  search.search(`${where}: the client`, snapshot(client));
  // Where the server saw the call, it did carry the credential: there was something to leak.
  const seen = server.received[0];
  if (seen && op.sendsCredential && !drive.name.startsWith('client:'))
    expect(seen.headers[api.credentialHeader as string], where).toBeDefined();
}

/** Paths decided on the client side: nothing or something odd reaches the server. */
function clientDrives(variant: Variant): Omit<Run, 'api' | 'op' | 'variant'>[] {
  const hang: Drive['reply'] = () => undefined;
  const refuse = (name: string): Drive => ({ name: `client: ${name}`, reply: hang });
  const runs: Omit<Run, 'api' | 'op' | 'variant'>[] = [
    {
      drive: refuse('fetch throws an error naming the URL and every header'),
      client: {
        fetch: async (url, init) => {
          throw new TypeError(`could not reach ${url} with ${JSON.stringify(init.headers)}`, {
            cause: new Error(`socket for ${JSON.stringify(init.headers)} ${String(init.body)}`),
          });
        },
      },
    },
    {
      drive: refuse('connection refused (a closed port)'),
      client: { baseUrl: 'http://127.0.0.1:9/base', fetch: (u, i) => globalThis.fetch(u, i) },
      init: () => ({ baseUrl: 'http://127.0.0.1:9/base' }),
    },
    {
      drive: refuse('a call to another origin'),
      init: () => ({ baseUrl: `${OTHER_ORIGIN}/base` }),
    },
    {
      drive: refuse('aborted while the server holds the request'),
      init: (controller) => {
        server.answer(() => controller.abort(new Error(`stop ${variant.name}`)));
        return { signal: controller.signal };
      },
    },
    {
      drive: refuse('the client closed mid-call'),
      call: (client, args, init) => {
        server.answer(() => void client.close());
        return (runArgs.op as ApiOperation).call(client, args, init);
      },
    },
  ];
  if (variant.name === 'API key')
    runs.push({
      drive: refuse('an API key a header cannot carry'),
      client: { apiKey: `${planted('key')}\r\nx-leak: 1` },
    });
  if (variant.name === 'token string')
    runs.push({
      drive: refuse('a token a header cannot carry'),
      client: { token: `${planted('token')}\n` },
    });
  if (variant.tokenFunction)
    runs.push({
      drive: refuse('a token function that throws, quoting its token'),
      client: {
        token: () => {
          throw new Error(`token service refused ${planted('tokfn')}`);
        },
      },
    });
  return runs;
}
/** The operation the current client-side run calls (set per run). */
const runArgs: { op?: ApiOperation } = {};

beforeAll(async () => {
  server = await startRecordingServer();
  guard = guardedFetch(server.origin);
  const key = async () =>
    exportJWK((await generateKeyPair('ES256', { extractable: true })).privateKey);
  issuerKey = await key();
  holderKey = await key();
  search.plant(issuerKey.d as string, 'private signing key');
  search.plant(holderKey.d as string, 'private signing key');
});

afterAll(async () => {
  await server?.close();
  // CANARY_SIGHTINGS=<file>: every sighting with its context, to see how each got there.
  if (process.env.CANARY_SIGHTINGS)
    writeFileSync(process.env.CANARY_SIGHTINGS, JSON.stringify(search.sightings, null, 2));
  reportFigures('secrets: canaries', 40, [
    { label: 'APIs', value: drivenApis.size },
    { label: 'request and error paths driven', value: totals.paths },
    // How many values token functions returned depends on timing: not a figure.
    { label: `kinds of canary (${[...search.kinds].join(', ')})`, value: search.kinds.size },
    {
      label: 'places searched (renderings, logs, hooks, snapshots, fixtures)',
      value: search.places,
    },
    { label: 'canary occurrences, in any encoding or part', value: search.sightings.length },
  ]);
});

describe.each(apis.map((api) => [api.name, api] as const))('%s', (_name, api) => {
  for (const op of api.operations) {
    for (const variant of variantsOf(api)) {
      it(`${op.operationId} [${variant.name}]: no canary anywhere`, async () => {
        const recorded = recordedAnswers(api).filter((r) => r.operationId === op.operationId);
        const statuses = Object.keys(api.descriptor.operations[op.operationId]?.responses ?? {})
          .filter((status) => /^\d{3}$/.test(status))
          .map(Number);
        const before = search.sightings.length;
        for (const d of serverDrives(recorded, statuses)) {
          if (d.tokenFunctionOnly && !variant.tokenFunction) continue;
          await drive({ api, op, variant, drive: d });
        }
        runArgs.op = op;
        for (const extra of clientDrives(variant)) await drive({ api, op, variant, ...extra });
        if (op.pathParams.length > 0) {
          for (const [label, bad] of [
            ['a dot segment', '..'],
            ['a lone surrogate', '\uD800'],
          ] as const) {
            await drive({
              api,
              op,
              variant,
              drive: { name: `client: a path parameter that is ${label}`, reply: () => undefined },
              args: (args) => ({ ...args, [op.pathParams[0] as string]: bad }),
            });
          }
        }
        await driveWaits(api, op, variant, recorded);
        expect(search.sightings.slice(before)).toEqual([]);
      });
    }
  }
});

type Wait = (client: AnyClient, args: Record<string, unknown>, options: object) => Promise<unknown>;
interface States {
  operationId: string;
  field: string;
  pending: readonly string[];
  terminal: readonly string[];
  expired?: readonly number[];
  gone?: readonly number[];
}

/** Every wait on this operation, to each of its ends. */
async function driveWaits(
  api: ApiUnderTest,
  op: ApiOperation,
  variant: Variant,
  recorded: ReturnType<typeof recordedAnswers>,
) {
  const waits = (api.module.waits ?? {}) as Record<string, { states: States; wait: Wait }>;
  for (const [name, { states, wait }] of Object.entries(waits)) {
    if (states.operationId !== op.operationId) continue;
    const withStatus = (values: readonly string[]) =>
      recorded.find((r) => {
        if (r.status !== 200) return false;
        const status = (JSON.parse(r.body) as Record<string, unknown>)[states.field];
        return values.includes(status as string);
      });
    const pending = withStatus(states.pending);
    const terminal = withStatus(states.terminal);
    const send = (res: import('node:http').ServerResponse, status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body);
    };
    const progress: unknown[] = [];
    const ends: [string, Drive['reply'], number][] = [
      [
        'pending, then terminal',
        (_req, res, i) =>
          send(res, 200, (i === 0 && pending ? pending : (terminal ?? pending))?.body ?? '{}'),
        5_000,
      ],
      ...[...(states.gone ?? []), ...(states.expired ?? [])].map(
        (status) =>
          [
            `ends on ${status}, echoing`,
            (req, res) =>
              send(
                res,
                status,
                echoBody(recorded.find((r) => r.status === status)?.body, echoOf(req)),
              ),
            5_000,
          ] as [string, Drive['reply'], number],
      ),
      [
        'an unknown status echoing the credential',
        (req, res) => send(res, 200, JSON.stringify({ [states.field]: echoOf(req) })),
        5_000,
      ],
      [
        'the deadline passes while pending',
        (_req, res) => send(res, 200, pending?.body ?? '{}'),
        40,
      ],
    ];
    for (const [end, reply, deadlineMs] of ends) {
      await drive({
        api,
        op,
        variant,
        drive: { name: `wait ${name}: ${end}`, reply },
        call: (client, args, init) =>
          wait(client, args, {
            intervalMs: 1,
            maxIntervalMs: 5,
            deadlineMs,
            onProgress: (body: unknown) => progress.push(body),
            ...init,
          }),
      });
      search.search(`${api.name} wait ${name} ${end}: onProgress payloads`, snapshot(progress));
    }
  }
}

describe('the fixtures', () => {
  it('hold none of the canaries', () => {
    const files = fixtureFiles();
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) search.search(`fixture ${file}`, readFileSync(file, 'utf8'));
    expect(search.sightings).toEqual([]);
  });
});
