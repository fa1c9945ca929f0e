// The README's examples are the files in examples/; each runs here against the
// spec's own example response.
import { join } from 'node:path';
import {
  describeReadmeExamples,
  fixtureEntry,
  replayFetch,
  runUnderFakeTimers,
} from '@credstat/tools/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';

describeReadmeExamples(join(import.meta.dirname, '../README.md'));

const fixtures = join(import.meta.dirname, '../../../specs/fortid-wallet/fixtures');
/** The examples read the session of the recorded 200s. */
const recorded = (file: string) => fixtureEntry(fixtures, file);

describe('README examples run', () => {
  afterEach(() => {
    vi.resetModules();
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('usage example calls getVerifySessionStatus and prints its body', async () => {
    const body = {
      status: 'CONSENT_REQUEST_READY',
      consentRequestObject: {
        validated_authorization_request: {
          client_id: 'Verifier-Service',
          response_uri: 'https://www.verifier.com/openid4vp/response_uri',
          response_type: 'vp_token',
          response_mode: 'direct_post',
          dcql_query: {
            credentials: [
              {
                id: 'my_credential',
                format: 'dc+sd-jwt',
                multiple: false,
                meta: {},
                require_cryptographic_holder_binding: true,
                claims: [{ path: ['vct'] }],
              },
            ],
          },
          nonce: 'c34khDJ8j2aYIq',
          state: '32f54163-aaaa-48f1-93d8-ff217bdb0653',
          client_metadata: {
            vp_formats_supported: {
              'dc+sd-jwt': { 'sd-jwt_alg_values': ['ES256'], 'kb-jwt_alg_values': ['ES256'] },
              mso_mdoc: { issuerauth_alg_values: [-7], deviceauth_alg_values: [-7] },
            },
            jwks: {
              keys: [
                {
                  kid: 'f64f2c06-b3b8-43bc-a131-2cd0bcdf8737',
                  use: 'enc',
                  kty: 'EC',
                  crv: 'P-256',
                  x: 'MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4',
                  y: '4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM',
                },
              ],
            },
            encrypted_response_enc_values_supported: ['A256GCM'],
          },
        },
        matching_credentials: [
          {
            id: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
            credentialConfigurationId: 'eu.europa.ec.eudi.pid_mdoc',
            credentialIssuer: 'https://eis.fortid.com:443/protocol/oid4vci/issuer/fortid_issuer',
            decodedPayload: {
              'dc+sd-jwt': {
                iss: 'https://www.issuer.com',
                vct: 'https://www.issuer.com/dummy-credential',
                name: 'John',
              },
            },
          },
        ],
      },
    };
    const fetch = vi.fn(
      async (_url: string, _init?: RequestInit) =>
        new Response(JSON.stringify(body), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
    );
    vi.stubGlobal('fetch', fetch);
    vi.stubEnv('FORTID_WALLET_TOKEN', 'example-credential');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});

    await import('../examples/usage.ts');

    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] ?? [];
    const sent = new URL(String(url));
    expect(sent.origin + sent.pathname).toBe(
      'https://ews.mds2026.fortid.dev/wallets/f4856bb7-d77a-4a6a-9c8a-7d7f6f639cfb/verify/497f6eca-6276-4993-bfeb-53cbbbba6f08/session-status',
    );
    expect(Object.fromEntries(sent.searchParams)).toEqual({});
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer example-credential');
    expect(log.mock.calls).toEqual([[body]]);
  });

  it.each([
    [
      '200-consent-request-ready.har',
      [['Verifier-Service asks for my_credential (dc+sd-jwt):', ['vct']]],
    ],
    [
      '200-consent-request-ready-credential-sets.har',
      [
        [
          'Verifier-Service asks for pid (dc+sd-jwt):',
          ['family_name', 'postal_code', 'locality', 'region', 'date_of_birth'],
        ],
        [
          'Verifier-Service asks for other_pid (dc+sd-jwt):',
          ['given_name', 'family_name', 'address.street_address'],
        ],
        [
          'Verifier-Service asks for pid_reduced_cred_1 (dc+sd-jwt):',
          ['family_name', 'given_name'],
        ],
        [
          'Verifier-Service asks for pid_reduced_cred_2 (dc+sd-jwt):',
          ['postal_code', 'locality', 'region'],
        ],
        ['Verifier-Service asks for nice_to_have (dc+sd-jwt):', ['rewards_number']],
      ],
    ],
    ['200-verify-succeeded.har', [['verification already ended:', 'VERIFY_SUCCEEDED']]],
  ])('consent example: IN_PROGRESS, then %s', async (then, lines) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const fetch = vi.fn(replayFetch(recorded('200-in-progress.har'), recorded(then)));
      vi.stubGlobal('fetch', fetch);
      vi.stubEnv('FORTID_WALLET_TOKEN', 'example-credential');
      const log = vi.spyOn(console, 'log').mockImplementation(() => {});
      await runUnderFakeTimers(() => import('../examples/consent.ts'));
      expect(fetch).toHaveBeenCalledTimes(2);
      expect(log.mock.calls).toEqual(lines);
    } finally {
      vi.useRealTimers();
    }
  });

  it.each([
    [
      // meta {} asks for no particular vct, so the held credential answers it.
      '200-consent-request-ready.har',
      [
        ['my_credential: held credential 0 would disclose', ['vct']],
        ['the request can be answered'],
      ],
    ],
    [
      // pid's second claim set (family_name, postal_code, date_of_birth) is met;
      // the optional nice_to_have set is not, which the request allows.
      '200-consent-request-ready-credential-sets.har',
      [
        ['pid: held credential 0 would disclose', ['family_name', 'postal_code', 'date_of_birth']],
        ['the request can be answered'],
      ],
    ],
    ['200-in-progress.har', []],
  ])('matching example on %s', async (file, lines) => {
    const fetch = vi.fn(replayFetch(recorded(file)));
    vi.stubGlobal('fetch', fetch);
    vi.stubEnv('FORTID_WALLET_TOKEN', 'example-credential');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await import('../examples/matching.ts');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(log.mock.calls).toEqual(lines);
  });

  it('validate example accepts the spec example', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await import('../examples/validate.ts');
    expect(log.mock.calls).toEqual([['valid']]);
  });
});
