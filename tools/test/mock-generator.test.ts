// What the generator derives for each API's mock, on the real specs and
// fixtures (and the scaffold test's acme-status): the scenario names, each
// scenario's answers per operation, which fixture answers, and what a broken
// request gets. The tables are the rules of tools/generator/mock.ts, written out.
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleSpec } from '../generator/bundle-spec.ts';
import { type DerivedMock, deriveMock, emitMock, kebab, messageMember } from '../generator/mock.ts';
import type { OpenApiDocument } from '../generator/openapi.ts';
import { type FixtureFile, type HarEntry, listFixtures } from '../har/har.ts';
import { apiEntry, findApi } from '../lib/repo.ts';

const derived = new Map<string, DerivedMock>();
const documents = new Map<string, OpenApiDocument>();
const acme = apiEntry('acme-status', 'tools/test/specs/acme-status/openapi.yaml');

beforeAll(async () => {
  const apis = [
    'fortid-verifier',
    'fortid-issuer',
    'fortid-wallet',
    'ishare-dcp',
    'govuk-status-list',
  ];
  for (const entry of [...apis.map(findApi), acme]) {
    const { document } = await bundleSpec(entry);
    documents.set(entry.name, document);
    derived.set(entry.name, deriveMock(document, entry.specPath, listFixtures(entry.fixturesDir)));
  }
});

const mockOf = (api: string) => derived.get(api) as DerivedMock;

/** A scenario's answers for one operation, as session statuses (or HTTP statuses). */
function answersOf(api: string, scenario: string, operationId: string): (string | number)[] {
  const mock = mockOf(api);
  const keys = mock.scenarios.find(({ name }) => name === scenario)?.answers[operationId] ?? [];
  return keys.map((key) => {
    const example = mock.examples.find((candidate) => candidate.key === key);
    const json = example?.json as Record<string, unknown> | undefined;
    return (json?.verificationSessionStatus ??
      json?.issuanceSessionStatus ??
      json?.state ??
      (json && example?.status === 200 && typeof json.status === 'string'
        ? json.status
        : undefined) ??
      example?.status) as string | number;
  });
}

describe('scenario names', () => {
  it.each([
    [
      'fortid-verifier',
      'default verification-succeeded verification-failed expired status-200 status-400 status-404 status-410 status-500',
    ],
    [
      'fortid-issuer',
      'default issuance-succeeded issuance-failed expired unauthorized status-200 status-400 status-401 status-403 status-404 status-410 status-500',
    ],
    [
      'fortid-wallet',
      'default consent-request-ready verify-succeeded verify-failed unauthorized status-200 status-400 status-401 status-403 status-404 status-500',
    ],
    [
      'ishare-dcp',
      'default issued rejected unauthorized status-200 status-401 status-404 status-500',
    ],
    [
      'govuk-status-list',
      'default unauthorized conflict-then-ok service-unavailable-then-ok status-200 status-202 status-400 status-401 status-403 status-404 status-409 status-500 status-503',
    ],
    ['acme-status', 'default done failed status-200 status-404'],
  ])('%s: %s', (api, names) => {
    expect(mockOf(api).scenarios.map(({ name }) => name)).toEqual(names.split(' '));
  });
});

describe('answers', () => {
  it.each([
    // default: a session through its first wait's pending statuses to its first terminal one.
    [
      'fortid-verifier',
      'default',
      'getVerificationSessionStatus',
      'IN_PROGRESS VERIFICATION_SUCCEEDED',
    ],
    ['fortid-issuer', 'default', 'getIssuanceSessionStatus', 'IN_PROGRESS ISSUANCE_SUCCEEDED'],
    ['fortid-wallet', 'default', 'getVerifySessionStatus', 'IN_PROGRESS CONSENT_REQUEST_READY'],
    ['ishare-dcp', 'default', 'getCredentialRequestStatus', 'RECEIVED ISSUED'],
    ['acme-status', 'default', 'getJob', 'QUEUED RUNNING DONE'],
    // default: any other operation, its success.
    ['govuk-status-list', 'default', 'issueStatusListEntry', '200'],
    ['govuk-status-list', 'default', 'revokeStatusListEntry', '202'],
    ['govuk-status-list', 'default', 'getTokenStatusList', '200'],
    // One per terminal status, through the wait with the most pending statuses.
    [
      'fortid-verifier',
      'verification-failed',
      'getVerificationSessionStatus',
      'IN_PROGRESS VERIFICATION_FAILED',
    ],
    [
      'fortid-wallet',
      'consent-request-ready',
      'getVerifySessionStatus',
      'IN_PROGRESS CONSENT_REQUEST_READY',
    ],
    [
      'fortid-wallet',
      'verify-succeeded',
      'getVerifySessionStatus',
      'IN_PROGRESS CONSENT_REQUEST_READY VERIFY_SUCCEEDED',
    ],
    [
      'fortid-wallet',
      'verify-failed',
      'getVerifySessionStatus',
      'IN_PROGRESS CONSENT_REQUEST_READY VERIFY_FAILED',
    ],
    ['ishare-dcp', 'rejected', 'getCredentialRequestStatus', 'RECEIVED REJECTED'],
    ['acme-status', 'failed', 'getJob', 'QUEUED RUNNING FAILED'],
    // expired: the expired status, then the gone one, where both are documented.
    ['fortid-verifier', 'expired', 'getVerificationSessionStatus', '410 404'],
    ['fortid-issuer', 'expired', 'getIssuanceSessionStatus', '410 404'],
    // unauthorized: the documented 401.
    ['fortid-issuer', 'unauthorized', 'getIssuanceSessionStatus', '401'],
    ['govuk-status-list', 'unauthorized', 'revokeStatusListEntry', '401'],
    ['govuk-status-list', 'unauthorized', 'getTokenStatusList', ''],
    // <reason>-then-ok: x-credstat-retryable, 429 and 503, then the default answers.
    ['govuk-status-list', 'conflict-then-ok', 'issueStatusListEntry', '409 200'],
    ['govuk-status-list', 'conflict-then-ok', 'revokeStatusListEntry', ''],
    ['govuk-status-list', 'service-unavailable-then-ok', 'revokeStatusListEntry', '503 202'],
    // status-<code>: every documented status with a fixture, and only those.
    ['govuk-status-list', 'status-404', 'getBitstringStatusList', '404'],
    ['govuk-status-list', 'status-404', 'issueStatusListEntry', ''],
    ['fortid-wallet', 'status-403', 'getVerifySessionStatus', '403'],
  ])('%s %s: %s answers %s', (api, scenario, operationId, answers) => {
    expect(answersOf(api, scenario, operationId).join(' ')).toBe(answers);
  });

  it.each([
    ['fortid-wallet', 'consent-request-ready', '200-consent-request-ready.har'],
    ['govuk-status-list', 'status-400', 'issue-400-jti-not-lowercase.har'],
    ['govuk-status-list', 'status-200', 't-200.har'],
    ['ishare-dcp', 'status-200', '200-issued.har'],
  ])(
    '%s %s: of several matching fixtures, the shortest file name answers',
    (api, scenario, fixture) => {
      const mock = mockOf(api);
      const keys = Object.values(
        mock.scenarios.find(({ name }) => name === scenario)?.answers ?? {},
      ).flat();
      const fixtures = keys.map(
        (key) => mock.examples.find((example) => example.key === key)?.fixture,
      );
      expect(fixtures).toContain(fixture);
    },
  );

  it('never answers from fixtures/rejected/', () => {
    for (const [api, mock] of derived) {
      const { fixturesDir } = api === 'acme-status' ? acme : findApi(api);
      const accepted = listFixtures(fixturesDir)
        .filter((fixture) => !fixture.rejected)
        .map((fixture) => basename(fixture.path));
      for (const example of mock.examples) expect(accepted).toContain(example.fixture);
    }
  });
});

describe('broken requests', () => {
  it.each([
    [
      'fortid-verifier',
      { getVerificationSessionStatus: { example: '400-invalid-session-id', member: 'message' } },
      {},
    ],
    [
      'fortid-wallet',
      { getVerifySessionStatus: { example: '400-bad-request', member: 'error' } },
      { getVerifySessionStatus: '401-unauthorized' },
    ],
    ['ishare-dcp', {}, { getCredentialRequestStatus: '401-unauthorized' }],
    [
      'govuk-status-list',
      {
        issueStatusListEntry: {
          example: 'issue-400-jti-not-lowercase',
          member: 'error_description',
        },
        revokeStatusListEntry: { example: 'revoke-400-invalid-idx', member: 'error_description' },
      },
      // GOV.UK's requests carry no credential to miss: its 401s are the scenario's only.
      {},
    ],
  ])(
    '%s: the documented 400 and its message member; the 401 without a credential',
    (api, badRequest, unauthorized) => {
      expect(mockOf(api).badRequest).toEqual(badRequest);
      expect(mockOf(api).unauthorized).toEqual(unauthorized);
    },
  );

  it('the message member is the first free-text string: not an enum, not a const', () => {
    const document = {
      openapi: '3.1.0',
      components: {
        schemas: {
          Code: { type: 'string', const: 'BAD_REQUEST' },
          Error: {
            type: 'object',
            properties: {
              error: { $ref: '#/components/schemas/Code' },
              kind: { type: 'string', enum: ['a', 'b'] },
              count: { type: 'integer' },
              detail: { type: ['string', 'null'] },
              more: { type: 'string' },
            },
          },
        },
      },
    } as OpenApiDocument;
    const response = {
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
    expect(messageMember(document, response)).toBe('detail');
    expect(
      messageMember(document, { content: { 'text/plain': { schema: { type: 'string' } } } }),
    ).toBeUndefined();
  });
});

describe('names and output', () => {
  it.each([
    ['VERIFY_SUCCEEDED', 'verify-succeeded'],
    ['CONSENT_REQUEST_READY', 'consent-request-ready'],
    ['inProgress', 'in-progress'],
    ['DONE', 'done'],
  ])('%s becomes the scenario %s', (status, name) => {
    expect(kebab(status)).toBe(name);
  });

  it('refuses two scenarios of one operation with the same name', () => {
    // A terminal status whose scenario name is also a status-<code> scenario's.
    const document = {
      openapi: '3.1.0',
      paths: {
        '/runs/{id}': {
          get: {
            operationId: 'getRun',
            'x-credstat-session': {
              name: 'run',
              field: 'state',
              waits: { run: { pending: ['RUNNING'], terminal: ['STATUS_200'] } },
            },
            responses: {
              '200': {
                content: {
                  'application/json': {
                    schema: {
                      type: 'object',
                      properties: { state: { type: 'string', enum: ['RUNNING', 'STATUS_200'] } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    } as unknown as OpenApiDocument;
    const recorded = (name: string, state: string): FixtureFile => ({
      path: `/fixtures/${name}`,
      rejected: false,
      har: {
        log: {
          version: '1.2',
          creator: { name: 'test', version: '1' },
          entries: [
            {
              request: { method: 'GET', url: 'https://runs.test/runs/1', headers: [] },
              response: {
                status: 200,
                headers: [],
                content: { mimeType: 'application/json', text: JSON.stringify({ state }) },
              },
            } as unknown as HarEntry,
          ],
        },
      },
    });
    const fixtures = [recorded('200-running.har', 'RUNNING'), recorded('200-x.har', 'STATUS_200')];
    expect(() => deriveMock(document, 'runs.yaml', fixtures)).toThrow(
      /runs.yaml: getRun would have two scenarios named "status-200"/,
    );
  });

  it('writes each body with `satisfies` its generated type, and the scenario names as a type', () => {
    const source = emitMock(
      mockOf('govuk-status-list'),
      new Map([['issueStatusListEntry', 'schema_IssueRequestJwt']]),
    );
    expect(source).toMatch(/} satisfies Body<"issueStatusListEntry", 200>,/);
    expect(source).toMatch(/text: "eyJ[\w.-]+" satisfies Body<"getTokenStatusList", 200>,/);
    expect(source).toMatch(/^export type ScenarioName = 'default' \| 'unauthorized' \| /m);
    expect(source).toMatch(/requestBodies: {\n {4}issueStatusListEntry: schema_IssueRequestJwt,/);
    expect(source).toMatch(/import { schema_IssueRequestJwt } from '.\/validators.gen.js';/);
  });
});
