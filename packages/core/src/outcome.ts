// What one final answer means: the checked body the caller receives, or the
// typed error that says why there is none. The body was read once; it is
// parsed once here, and the validated value is the one handed on.
import { documentedResponse, type OperationDescriptor } from './descriptor.js';
import {
  ApiError,
  InvalidResponseError,
  type RequestContext,
  UnexpectedStatusError,
} from './errors.js';
import { bodyPreview, redactDeep } from './redact.js';
import { validateBody } from './validation.js';

export interface OutcomeOptions {
  /** Check bodies against the spec's schemas (parsing is always checked). */
  validate: boolean;
  /** Throw ApiError for documented error statuses instead of returning them. */
  throwOnError: boolean;
  redact: (text: string) => string;
}

function parse(
  kind: 'json' | 'text' | 'any' | 'empty',
  text: string,
): { value: unknown } | { reason: 'empty' | 'not-json' | 'unexpected-body'; message: string } {
  if (kind === 'empty') {
    return text === ''
      ? { value: undefined }
      : { reason: 'unexpected-body', message: 'must be empty' };
  }
  if (kind === 'text') return { value: text };
  if (kind === 'any') return { value: text === '' ? undefined : parseOrText(text) };
  if (text.trim() === '') return { reason: 'empty', message: 'body is empty, JSON expected' };
  try {
    return { value: JSON.parse(text) };
  } catch {
    return { reason: 'not-json', message: 'body is not JSON' };
  }
}

/** JSON when it parses, else the text itself: for bodies the API leaves unspecified. */
function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A one-line reason from common error-body shapes, for messages. */
function summarize(body: unknown, redact: (text: string) => string): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  const text = [record.error_description, record.message, record.error].find(
    (v) => typeof v === 'string',
  );
  return typeof text === 'string' ? bodyPreview(text, redact, 120) : undefined;
}

/** The parsed, validated body of a documented status; throws the typed error otherwise. */
export function checkedBody(
  operation: OperationDescriptor,
  status: number,
  text: string,
  context: RequestContext,
  options: OutcomeOptions,
): unknown {
  const documented = documentedResponse(operation, status);
  if (!documented)
    throw new UnexpectedStatusError(context, status, bodyPreview(text, options.redact));
  const parsed = parse(documented.body, text);
  if ('reason' in parsed) {
    const issues = [{ path: '', message: parsed.message }];
    const preview = bodyPreview(text, options.redact);
    throw new InvalidResponseError(context, status, parsed.reason, issues, preview);
  }
  if (options.validate) {
    const result = validateBody(documented, parsed.value);
    if (!result.ok) {
      const preview = bodyPreview(text, options.redact);
      throw new InvalidResponseError(context, status, 'schema', result.issues, preview);
    }
  }
  if (status >= 400 && options.throwOnError) {
    // An error may be logged anywhere: a server echoing a credential must not leak it.
    const body = redactDeep(parsed.value, options.redact);
    throw new ApiError(context, status, body, summarize(parsed.value, options.redact));
  }
  return parsed.value;
}
