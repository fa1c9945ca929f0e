// Every documented response body that has a schema, from each package's
// shipped openapi.json, listed the way the generator lists them when it
// compiles the validators (tools/generator/validators.ts): same operations,
// same resolved responses, same media type choice, never `*/*`.
import { createRequire } from 'node:module';
import type { ApiDescriptor } from '@credstat/core';
import type { ValidationResult } from '@credstat/core/validation';
import { api as fortidIssuerApi } from '@credstat/fortid-issuer';
import { validateResponse as fortidIssuer } from '@credstat/fortid-issuer/validators';
import { api as fortidVerifierApi } from '@credstat/fortid-verifier';
import { validateResponse as fortidVerifier } from '@credstat/fortid-verifier/validators';
import { api as fortidWalletApi } from '@credstat/fortid-wallet';
import { validateResponse as fortidWallet } from '@credstat/fortid-wallet/validators';
import { api as govukStatusListApi } from '@credstat/govuk-status-list';
import { validateResponse as govukStatusList } from '@credstat/govuk-status-list/validators';
import { api as ishareDcpApi } from '@credstat/ishare-dcp';
import { validateResponse as ishareDcp } from '@credstat/ishare-dcp/validators';
import {
  ANY_MEDIA_TYPE,
  bodyMediaType,
  jsonMediaType,
  listOperations,
  type OpenApiDocument,
  resolveResponse,
} from '../../tools/generator/openapi.ts';
import { type Schema, SchemaReader } from './schema.ts';

/** A package's `validateResponse`, with its operation ids and statuses widened. */
export type AnyValidator = (operationId: string, status: number, body: unknown) => ValidationResult;

export const VALIDATORS: Record<string, AnyValidator> = {
  'fortid-issuer': fortidIssuer as AnyValidator,
  'fortid-verifier': fortidVerifier as AnyValidator,
  'fortid-wallet': fortidWallet as AnyValidator,
  'govuk-status-list': govukStatusList as AnyValidator,
  'ishare-dcp': ishareDcp as AnyValidator,
};

/** Each package's descriptor: what its client and `validateResponse` actually check. */
export const DESCRIPTORS: Record<string, ApiDescriptor> = {
  'fortid-issuer': fortidIssuerApi,
  'fortid-verifier': fortidVerifierApi,
  'fortid-wallet': fortidWalletApi,
  'govuk-status-list': govukStatusListApi,
  'ishare-dcp': ishareDcpApi,
};

/** Every `api operationId status` a package checks against a schema, by its descriptor. */
export function validatedResponses(): string[] {
  return Object.entries(DESCRIPTORS).flatMap(([api, descriptor]) =>
    Object.entries(descriptor.operations).flatMap(([operationId, operation]) =>
      Object.entries(operation.responses)
        .filter(([, response]) => response.validate !== undefined)
        .map(([status]) => `${api} ${operationId} ${status}`),
    ),
  );
}

export interface ResponseSchema {
  api: string;
  operationId: string;
  status: string;
  mediaType: string;
  /** A JSON media type (the others, e.g. a JWT's, are raw strings checked by a pattern). */
  json: boolean;
  schema: Schema;
  reader: SchemaReader;
  validate: (body: unknown) => ValidationResult;
}

const require = createRequire(import.meta.url);

export function shippedSpec(api: string): OpenApiDocument {
  return require(`@credstat/${api}/openapi.json`) as OpenApiDocument;
}

export function listResponseSchemas(): ResponseSchema[] {
  const list: ResponseSchema[] = [];
  for (const [api, validator] of Object.entries(VALIDATORS)) {
    const document = shippedSpec(api);
    const reader = new SchemaReader(
      document.components as ConstructorParameters<typeof SchemaReader>[0],
    );
    for (const { operationId, operation } of listOperations(document)) {
      for (const [status, raw] of Object.entries(operation.responses ?? {})) {
        const response = resolveResponse(document, raw);
        const [mediaType, media] = bodyMediaType(response) ?? [];
        if (!mediaType || !media?.schema || ANY_MEDIA_TYPE.test(mediaType)) continue;
        const code = Number(status);
        if (!Number.isInteger(code)) throw new Error(`${api} ${operationId}: status ${status}`);
        list.push({
          api,
          operationId,
          status,
          mediaType,
          json: jsonMediaType(response) !== undefined,
          schema: media.schema as Schema,
          reader,
          validate: (body) => validator(operationId, code, body),
        });
      }
    }
  }
  return list;
}

export const nameOf = (entry: ResponseSchema) =>
  `${entry.api} ${entry.operationId} ${entry.status} ${entry.mediaType}`;
