// What the session server and the waiting driver agree on: the ids of the
// sessions and which terminal status each one ends with.

/** The i-th session's id: a UUID (the spec's format), unique per run and index. */
export function sessionId(i, run = 0) {
  const hex = (n, width) => n.toString(16).padStart(width, '0');
  return `${hex(run, 8)}-0000-4000-8000-${hex(i, 12)}`;
}

/** Even sessions succeed, odd ones fail, so the client sees both terminal bodies. */
export function terminalOf(id) {
  return Number.parseInt(id.at(-1), 16) % 2 === 0
    ? 'VERIFICATION_SUCCEEDED'
    : 'VERIFICATION_FAILED';
}
