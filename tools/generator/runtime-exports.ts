// The parts of @credstat/core that a user of any API package needs (errors to
// catch, options to pass), re-exported by name from each package: one explicit
// list, kept here once instead of in every package's index.ts.
const VALUES = [
  'AbortError',
  'ApiError',
  'CredentialError',
  'CredstatError',
  'DEFAULT_RETRY',
  'InvalidParameterError',
  'InvalidResponseError',
  'isCredstatError',
  'NetworkError',
  'PollDeadlineError',
  'RedirectError',
  'SessionExpiredError',
  'SessionNotFoundError',
  'TimeoutError',
  'UnexpectedStatusError',
  'UnknownSessionStatusError',
  'unwrap',
];
const TYPES = [
  'ClientOptions',
  'CredstatErrorKind',
  'PollOptions',
  'RetryEvent',
  'RetryOptions',
  'TokenSource',
  'Transport',
];

export function emitRuntimeExports(): string {
  const names = [...VALUES, ...TYPES.map((name) => `type ${name}`)].sort((a, b) =>
    a.replace(/^type /, '').localeCompare(b.replace(/^type /, '')),
  );
  return `export {\n${names.map((name) => `  ${name},`).join('\n')}\n} from '@credstat/core';\n`;
}
