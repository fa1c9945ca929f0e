// The bodies the race runs on for one API: its recorded valid bodies, its
// recorded rejected ones, and the invalid ones made from the valid.
import { loadApi } from './bodies.mjs';
import { invalidBodies } from './invalid.mjs';

/** A body as the validators take it: JSON parsed, raw text as is. */
export function parsedBody(item) {
  return item.kind === 'json' ? JSON.parse(item.text) : item.text;
}

export async function loadCorpus(name) {
  const api = await loadApi(name);
  const recorded = api.bodies.filter((item) => !item.rejected);
  const rejected = api.bodies.filter((item) => item.rejected);
  const made = recorded.flatMap((item) => invalidBodies(item, api.schemas.get(item.key).schema));
  return { api, recorded, rejected, made };
}
