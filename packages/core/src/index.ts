export {
  DEFAULT_RETRY,
  type RedirectPolicy,
  type RetryEvent,
  type RetryOptions,
} from './attempts.js';
export type { BackoffOptions } from './backoff.js';
export { type ClientOptions, type CredstatClient, createApiClient } from './client.js';
export type { CredentialOptions, TokenRequest, TokenSource } from './credentials.js';
export type {
  ApiDescriptor,
  AuthDescriptor,
  CompiledValidator,
  CompiledValidatorError,
  OperationDescriptor,
  ResponseCheck,
  ResponseDescriptor,
} from './descriptor.js';
export { withResponseChecks } from './descriptor.js';
export {
  AbortError,
  ApiError,
  CredentialError,
  CredstatError,
  type CredstatErrorKind,
  InvalidParameterError,
  InvalidResponseError,
  type InvalidResponseReason,
  isApiErrorOf,
  isCredstatError,
  NetworkError,
  RedirectError,
  type RequestContext,
  TimeoutError,
  UnexpectedStatusError,
} from './errors.js';
export { type CallInit, callOperation } from './operation.js';
export { type PollOptions, pollSession, type SessionStates, type WithStatus } from './poll.js';
export {
  PollDeadlineError,
  SessionExpiredError,
  SessionNotFoundError,
  UnknownSessionStatusError,
} from './poll-errors.js';
export { REDACTED } from './redact.js';
export { withoutTrailingSlashes } from './trailing-slashes.js';
export type { FetchLike, IncomingResponse, OutgoingRequest, Transport } from './transport.js';
export type { DocumentedError, OperationArgs, ResponseBody, SuccessBody } from './types.js';
export { unwrap } from './unwrap.js';
export {
  createResponseValidator,
  type ResponseValidator,
  type ValidationIssue,
  type ValidationResult,
} from './validation.js';
