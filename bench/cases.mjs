// The client cases: each is one GET of a session status that resolves with the
// parsed body. bench/ is a workspace package, so the packages resolve as a
// consumer's would (their built dist/).
import { undiciTransport } from '@credstat/core/undici';
import * as verifier from '@credstat/fortid-verifier';
import createOpenapiClient from 'openapi-fetch';

export const CASE_NAMES = [
  'raw',
  'raw-timeout',
  'openapi-fetch',
  'credstat',
  'credstat-novalidate',
  'credstat-undici',
];

const SESSION_ID = '497f6eca-6276-4993-bfeb-53cbbbba6f08';
const PATH = '/verification-session/status/{verificationSessionId}';
const params = { path: { verificationSessionId: SESSION_ID } };
// Every case sends the same credential header the client sends.
const AUTH = { 'x-api-key': 'bench-key' };

function short(error) {
  const code = error?.code ? `${error.code}: ` : '';
  return `${code}${String(error?.message ?? error).split('\n')[0]}`;
}

/**
 * Builds the cases named in `only` (default: all). Returns { cases, skipped,
 * close }: `skipped` lists { name, reason } for cases that cannot run here.
 */
export async function loadCases({ baseUrl, only = CASE_NAMES }) {
  const url = `${baseUrl}/verification-session/status/${SESSION_ID}`;
  const closers = [];
  const skipped = [];

  const viaClient = (client) => async () => {
    const { data, error } = await client.GET(PATH, { params });
    if (error !== undefined) throw new Error(`GET failed: ${JSON.stringify(error)}`);
    return data;
  };

  const builders = {
    raw: async () => async () => {
      const res = await fetch(url, { headers: AUTH });
      return res.json();
    },
    // The floor for any fetch client with a per-attempt timeout: the signal alone.
    'raw-timeout': async () => async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 30_000);
      try {
        const res = await fetch(url, { headers: AUTH, signal: controller.signal });
        return await res.json();
      } finally {
        clearTimeout(timer);
      }
    },
    'openapi-fetch': async () => viaClient(createOpenapiClient({ baseUrl, headers: AUTH })),
    credstat: async () => viaClient(verifier.createClient({ apiKey: 'bench-key', baseUrl })),
    'credstat-novalidate': async () =>
      viaClient(verifier.createClient({ apiKey: 'bench-key', baseUrl, validateResponses: false })),
    'credstat-undici': async () => {
      const transport = undiciTransport();
      if (typeof transport?.close === 'function') closers.push(() => transport.close());
      return viaClient(verifier.createClient({ apiKey: 'bench-key', baseUrl, transport }));
    },
  };

  const cases = [];
  for (const name of only) {
    const build = builders[name];
    if (!build) throw new Error(`unknown case ${name}; known: ${CASE_NAMES.join(', ')}`);
    try {
      const call = await build();
      const body = await call();
      if (
        body?.verificationSessionStatus !== 'VERIFICATION_SUCCEEDED' ||
        body?.presentedClaims?.given_name !== 'Jane'
      ) {
        throw new Error(`unexpected body: ${JSON.stringify(body)}`);
      }
      cases.push({ name, call });
    } catch (error) {
      skipped.push({ name, reason: short(error) });
    }
  }
  return {
    cases,
    skipped,
    close: async () => {
      for (const close of closers) await close();
    },
  };
}
