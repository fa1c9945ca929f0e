// The mock's own status list key (ES256, made when first needed, never stored),
// its public JWKS, and the two list formats signed with it for the current
// index states: what `createStatusListClient` verifies and reads.
import { Bitstring } from '@digitalbazaar/bitstring';
import { StatusList } from '@sd-jwt/jwt-status-list';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { gzipBase64url } from '../gzip-base64url.js';

/** How long a signed list is valid: a day, as GOV.UK's published example. */
const VALIDITY_SECONDS = 86_400;
const STATUS_BITS = 2;

interface Key {
  privateKey: CryptoKey;
  jwk: JWK;
}

export class StatusListSigner {
  #key: Promise<Key> | undefined;

  constructor(private readonly now: () => number) {}

  #keyPair(): Promise<Key> {
    this.#key ??= (async () => {
      const { privateKey, publicKey } = await generateKeyPair('ES256');
      const kid = `credstat-mock-${crypto.randomUUID()}`;
      return {
        privateKey,
        jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' },
      };
    })();
    return this.#key;
  }

  /** The public half, as the JWKS a verifier is given. */
  async jwks(): Promise<{ keys: JWK[] }> {
    return { keys: [(await this.#keyPair()).jwk] };
  }

  async #sign(payload: Record<string, unknown>, typ: string): Promise<string> {
    const { privateKey, jwk } = await this.#keyPair();
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'ES256', typ, kid: jwk.kid as string })
      .sign(privateKey);
  }

  /** An IETF Token Status List token for list `uri` (no `ttl`: never cached, so a revocation shows at once). */
  tokenStatusList(uri: string, issuer: string, size: number, revoked: readonly number[]) {
    const statuses = new Array<number>(size).fill(0);
    for (const idx of revoked) if (idx < size) statuses[idx] = 1;
    const iat = Math.floor(this.now() / 1000);
    return this.#sign(
      {
        iss: issuer,
        sub: uri,
        iat,
        exp: iat + VALIDITY_SECONDS,
        status_list: {
          bits: STATUS_BITS,
          lst: new StatusList(statuses, STATUS_BITS).compressStatusList(),
        },
      },
      'statuslist+jwt',
    );
  }

  /** A W3C Bitstring Status List credential for list `uri` (no `ttl`, as above). */
  async bitstringStatusList(uri: string, issuer: string, size: number, revoked: readonly number[]) {
    const bits = new Bitstring({ length: size });
    for (const idx of revoked) if (idx < size) bits.set(idx, true);
    const now = this.now();
    return this.#sign(
      {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        id: uri,
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        issuer,
        validFrom: new Date(now).toISOString(),
        validUntil: new Date(now + VALIDITY_SECONDS * 1000).toISOString(),
        credentialSubject: {
          id: `${uri}#list`,
          type: 'BitstringStatusList',
          statusPurpose: 'revocation',
          encodedList: `u${await gzipBase64url(bits.bits)}`,
        },
      },
      'vc+jwt',
    );
  }
}
