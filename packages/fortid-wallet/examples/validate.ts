import { validateResponse } from '@credstat/fortid-wallet/validators';

// A body from anywhere (a webhook, a cache, a log): check it against the spec.
const body: unknown = {
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
const result = validateResponse('getVerifySessionStatus', 200, body);
console.log(result.ok ? 'valid' : result.issues);
