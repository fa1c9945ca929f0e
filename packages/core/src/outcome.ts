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

/**
 * Deeper than this, a body is not JSON this client reads (as Go's and serde's
 * parsers have a depth limit): the redacted copy an ApiError keeps, the
 * validators and a caller's own JSON.stringify all recurse, and 10,000 levels
 * overflow the stack (a RangeError instead of a typed error).
 */
export const MAX_BODY_DEPTH = 512;

/** Whether a parsed value nests deeper than `limit` arrays and objects (no recursion). */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const values: unknown[] = [value];
  const depths: number[] = [1];
  while (values.length > 0) {
    const current = values.pop();
    const depth = depths.pop() as number;
    if (current === null || typeof current !== 'object') continue;
    if (depth > limit) return true;
    for (const item of Array.isArray(current) ? current : Object.values(current)) {
      if (item !== null && typeof item === 'object') {
        values.push(item);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}

/** JSON.parse, refusing a body nested past MAX_BODY_DEPTH (only a long text can be). */
function parseJson(text: string): { value: unknown } | undefined {
  const value: unknown = JSON.parse(text);
  if (text.length > 2 * MAX_BODY_DEPTH && nestsDeeperThan(value, MAX_BODY_DEPTH)) return undefined;
  return { value };
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
  let parsed: { value: unknown } | undefined;
  try {
    parsed = parseJson(text);
  } catch {
    return { reason: 'not-json', message: 'body is not JSON' };
  }
  return (
    parsed ?? { reason: 'not-json', message: `body nests deeper than ${MAX_BODY_DEPTH} levels` }
  );
}

/** JSON when it parses, else the text itself: for bodies the API leaves unspecified. */
function parseOrText(text: string): unknown {
  try {
    return (parseJson(text) ?? { value: text }).value;
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
      // Issues quote the body (a value, a member name): a server echoing the
      // credential must not leak it through them.
      const issues = result.issues.map(({ path, message }) => ({
        path: options.redact(path),
        message: options.redact(message),
      }));
      throw new InvalidResponseError(context, status, 'schema', issues, preview);
    }
  }
  if (status >= 400 && options.throwOnError) {
    // An error may be logged anywhere: a server echoing a credential must not leak it.
    const body = redactDeep(parsed.value, options.redact);
    throw new ApiError(context, status, body, summarize(parsed.value, options.redact));
  }
  return parsed.value;
}
