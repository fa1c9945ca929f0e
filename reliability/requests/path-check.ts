// Does a raw request target name exactly one operation's path, with each
// parameter value as one percent-encoded segment? Decoding each segment must
// give the value back; nothing may be added before, after or between.

/** The characters RFC 3986 allows in a path segment (`pchar`), `%XX` included. */
const SEGMENT = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%]*$/;

export type TargetProblem = string | undefined;

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * Why `target` is not `basePath` + `template` with `values` in place, or
 * undefined when it is exactly that.
 */
export function targetProblem(
  target: string,
  basePath: string,
  template: string,
  values: Record<string, string>,
): TargetProblem {
  if (target.includes('?') || target.includes('#')) return 'a query or fragment was added';
  if (!target.startsWith(`${basePath}/`)) return `does not start with ${basePath}/`;
  const sent = target.slice(basePath.length).split('/');
  const expected = template.split('/');
  if (sent.length !== expected.length)
    return `${sent.length - 1} segments instead of ${expected.length - 1}`;
  for (const [index, part] of expected.entries()) {
    const segment = sent[index] as string;
    const param = /^\{([^{}]+)\}$/.exec(part)?.[1];
    if (param === undefined) {
      if (part.includes('{'))
        throw new Error(`template ${template}: a segment mixes text and a parameter`);
      if (segment !== part) return `segment ${index} is ${segment.slice(0, 40)}, not ${part}`;
      continue;
    }
    if (!SEGMENT.test(segment)) return `${param}: segment holds characters a segment may not`;
    if (decoded(segment) !== values[param])
      return `${param}: the segment does not decode to the value`;
  }
  return undefined;
}
