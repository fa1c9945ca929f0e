// `@credstat/fortid-wallet/dcql`: which of the caller's credentials answer a
// consent request's DCQL query, and what each would disclose (dcql's matching).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { components } from '@credstat/fortid-wallet';
import { type DcqlCredential, matchDcqlQuery } from '@credstat/fortid-wallet/dcql';
import { fixtureEntry } from '@credstat/tools/testing';
import { DcqlNonUniqueCredentialQueryIdsError, type DcqlSdJwtVcCredential } from 'dcql';
import { describe, expect, it } from 'vitest';

type ConsentRequestObject = components['schemas']['ConsentRequestObject'];
type DcqlQuery = components['schemas']['DcqlQuery'];

const fixtures = join(import.meta.dirname, '../../../specs/fortid-wallet/fixtures');
const consentIn = (file: string) =>
  JSON.parse(fixtureEntry(fixtures, file).response.content.text ?? '')
    .consentRequestObject as ConsentRequestObject;
const example = (name: string) =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, 'oid4vp-dcql-examples', name), 'utf8'),
  ) as DcqlQuery;

const sdJwt = (vct: string, claims: DcqlSdJwtVcCredential['claims']): DcqlCredential => ({
  credential_format: 'dc+sd-jwt',
  vct,
  claims: { vct, ...claims },
  cryptographic_holder_binding: true,
});
const mdl: DcqlCredential = {
  credential_format: 'mso_mdoc',
  doctype: 'org.iso.18013.5.1.mDL',
  namespaces: { 'org.iso.18013.5.1': { given_name: 'Arthur' } },
  cryptographic_holder_binding: true,
};

describe('matchDcqlQuery on the seed consent request (my_credential: dc+sd-jwt, path [vct])', () => {
  const consent = consentIn('200-consent-request-ready.har');
  const dummy = sdJwt('https://www.issuer.com/dummy-credential', { name: 'John' });

  it('a matching credential satisfies it and would disclose vct', () => {
    const match = matchDcqlQuery(consent, [mdl, dummy]);
    expect(match.satisfied).toBe(true);
    expect(match.credentialSets).toBeUndefined();
    expect(match.credentialQueries).toEqual([
      {
        id: 'my_credential',
        satisfied: true,
        credentials: [
          {
            index: 1,
            credential: dummy,
            claimSet: undefined,
            paths: [['vct']],
            claims: { vct: 'https://www.issuer.com/dummy-credential' },
          },
        ],
      },
    ]);
  });

  it.each([
    ['an mdoc', mdl],
    [
      'an SD-JWT without holder binding, which the query requires',
      { ...dummy, cryptographic_holder_binding: false },
    ],
  ])('%s does not', (_name, credential) => {
    const match = matchDcqlQuery(consent, [credential as DcqlCredential]);
    expect(match.satisfied).toBe(false);
    expect(match.credentialQueries).toEqual([
      { id: 'my_credential', satisfied: false, credentials: [] },
    ]);
    expect(match.result.credential_matches.my_credential?.failed_credentials).toHaveLength(1);
  });

  it('takes the consent request object, its authorization request or the bare query alike', () => {
    const request = consent.validated_authorization_request;
    const { result: _r1, ...fromObject } = matchDcqlQuery(consent, [dummy]);
    const { result: _r2, ...fromRequest } = matchDcqlQuery(request, [dummy]);
    const { result: _r3, ...fromQuery } = matchDcqlQuery(request.dcql_query, [dummy]);
    expect(fromRequest).toEqual(fromObject);
    expect(fromQuery).toEqual(fromObject);
  });
});

describe('matchDcqlQuery on OID4VP 1.0 credentials_alternatives.json', () => {
  // Required: pid, or other_pid, or pid_reduced_cred_1 + pid_reduced_cred_2.
  // Optional: nice_to_have.
  const query = example('credentials_alternatives.json');
  const pid = sdJwt('https://credentials.example.com/identity_credential', {
    given_name: 'Arthur',
    family_name: 'Dent',
    address: { street_address: '155 Country Lane', locality: 'Cottington' },
    birthdate: '1952-03-11',
  });
  const reduced = sdJwt('https://credentials.example.com/reduced_identity_credential', {
    given_name: 'Arthur',
    family_name: 'Dent',
  });
  const rewards = sdJwt('https://company.example/company_rewards', { rewards_number: 42 });
  const unrelated = sdJwt('https://other.example/library_card', { card_number: '7' });
  const satisfiedIds = (credentials: DcqlCredential[]) =>
    matchDcqlQuery(query, credentials)
      .credentialQueries.filter((credentialQuery) => credentialQuery.satisfied)
      .map((credentialQuery) => credentialQuery.id);

  it('fully satisfied: pid answers the required set, the rewards card the optional one', () => {
    const match = matchDcqlQuery(query, [unrelated, pid, rewards]);
    expect(match.satisfied).toBe(true);
    expect(match.credentialSets).toEqual([
      {
        required: true,
        options: [['pid'], ['other_pid'], ['pid_reduced_cred_1', 'pid_reduced_cred_2']],
        satisfiedOptions: [['pid']],
        satisfied: true,
      },
      {
        required: false,
        options: [['nice_to_have']],
        satisfiedOptions: [['nice_to_have']],
        satisfied: true,
      },
    ]);
    expect(satisfiedIds([unrelated, pid, rewards])).toEqual(['pid', 'nice_to_have']);
    const [pidMatch] = match.credentialQueries;
    expect(pidMatch?.credentials).toEqual([
      {
        index: 1,
        credential: pid,
        claimSet: undefined,
        paths: [['given_name'], ['family_name'], ['address', 'street_address']],
        // Only the requested claims: not locality, not birthdate.
        claims: {
          given_name: 'Arthur',
          family_name: 'Dent',
          address: { street_address: '155 Country Lane' },
        },
      },
    ]);
  });

  it('partly satisfied: half of the reduced option and the optional set leave the required set unmet', () => {
    const match = matchDcqlQuery(query, [reduced, rewards]);
    expect(match.satisfied).toBe(false);
    expect(satisfiedIds([reduced, rewards])).toEqual(['pid_reduced_cred_1', 'nice_to_have']);
    expect(
      match.credentialSets?.map(({ required, satisfied }) => ({ required, satisfied })),
    ).toEqual([
      { required: true, satisfied: false },
      { required: false, satisfied: true },
    ]);
  });

  it('not satisfied at all: nothing answers any credential query', () => {
    const match = matchDcqlQuery(query, [unrelated, mdl]);
    expect(match.satisfied).toBe(false);
    expect(satisfiedIds([unrelated, mdl])).toEqual([]);
    expect(match.credentialSets?.map((set) => set.satisfiedOptions)).toEqual([[], []]);
  });
});

describe('matchDcqlQuery with claim_sets (the credential-sets fixture)', () => {
  const consent = consentIn('200-consent-request-ready-credential-sets.har');

  it('names the most preferred claim set a credential satisfies, and only its claims', () => {
    // pid's claim_sets: [a, c, d, e] (locality, region), else [a, b, e] (postal_code).
    const pid = sdJwt('https://credentials.example.com/identity_credential', {
      family_name: 'Dent',
      postal_code: '12345',
      date_of_birth: '1990-01-01',
      nickname: 'Ford',
    });
    const [pidMatch] = matchDcqlQuery(consent, [pid]).credentialQueries;
    expect(pidMatch).toMatchObject({
      id: 'pid',
      satisfied: true,
      credentials: [
        {
          claimSet: 1,
          paths: [['family_name'], ['postal_code'], ['date_of_birth']],
          claims: { family_name: 'Dent', postal_code: '12345', date_of_birth: '1990-01-01' },
        },
      ],
    });
  });
});

describe('matchDcqlQuery on a query dcql rejects', () => {
  it('throws dcql’s error', () => {
    const credential = example('simple.json').credentials[0];
    const twice = { credentials: [credential, credential] } as DcqlQuery;
    expect(() => matchDcqlQuery(twice, [])).toThrow(DcqlNonUniqueCredentialQueryIdsError);
  });
});
