// Everything a package's contract test runs, from what the package exports:
// the recorded exchanges through the real client, the validator and drift
// (describeContract), and every generated wait (describeSessionWaits).
import type { ApiDescriptor, ValidationResult } from '@credstat/core';
import { credentialFor } from '../lib/credential.ts';
import { describeContract, type ReplayClientOptions } from './contract.ts';
import { describeSessionWaits, type WaitsOptions } from './waits.ts';

export interface ApiContractOptions {
  api: ApiDescriptor;
  /** The package's own createClient; the suite adds a test credential and `retry: false`. */
  // biome-ignore lint/suspicious/noExplicitAny: any package's client options
  createClient: (options: any) => unknown;
  validateResponse: (operationId: never, status: number, body: unknown) => ValidationResult;
  waits: WaitsOptions['waits'];
}

export function describeApiContract(options: ApiContractOptions): void {
  const credential = credentialFor(options.api.name, options.api.auth);
  const replayClient = (replay: ReplayClientOptions) =>
    options.createClient({
      ...(credential ? { [credential.option]: 'contract-test-credential' } : {}),
      retry: false,
      ...replay,
    });
  describeContract({
    api: options.api,
    createClient: replayClient as never,
    validateResponse: options.validateResponse,
  });
  describeSessionWaits({ api: options.api, createClient: replayClient, waits: options.waits });
}
