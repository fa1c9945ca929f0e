// The five API packages as the request and secret suites drive them: each
// client factory, the credential it takes, and every operation's generated
// function, read from the package's own descriptor (nothing listed by hand).
import type { ApiDescriptor, ClientOptions, CredstatClient, TokenSource } from '@credstat/core';
import * as fortidIssuer from '@credstat/fortid-issuer';
import * as fortidVerifier from '@credstat/fortid-verifier';
import * as fortidWallet from '@credstat/fortid-wallet';
import * as govukStatusList from '@credstat/govuk-status-list';
import * as ishareDcp from '@credstat/ishare-dcp';

/** A client of any of the APIs, as the suites use it (paths untyped). */
export type AnyClient = CredstatClient<Record<string, never>>;

export type OperationFunction = (
  client: AnyClient,
  args: Record<string, unknown>,
  init?: { signal?: AbortSignal; baseUrl?: string },
) => Promise<unknown>;

export interface ApiOperation {
  api: string;
  operationId: string;
  method: string;
  /** The path template, e.g. `/requests/{requestId}`. */
  path: string;
  /** Path parameter names in template order. */
  pathParams: string[];
  /** Lives on a server of its own (GOV.UK's public lists): a call must name the local one. */
  ownServer: boolean;
  /** Sends the API's credential (not `security: []`). */
  sendsCredential: boolean;
  /** The media type of its request body, if it takes one (GOV.UK: `application/jwt`). */
  requestBody: string | undefined;
  call: OperationFunction;
}

export interface ApiUnderTest {
  name: string;
  descriptor: ApiDescriptor;
  /** The credential option the client takes, if any. */
  credential: 'apiKey' | 'token' | undefined;
  /** The header that carries it, lower case. */
  credentialHeader: string | undefined;
  createClient(options: ClientOptions & { apiKey?: string; token?: TokenSource }): AnyClient;
  operations: ApiOperation[];
  /** The package's exports, for the suites that drive its helpers (waits, request JWTs). */
  module: Record<string, unknown>;
}

const modules = {
  'fortid-issuer': fortidIssuer,
  'fortid-verifier': fortidVerifier,
  'fortid-wallet': fortidWallet,
  'govuk-status-list': govukStatusList,
  'ishare-dcp': ishareDcp,
} as const;

function describeApi(name: string, module: Record<string, unknown>): ApiUnderTest {
  const descriptor = module.api as ApiDescriptor;
  const { auth } = descriptor;
  const operations = Object.entries(descriptor.operations).map(([operationId, operation]) => {
    const call = module[operationId];
    if (typeof call !== 'function') throw new Error(`${name} exports no ${operationId}()`);
    return {
      api: name,
      operationId,
      method: operation.method,
      path: operation.path,
      pathParams: [...operation.path.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1] as string),
      ownServer: operation.baseUrl !== undefined,
      sendsCredential: auth !== null && operation.auth !== null,
      requestBody: operation.requestBody?.mediaType,
      call: call as OperationFunction,
    };
  });
  return {
    name,
    descriptor,
    credential: auth === null ? undefined : auth.type === 'apiKey' ? 'apiKey' : 'token',
    credentialHeader:
      auth === null
        ? undefined
        : auth.type === 'apiKey'
          ? auth.header.toLowerCase()
          : 'authorization',
    createClient: module.createClient as ApiUnderTest['createClient'],
    operations,
    module,
  };
}

export const apis: ApiUnderTest[] = Object.entries(modules).map(([name, module]) =>
  describeApi(name, module as unknown as Record<string, unknown>),
);
