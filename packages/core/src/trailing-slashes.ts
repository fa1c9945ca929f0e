// A URL without its trailing slashes, by a loop: the obvious `/\/+$/` retries
// from every `/` of a long run and takes quadratic time on one (the reliability
// suite's ReDoS check holds every regex of the packages to linear time).

/** `url` without the `/` characters it ends with. */
export function withoutTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url.charCodeAt(end - 1) === 0x2f) end--;
  return url.slice(0, end);
}
