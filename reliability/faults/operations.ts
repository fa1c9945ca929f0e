// Every operation of every API, as the fault driver calls it: through the
// package's own generated operation function (and its `waitFor…` helper where
// the operation is a session read), with a client pointed at the fault server.
import type { CallInit, ClientOptions, ValidationResult } from '@credstat/core';
import * as fortidIssuer from '@credstat/fortid-issuer';
import { validateResponse as validateIssuer } from '@credstat/fortid-issuer/validators';
import * as fortidVerifier from '@credstat/fortid-verifier';
import { validateResponse as validateVerifier } from '@credstat/fortid-verifier/validators';
import * as fortidWallet from '@credstat/fortid-wallet';
import { validateResponse as validateWallet } from '@credstat/fortid-wallet/validators';
import * as govuk from '@credstat/govuk-status-list';
import { validateResponse as validateGovuk } from '@credstat/govuk-status-list/validators';
import * as ishare from '@credstat/ishare-dcp';
import { validateResponse as validateIshare } from '@credstat/ishare-dcp/validators';

/** Canaries: the credential and request JWT each client sends. They must never reach another origin. */
export const API_KEY = 'fault-canary-api-key-7f3a9c';
export const TOKEN = 'fault-canary-token-5d81e2';
export const REQUEST_JWT =
  'eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJqdGkiOiJmYXVsdC1jYW5hcnktand0In0.ZmF1bHQtY2FuYXJ5LXNpZw';
export const SECRETS = [API_KEY, TOKEN, REQUEST_JWT];

interface ClosableClient {
  close(): Promise<void>;
}
type AnyFn = (...args: unknown[]) => Promise<unknown>;
type Validate = (operationId: string, status: number, body: unknown) => ValidationResult;

interface ApiModule {
  createClient(options: never): ClosableClient;
  api: {
    name: string;
    operations: Record<
      string,
      { method: string; path: string; responses: Record<string, unknown> }
    >;
  };
  waits?: Record<string, { states: { operationId: string }; wait: AnyFn }>;
}

interface ApiEntry {
  module: ApiModule;
  validate: Validate;
  /** What createClient takes besides the shared options (a credential, or none). */
  credential: { apiKey: string } | { token: string } | Record<string, never>;
  /** Path `/dcp` and the like: the spec's base path, kept on the fault server. */
  basePath: string;
}

const APIS: ApiEntry[] = [
  {
    module: fortidIssuer as unknown as ApiModule,
    validate: validateIssuer as Validate,
    credential: { apiKey: API_KEY },
    basePath: '',
  },
  {
    module: fortidVerifier as unknown as ApiModule,
    validate: validateVerifier as Validate,
    credential: { apiKey: API_KEY },
    basePath: '',
  },
  {
    module: fortidWallet as unknown as ApiModule,
    validate: validateWallet as Validate,
    credential: { token: TOKEN },
    basePath: '',
  },
  {
    module: govuk as unknown as ApiModule,
    validate: validateGovuk as Validate,
    credential: {},
    basePath: '',
  },
  {
    module: ishare as unknown as ApiModule,
    validate: validateIshare as Validate,
    credential: { token: TOKEN },
    basePath: '/dcp',
  },
];

/** Arguments each operation is called with: values its parameter schemas accept. */
const ARGS: Record<string, object> = {
  getIssuanceSessionStatus: {
    issuerId: 'fortid_issuer',
    sessionId: '497f6eca-6276-4993-bfeb-53cbbbba6f08',
  },
  getVerificationSessionStatus: { verificationSessionId: '497f6eca-6276-4993-bfeb-53cbbbba6f08' },
  getVerifySessionStatus: {
    walletId: 'f4856bb7-d77a-4a6a-9c8a-7d7f6f639cfb',
    verificationSessionId: '497f6eca-6276-4993-bfeb-53cbbbba6f08',
  },
  issueStatusListEntry: { body: REQUEST_JWT },
  revokeStatusListEntry: { body: REQUEST_JWT },
  getTokenStatusList: { statusListIdentifier: 'A671FED3E9AD' },
  getBitstringStatusList: { statusListIdentifier: 'A671FED3E9AD' },
  getCredentialRequestStatus: { requestId: 'urn:uuid:550e8400-e29b-41d4-a716-446655440000' },
};

export interface FaultOperation {
  /** `fortid-verifier getVerificationSessionStatus`. */
  name: string;
  operationId: string;
  /** The credential its client takes (GOV.UK's takes none). */
  credential: 'apiKey' | 'token' | undefined;
  /** Statuses the spec documents (exact codes; ranges and `default` are not used by these specs). */
  documented: number[];
  /** A client of this API on `origin`; `close()` it after the case. */
  client(origin: string, options: ClientOptions): ClosableClient;
  /** Calls the generated operation function; every call names the fault server as its server. */
  call(client: ClosableClient, origin: string, init: CallInit): Promise<unknown>;
  /** The package's `validateResponse`, for whatever a call resolves to. */
  validate(status: number, body: unknown): ValidationResult;
}

export interface FaultWait {
  name: string;
  /** The operation the wait polls (its faults are that operation's). */
  operation: FaultOperation;
  wait(client: ClosableClient, origin: string, options: { signal: AbortSignal }): Promise<unknown>;
}

function operationsOf(entry: ApiEntry): FaultOperation[] {
  const { module, validate, credential, basePath } = entry;
  return Object.entries(module.api.operations).map(([operationId, operation]) => {
    const args = ARGS[operationId];
    if (!args) throw new Error(`no fault-test arguments for ${module.api.name} ${operationId}`);
    const fn = (module as unknown as Record<string, AnyFn>)[operationId];
    if (typeof fn !== 'function') throw new Error(`${module.api.name} exports no ${operationId}()`);
    return {
      name: `${module.api.name} ${operationId}`,
      operationId,
      credential: 'apiKey' in credential ? 'apiKey' : 'token' in credential ? 'token' : undefined,
      documented: Object.keys(operation.responses).map(Number).filter(Number.isInteger),
      client: (origin, options) =>
        module.createClient({ ...options, ...credential, baseUrl: origin + basePath } as never),
      // `baseUrl` per call too: an operation on a server of its own (GOV.UK's
      // status lists) would otherwise go to the real host.
      call: (client, origin, init) => fn(client, args, { ...init, baseUrl: origin + basePath }),
      validate: (status, body) => validate(operationId, status, body),
    };
  });
}

export const OPERATIONS: FaultOperation[] = APIS.flatMap(operationsOf);

/** Every `waitFor…` helper, on its session operation. */
export const WAITS: FaultWait[] = APIS.flatMap((entry) =>
  Object.entries(entry.module.waits ?? {}).map(([name, { states, wait }]) => {
    const operation = OPERATIONS.find(
      (op) => op.name === `${entry.module.api.name} ${states.operationId}`,
    );
    if (!operation)
      throw new Error(`${entry.module.api.name} wait ${name} polls no known operation`);
    const args = ARGS[states.operationId];
    return {
      name: `${entry.module.api.name} wait ${name}`,
      operation,
      wait: (client: ClosableClient, origin: string, options: { signal: AbortSignal }) =>
        wait(client, args, {
          ...options,
          baseUrl: origin + entry.basePath,
          intervalMs: 1,
          deadlineMs: 10_000,
        }),
    };
  }),
);
