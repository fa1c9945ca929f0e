// A fetch that answers from a script, one step per request, and records what
// it was sent (and when, so fake-timer tests can check exact delays).
export type Step =
  | { status: number; body?: string; headers?: Record<string, string> }
  | { throws: Error }
  /** Never answers until the request's signal aborts. */
  | 'hang';

export interface SentRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string;
  at: number;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Step {
  return {
    status,
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  };
}

export function scriptedFetch(steps: Step[], options: { repeatLast?: boolean } = {}) {
  const sent: SentRequest[] = [];
  const fetch = async (input: string, init: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    sent.push({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: await request.text(),
      at: Date.now(),
    });
    const step =
      steps[sent.length - 1] ?? (options.repeatLast ? steps[steps.length - 1] : undefined);
    if (!step) throw new Error(`script has no step ${sent.length}`);
    if (step === 'hang') {
      // The signal the client passed, as a real fetch sees it. (A Request's own
      // signal follows it only while the Request lives: undici links them by a
      // WeakRef, so once nothing holds the Request, Node 22+ may collect the link.)
      const { signal } = init;
      return new Promise((_resolve, reject) => {
        const abort = () => reject(signal?.reason);
        if (signal?.aborted) abort();
        signal?.addEventListener('abort', abort, { once: true });
      });
    }
    if ('throws' in step) throw step.throws;
    return new Response(step.body ?? null, { status: step.status, headers: step.headers });
  };
  return Object.assign(fetch, { sent });
}

/** A seeded PRNG (mulberry32): the same sequence on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
