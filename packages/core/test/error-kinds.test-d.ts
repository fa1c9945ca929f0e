// Type-level tests of the error union: `kind` discriminates, each case exposes
// its own members only, and a misspelt kind does not compile.
import { describe, expectTypeOf, it } from 'vitest';
import {
  type AbortError,
  type ApiError,
  type CredentialError,
  type CredstatError,
  type CredstatErrorKind,
  type InvalidParameterError,
  type InvalidResponseError,
  type InvalidResponseReason,
  isCredstatError,
  type NetworkError,
  type PollDeadlineError,
  type RedirectError,
  type SessionExpiredError,
  type SessionNotFoundError,
  type TimeoutError,
  type UnexpectedStatusError,
  type UnknownSessionStatusError,
} from '../src/index.js';

declare const e: unknown;

describe('CredstatErrorKind', () => {
  it('is exactly the 13 kinds', () => {
    expectTypeOf<CredstatErrorKind>().toEqualTypeOf<
      | 'api'
      | 'unexpected-status'
      | 'invalid-response'
      | 'network'
      | 'timeout'
      | 'abort'
      | 'redirect'
      | 'credential'
      | 'invalid-parameter'
      | 'session-expired'
      | 'session-not-found'
      | 'unknown-session-status'
      | 'poll-deadline'
    >();
    expectTypeOf<'tiemout'>().not.toExtend<CredstatErrorKind>();
  });
});

describe('isCredstatError(e)', () => {
  it('narrows unknown to the union', () => {
    if (isCredstatError(e)) {
      expectTypeOf(e).toEqualTypeOf<CredstatError>();
      expectTypeOf(e.kind).toEqualTypeOf<CredstatErrorKind>();
    }
  });

  it('lets switch (e.kind) narrow each case to its own members', () => {
    if (!isCredstatError(e)) return;
    switch (e.kind) {
      case 'timeout':
        expectTypeOf(e).toEqualTypeOf<TimeoutError>();
        expectTypeOf(e.timeoutMs).toEqualTypeOf<number>();
        // The status, when the headers came before the timeout (the body did not).
        expectTypeOf(e.status).toEqualTypeOf<number | undefined>();
        break;
      case 'api':
        expectTypeOf(e).toEqualTypeOf<ApiError>();
        expectTypeOf(e.status).toEqualTypeOf<number>();
        expectTypeOf(e.body).toEqualTypeOf<unknown>();
        // @ts-expect-error an ApiError has no timeoutMs
        e.timeoutMs;
        break;
      case 'redirect':
        expectTypeOf(e).toEqualTypeOf<RedirectError>();
        expectTypeOf(e.location).toEqualTypeOf<string | undefined>();
        expectTypeOf(e.crossOrigin).toEqualTypeOf<boolean | undefined>();
        expectTypeOf(e.status).toEqualTypeOf<number>();
        break;
      case 'invalid-response':
        expectTypeOf(e).toEqualTypeOf<InvalidResponseError>();
        expectTypeOf(e.reason).toEqualTypeOf<InvalidResponseReason>();
        expectTypeOf(e.reason).toEqualTypeOf<
          'schema' | 'not-json' | 'empty' | 'truncated' | 'unexpected-body'
        >();
        break;
      case 'abort':
        // Also a `reason`, but its own.
        expectTypeOf(e.reason).toEqualTypeOf<'signal' | 'closed'>();
        break;
      default:
        // @ts-expect-error only timeouts have timeoutMs
        e.timeoutMs;
    }
  });

  it('covers every kind: the default of a full switch is never', () => {
    if (!isCredstatError(e)) return;
    switch (e.kind) {
      case 'api':
        expectTypeOf(e).toEqualTypeOf<ApiError>();
        break;
      case 'unexpected-status':
        expectTypeOf(e).toEqualTypeOf<UnexpectedStatusError>();
        break;
      case 'invalid-response':
        expectTypeOf(e).toEqualTypeOf<InvalidResponseError>();
        break;
      case 'network':
        expectTypeOf(e).toEqualTypeOf<NetworkError>();
        break;
      case 'timeout':
        expectTypeOf(e).toEqualTypeOf<TimeoutError>();
        break;
      case 'abort':
        expectTypeOf(e).toEqualTypeOf<AbortError>();
        break;
      case 'redirect':
        expectTypeOf(e).toEqualTypeOf<RedirectError>();
        break;
      case 'credential':
        expectTypeOf(e).toEqualTypeOf<CredentialError>();
        break;
      case 'invalid-parameter':
        expectTypeOf(e).toEqualTypeOf<InvalidParameterError>();
        break;
      case 'session-expired':
        expectTypeOf(e).toEqualTypeOf<SessionExpiredError>();
        break;
      case 'session-not-found':
        expectTypeOf(e).toEqualTypeOf<SessionNotFoundError>();
        break;
      case 'unknown-session-status':
        expectTypeOf(e).toEqualTypeOf<UnknownSessionStatusError>();
        break;
      case 'poll-deadline':
        expectTypeOf(e).toEqualTypeOf<PollDeadlineError>();
        break;
      default:
        expectTypeOf(e).toEqualTypeOf<never>();
    }
  });

  it('rejects a misspelt kind', () => {
    if (!isCredstatError(e)) return;
    // @ts-expect-error 'tiemout' is not a kind: the comparison cannot be true
    if (e.kind === 'tiemout') return;
    switch (e.kind) {
      // @ts-expect-error nor as a case of a switch
      case 'tiemout':
        break;
    }
  });
});

describe('isCredstatError(e, kind)', () => {
  it('narrows to that kind', () => {
    if (isCredstatError(e, 'timeout')) {
      expectTypeOf(e).toEqualTypeOf<TimeoutError>();
      expectTypeOf(e.timeoutMs).toEqualTypeOf<number>();
    }
    if (isCredstatError(e, 'api')) expectTypeOf(e).toEqualTypeOf<ApiError>();
    if (isCredstatError(e, 'redirect')) expectTypeOf(e).toEqualTypeOf<RedirectError>();
  });

  it('accepts only the 13 kinds', () => {
    expectTypeOf(isCredstatError).parameter(0).toEqualTypeOf<unknown>();
    // @ts-expect-error not a kind
    isCredstatError(e, 'nope');
    // @ts-expect-error a misspelt kind
    isCredstatError(e, 'tiemout');
  });
});
