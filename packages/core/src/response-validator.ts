// The typed `validateResponse` each API package exports from `./validators`.
import type { ApiDescriptor } from './descriptor.js';
import type { ResponseBody } from './types.js';
import { type ValidationResult, validateResponseWith } from './validate.js';

export type ResponseValidator<Ops> = <K extends keyof Ops & string, S extends number>(
  operationId: K,
  status: S,
  body: unknown,
) => ValidationResult<ResponseBody<Ops[K], S>>;

export function createResponseValidator<Ops>(api: ApiDescriptor): ResponseValidator<Ops> {
  return (operationId, status, body) =>
    validateResponseWith(api, operationId, status, body) as ValidationResult<never>;
}
