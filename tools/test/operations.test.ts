// The operation layer's generator: sessions checked against the schema in both
// directions, auth and retry safety resolved from the spec, one naming rule.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { operationAuth } from '../generator/auth.ts';
import { emitDescriptor } from '../generator/descriptor.ts';
import type { OpenApiDocument, OperationObject, SessionExtension } from '../generator/openapi.ts';
import { emitOperations } from '../generator/operations.ts';
import { repoRoot } from '../lib/repo.ts';
import { copyRedoclyConfig } from '../lint/scratch-config.ts';

const SPEC = 'specs/demo/openapi.yaml';
// Only the one JSON body needs a (named) validator for the descriptor.
const noValidators = {
  exports: new Map([['getRun 200', 'schema_Run']]),
  parameters: new Map(),
  code: '',
};

/** A small spec: GET /runs/{runId} whose 200 body has `state` ∈ QUEUED | DONE | FAILED. */
function spec(operation: Partial<OperationObject> = {}, extra: Partial<OpenApiDocument> = {}) {
  const document: OpenApiDocument = {
    openapi: '3.1.0',
    servers: [{ url: 'https://api.demo.test' }],
    security: [{ key: [] }],
    paths: {
      '/runs/{runId}': {
        get: {
          operationId: 'getRun',
          parameters: [{ name: 'runId', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': {
              description: 'The run',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Run' } } },
            },
            '404': { description: 'No such run' },
            '410': { description: 'Expired run' },
          },
          ...operation,
        },
      },
    },
    components: {
      securitySchemes: {
        key: { type: 'apiKey', in: 'header', name: 'X-Key' },
        bearer: { type: 'http', scheme: 'bearer' },
        oauth: { type: 'oauth2' },
      },
      schemas: {
        Run: {
          oneOf: [
            { properties: { state: { const: 'QUEUED' } } },
            { properties: { state: { type: 'string', enum: ['DONE', 'FAILED'] } } },
          ],
        },
      },
    },
    ...extra,
  };
  return document;
}

const session = (waits: SessionExtension['waits'], more: Partial<SessionExtension> = {}) => ({
  'x-credstat-session': { name: 'run', field: 'state', waits, ...more },
});
const run = { pending: ['QUEUED'], terminal: ['DONE', 'FAILED'] };

describe('x-credstat-session', () => {
  it('emits the rule: op(), OpError, isOpError(); NameStatus; wStates, TerminalWStatus, waitForW()', () => {
    const code = emitOperations(spec(session({ run, finished: run })), SPEC);
    for (const name of [
      'function getRun(',
      'type GetRunError =',
      'function isGetRunError(',
      'type RunStatus =',
      'const runStates =',
      'type TerminalRunStatus =',
      'function waitForRun(',
      'const finishedStates =',
      'function waitForFinished(',
    ]) {
      expect(code).toContain(`export ${name}`);
    }
    expect(code).toContain('"expired": []');
  });

  it.each([
    [
      'a status of the schema that no wait lists',
      session({ run: { pending: [], terminal: ['DONE', 'FAILED'] } }),
      'wait "run": state "QUEUED" is neither pending nor terminal',
    ],
    [
      'a listed status the schema does not have',
      session({ run: { pending: ['QUEUED', 'PAUSED'], terminal: ['DONE', 'FAILED'] } }),
      'wait "run": "PAUSED" is not a value of state',
    ],
    [
      'a status both pending and terminal',
      session({ run: { pending: ['QUEUED', 'DONE'], terminal: ['DONE', 'FAILED'] } }),
      '"DONE" is both pending and terminal',
    ],
    [
      'an expired status that is not documented',
      session({ run }, { expired: [419] }),
      'status 419 is not a documented response',
    ],
    ['no waits', session({}), 'declare at least one wait'],
    [
      'a field with no enum',
      { 'x-credstat-session': { name: 'run', field: 'nope', waits: { run } } },
      'the success body has no enum for "nope"',
    ],
  ])('fails generation on %s, naming the spec file', (_label, operation, message) => {
    expect(() => emitOperations(spec(operation as Partial<OperationObject>), SPEC)).toThrow(
      `${SPEC}: getRun x-credstat-session`,
    );
    expect(() => emitOperations(spec(operation as Partial<OperationObject>), SPEC)).toThrow(
      message,
    );
  });

  it('refuses a path parameter named like a reserved argument', () => {
    const operation = {
      parameters: [{ name: 'body', in: 'path' as const, required: true, schema: {} }],
    };
    expect(() => emitOperations(spec(operation), SPEC)).toThrow('path parameter named "body"');
  });
});

describe('auth, read from the spec', () => {
  it.each([
    ['the global requirement', {}, { type: 'apiKey', header: 'X-Key' }],
    ['its own requirement', { security: [{ bearer: [] }] }, { type: 'bearer' }],
    ['security: []', { security: [] }, null],
    ['an empty requirement among others', { security: [{}, { key: [] }] }, null],
  ])('an operation takes %s', (_label, operation, expected) => {
    const document = spec(operation as Partial<OperationObject>);
    const get = document.paths?.['/runs/{runId}']?.get as OperationObject;
    expect(operationAuth(document, get, SPEC)).toEqual(expected);
  });

  it.each([
    ['an unsupported scheme', { security: [{ oauth: [] }] }, 'is not supported'],
    ['an undeclared scheme', { security: [{ nope: [] }] }, '"nope" is not declared'],
    ['alternatives', { security: [{ key: [] }, { bearer: [] }] }, 'alternative security schemes'],
    ['a combination', { security: [{ key: [], bearer: [] }] }, 'combine schemes'],
  ])('fails generation on %s', (_label, operation, message) => {
    const document = spec(operation as Partial<OperationObject>);
    expect(() => emitDescriptor('demo', SPEC, document, noValidators)).toThrow(message);
  });

  it('carries per-operation auth in the descriptor, and none for security: []', () => {
    const { source, auth } = emitDescriptor('demo', SPEC, spec({ security: [] }), noValidators);
    expect(auth).toBeNull();
    expect(source).toMatch(/"auth": null/);
  });
});

describe('servers, media types and unspecified bodies, read from the spec', () => {
  const own = (operation: Partial<OperationObject>) =>
    spec({ servers: [{ url: 'https://public.demo.test/lists' }], ...operation });

  it('carries an operation server of its own when the operation sends no credential', () => {
    const { source } = emitDescriptor('demo', SPEC, own({ security: [] }), noValidators);
    expect(source).toContain('"baseUrl": "https://public.demo.test/lists"');
  });

  it('reads a path-level server the same way', () => {
    const document = spec({ security: [] });
    const item = document.paths?.['/runs/{runId}'] as { servers?: { url: string }[] };
    item.servers = [{ url: 'https://path.demo.test' }];
    const { source } = emitDescriptor('demo', SPEC, document, noValidators);
    expect(source).toContain('"baseUrl": "https://path.demo.test"');
  });

  it('fails generation when an operation with a server of its own sends a credential', () => {
    expect(() => emitDescriptor('demo', SPEC, own({}), noValidators)).toThrow(
      'getRun: it has servers of its own, so it must declare `security: []`',
    );
  });

  it('says what it accepts from its success media types, and marks a wildcard body `any`', () => {
    const document = spec({
      responses: {
        '200': {
          description: 'The run',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Run' } } },
        },
        '404': { description: 'Unspecified', content: { '*/*': { schema: {} } } },
      },
    });
    const { source } = emitDescriptor('demo', SPEC, document, noValidators);
    expect(source).toContain('"accept": "application/json"');
    expect(source).toMatch(/"404": \{\s+"body": "any"\s+\}/);
  });
});

describe('retry safety, read from the spec', () => {
  const retryable409 = (operation: Partial<OperationObject>) => {
    const document = spec();
    const item = document.paths?.['/runs/{runId}'] as Record<string, OperationObject>;
    item.post = {
      ...(item.get as OperationObject),
      operationId: 'issueRun',
      responses: { '409': { description: 'Retry later', 'x-credstat-retryable': true } },
      ...operation,
    };
    return document;
  };

  it('fails generation when a response of an unsafe POST is x-credstat-retryable', () => {
    expect(() => emitDescriptor('demo', SPEC, retryable409({}), noValidators)).toThrow(
      'issueRun: response 409 is x-credstat-retryable, but POST is not safe to repeat',
    );
  });

  it('accepts it with x-credstat-idempotent and its reason, which the descriptor carries', () => {
    const reason = 'the same jti yields the same entry';
    const { source } = emitDescriptor(
      'demo',
      SPEC,
      retryable409({ 'x-credstat-idempotent': reason }),
      noValidators,
    );
    expect(source).toContain(`"idempotent": "${reason}"`);
    expect(source).toContain('"retryable": true');
  });
});

describe('pnpm generate on a spec whose status enum grew', () => {
  it('fails, naming the spec file and the new value', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'credstat-session-'));
    try {
      copyRedoclyConfig(join(repoRoot, 'redocly.yaml'), join(scratch, 'redocly.yaml'));
      cpSync(join(repoRoot, 'specs/fortid-verifier'), join(scratch, 'specs/fortid-verifier'), {
        recursive: true,
      });
      const schema = join(
        scratch,
        'specs/fortid-verifier/components/schemas/VerificationInProgress.yaml',
      );
      writeFileSync(
        schema,
        readFileSync(schema, 'utf8').replace(
          'const: IN_PROGRESS',
          'enum: [IN_PROGRESS, WAITING_FOR_WALLET]',
        ),
      );
      const result = spawnSync(
        process.execPath,
        [join(repoRoot, 'tools/bin/generate.js'), 'fortid-verifier', '--check'],
        { encoding: 'utf8', env: { ...process.env, CREDSTAT_ROOT: scratch } },
      );
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain('specs/fortid-verifier/openapi.yaml');
      expect(result.stderr).toContain(
        'verificationSessionStatus "WAITING_FOR_WALLET" is neither pending nor terminal',
      );
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
