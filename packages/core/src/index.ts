export { type ClientOptions, type CredentialOptions, createApiClient } from './client.js';
export type {
  ApiDescriptor,
  AuthDescriptor,
  CompiledValidator,
  CompiledValidatorError,
  OperationDescriptor,
  ResponseDescriptor,
} from './descriptor.js';
export {
  AbortError,
  ApiError,
  CredstatError,
  type CredstatErrorKind,
  InvalidResponseError,
  type InvalidResponseReason,
  isApiErrorOf,
  isCredstatError,
  NetworkError,
  PollDeadlineError,
  type RequestContext,
  SessionExpiredError,
  SessionNotFoundError,
  TimeoutError,
  UnexpectedStatusError,
  UnknownSessionStatusError,
} from './errors.js';
export { type PollOptions, pollSession, type SessionStates, type WithStatus } from './poll.js';
export { REDACTED } from './redact.js';
export { createResponseValidator, type ResponseValidator } from './response-validator.js';
export { DEFAULT_RETRY, type RetryEvent, type RetryOptions } from './transport.js';
export type { DocumentedError, ResponseBody, SuccessBody } from './types.js';
export { unwrap } from './unwrap.js';
export type { ValidationIssue, ValidationResult } from './validate.js';
