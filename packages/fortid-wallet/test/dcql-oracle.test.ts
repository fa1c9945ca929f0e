// An independent oracle for our DCQL validation: the OpenWallet Foundation's
// `dcql` library (DcqlQuery.parse + DcqlQuery.validate) judges every DCQL query
// we have beside our validator (the generated schema plus src/dcql-checks.ts).
// Both must agree, except on KNOWN_DIFFERENCES below; each of those must stay a
// difference, so the list stays true.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createResponseValidator } from '@credstat/core';
import type { operations } from '@credstat/fortid-wallet';
import { validateResponse } from '@credstat/fortid-wallet/validators';
import { DcqlQuery } from 'dcql';
import { describe, expect, it } from 'vitest';
import { api as schemaOnlyApi } from '../src/generated/api.gen.js';

const fixtures = join(import.meta.dirname, '../../../specs/fortid-wallet/fixtures');
const examples = join(import.meta.dirname, 'oid4vp-dcql-examples');

type Body = { consentRequestObject?: { validated_authorization_request: { dcql_query: unknown } } };

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const fixtureBodies = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.har'))
    .map((name) => {
      const har = readJson(join(dir, name)) as {
        log: { entries: { response: { content: { text?: string } } }[] };
      };
      const text = har.log.entries[0]?.response.content.text ?? '';
      return [name, text === '' ? undefined : (JSON.parse(text) as Body)] as const;
    });
const queriesIn = (dir: string) =>
  fixtureBodies(dir).flatMap(([name, body]) => {
    const query = body?.consentRequestObject?.validated_authorization_request.dcql_query;
    return query === undefined ? [] : [[name, query] as const];
  });

/** The seed's consent request, whose dcql_query each case replaces. */
const [, seed] =
  fixtureBodies(fixtures).find(([name]) => name === '200-consent-request-ready.har') ?? [];
const wrap = (query: unknown) => {
  const body = structuredClone(seed) as Body;
  if (!body.consentRequestObject) throw new Error('the seed fixture has no consent request');
  body.consentRequestObject.validated_authorization_request.dcql_query = structuredClone(query);
  return body;
};

const validateSchemaOnly = createResponseValidator<operations>(schemaOnlyApi);
const ours = (query: unknown) => validateResponse('getVerifySessionStatus', 200, wrap(query)).ok;
const schemaAlone = (query: unknown) =>
  validateSchemaOnly('getVerifySessionStatus', 200, wrap(query)).ok;
const dcql = (query: unknown) => {
  try {
    DcqlQuery.validate(DcqlQuery.parse(structuredClone(query) as DcqlQuery.Input));
    return true;
  } catch {
    return false;
  }
};

/** A dc+sd-jwt Credential Query that both accept, with `change` applied. */
const credential = (change: Record<string, unknown> = {}) => ({
  id: 'pid',
  format: 'dc+sd-jwt',
  meta: { vct_values: ['https://credentials.example.com/identity_credential'] },
  claims: [{ path: ['given_name'] }],
  ...change,
});
const mdoc = (change: Record<string, unknown> = {}) =>
  credential({
    format: 'mso_mdoc',
    meta: { doctype_value: 'org.iso.18013.5.1.mDL' },
    claims: [{ path: ['org.iso.18013.5.1', 'given_name'] }],
    ...change,
  });
const query = (...credentials: object[]) => ({ credentials });
const withoutMeta = (credentialQuery: object) => {
  const { meta: _, ...rest } = credentialQuery as { meta?: unknown };
  return rest;
};

/** Variations both accept. */
const BOTH_ACCEPT: Record<string, unknown> = {
  'FortID meta {} on dc+sd-jwt': query(credential({ meta: {} })),
  // Our `format` is any string (OID4VP's format identifiers are an open list),
  // so the pre-1.0 vc+sd-jwt that dcql still knows is no difference.
  'format vc+sd-jwt': query(credential({ format: 'vc+sd-jwt' })),
  'claims omitted': query(credential({ claims: undefined })),
  'unknown members': { ...query(credential({ extra: 1 })), extra: true },
  'path with null and index': query(credential({ claims: [{ path: ['nationalities', null, 0] }] })),
  'values to match': query(credential({ claims: [{ path: ['age'], values: [18, true, 'x'] }] })),
  // OID4VP §7.2 says an mdoc pointer has exactly two strings; dcql drops the
  // third silently and our pointer is format-agnostic, so both accept.
  'mdoc path of three strings': query(mdoc({ claims: [{ path: ['ns', 'a', 'b'] }] })),
  'claim_sets naming defined claims': query(
    credential({
      claims: [
        { id: 'a', path: ['a'] },
        { id: 'b', path: ['b'] },
      ],
      claim_sets: [['a', 'b'], ['a']],
    }),
  ),
  'two queries and a credential set': {
    ...query(credential(), mdoc({ id: 'mdl' })),
    credential_sets: [{ options: [['pid'], ['mdl']] }, { required: false, options: [['mdl']] }],
  },
};

/** Variations both reject. */
const BOTH_REJECT: Record<string, unknown> = {
  'empty credentials': { credentials: [] },
  'credentials missing': {},
  'bad credential id': query(credential({ id: 'my credential' })),
  'empty credential id': query(credential({ id: '' })),
  'missing credential id': query(credential({ id: undefined })),
  'bad claim id': query(credential({ claims: [{ id: 'a b', path: ['x'] }] })),
  'empty path': query(credential({ claims: [{ path: [] }] })),
  'missing path': query(credential({ claims: [{ id: 'a' }] })),
  'negative path index': query(credential({ claims: [{ path: ['a', -1] }] })),
  'fractional path index': query(credential({ claims: [{ path: ['a', 1.5] }] })),
  'empty claims': query(credential({ claims: [] })),
  'empty claim_sets': query(credential({ claim_sets: [] })),
  'empty claim set': query(credential({ claims: [{ id: 'a', path: ['a'] }], claim_sets: [[]] })),
  'empty credential_sets': { ...query(credential()), credential_sets: [] },
  'credential set without options': { ...query(credential()), credential_sets: [{}] },
  'missing format': query(credential({ format: undefined })),
  'multiple not a boolean': query(credential({ multiple: 'yes' })),
  'required not a boolean': {
    ...query(credential()),
    credential_sets: [{ options: [['pid']], required: 'no' }],
  },
  'fractional value': query(credential({ claims: [{ path: ['a'], values: [1.5] }] })),
  'null value': query(credential({ claims: [{ path: ['a'], values: [null] }] })),
  'trusted_authorities values empty': query(
    credential({ trusted_authorities: [{ type: 'aki', values: [] }] }),
  ),
  'W3C type_values empty': query(credential({ format: 'ldp_vc', meta: { type_values: [] } })),
  'W3C type_values entry empty': query(
    credential({ format: 'jwt_vc_json', meta: { type_values: [[]] } }),
  ),
  'mdoc doctype_value not a string': query(mdoc({ meta: { doctype_value: 1 } })),
  'vct_values not strings': query(credential({ meta: { vct_values: [1] } })),
};

/**
 * Rules our schema alone cannot express, which dcql's validate enforces: the
 * schema accepts these, src/dcql-checks.ts rejects them, and so we agree.
 */
const CHECKED: Record<string, unknown> = {
  'duplicate credential query ids': query(credential(), mdoc({ id: 'pid' })),
  'claim_sets naming an unknown claim id': query(
    credential({ claims: [{ id: 'a', path: ['a'] }], claim_sets: [['a', 'b']] }),
  ),
  'claim_sets without claims': query(credential({ claims: undefined, claim_sets: [['a']] })),
  'credential_sets option naming an unknown credential query': {
    ...query(credential()),
    credential_sets: [{ options: [['pid'], ['other_pid']] }],
  },
};

interface KnownDifference {
  query: unknown;
  /** What our validator says; dcql says the opposite. */
  ours: 'accepts' | 'rejects';
  why: string;
}

const KNOWN_DIFFERENCES: Record<string, KnownDifference> = {
  'dc+sd-jwt without meta': {
    query: query(withoutMeta(credential())),
    ours: 'rejects',
    why: 'OID4VP 1.0 §6.1 requires `meta` (our spec too, though it may be `{}` as FortID sends); dcql 3 makes it optional',
  },
  'mso_mdoc without meta': {
    query: query(withoutMeta(mdoc())),
    ours: 'rejects',
    why: 'the same: `meta` is REQUIRED in OID4VP 1.0, optional in dcql 3 for mdoc',
  },
  'mdoc claim as namespace/claim_name': {
    query: query(mdoc({ claims: [{ namespace: 'org.iso.18013.5.1', claim_name: 'given_name' }] })),
    ours: 'rejects',
    why: 'the pre-1.0 mdoc claim form; OID4VP 1.0 has only `path`, dcql 3 still accepts the old one',
  },
  'a format dcql does not know': {
    query: query(credential({ format: 'example_format' })),
    ours: 'accepts',
    why: 'Credential Format Identifiers are an open list and our `format` is any string; dcql 3 knows five',
  },
  'W3C format with meta {}': {
    query: query(credential({ format: 'jwt_vc_json', meta: {} })),
    ours: 'accepts',
    why: 'our `meta` requires nothing (FortID sends `{}`), not even `type_values`, which OID4VP B.1 and dcql require for W3C formats',
  },
  'mdoc path of one string': {
    query: query(mdoc({ claims: [{ path: ['org.iso.18013.5.1'] }] })),
    ours: 'accepts',
    why: 'our claims path pointer is format-agnostic; OID4VP §7.2 and dcql want two strings for an mdoc',
  },
  'mdoc path with null': {
    query: query(mdoc({ claims: [{ path: ['org.iso.18013.5.1', null] }] })),
    ours: 'accepts',
    why: 'the same: any pointer element is allowed here; an mdoc pointer is two strings in OID4VP §7.2 and dcql',
  },
  'empty values': {
    query: query(credential({ claims: [{ path: ['a'], values: [] }] })),
    ours: 'rejects',
    why: 'OID4VP §6.3: `values` is a non-empty array; dcql 3 accepts []',
  },
  'empty vct_values': {
    query: query(credential({ meta: { vct_values: [] } })),
    ours: 'rejects',
    why: 'OID4VP B.3.5: `vct_values` is a non-empty array; dcql 3 accepts []',
  },
  'empty credential_sets option': {
    query: { ...query(credential()), credential_sets: [{ options: [[]] }] },
    ours: 'rejects',
    why: 'OID4VP §6.2: each option is a non-empty list of ids; dcql 3 accepts []',
  },
  'duplicate claim ids': {
    query: query(
      credential({
        claims: [
          { id: 'a', path: ['given_name'] },
          { id: 'a', path: ['family_name'] },
        ],
      }),
    ),
    ours: 'rejects',
    why: 'OID4VP §6.3: an id MUST NOT repeat within `claims` (src/dcql-checks.ts); dcql 3 checks only that claim_sets ids exist',
  },
  'trusted authority of another type': {
    query: query(credential({ trusted_authorities: [{ type: 'example_type', values: ['x'] }] })),
    ours: 'accepts',
    why: 'OID4VP §6.1.1 lists types without closing the list; dcql 3 knows aki, etsi_tl and openid_federation only',
  },
  'etsi_tl value not an https URL': {
    query: query(credential({ trusted_authorities: [{ type: 'etsi_tl', values: ['tl-1'] }] })),
    ours: 'accepts',
    why: 'our values are plain strings; dcql 3 checks each etsi_tl value is an https URL',
  },
  'credential set purpose not a string, number or object': {
    query: { ...query(credential()), credential_sets: [{ options: [['pid']], purpose: true }] },
    ours: 'accepts',
    why: 'OID4VP 1.0 has no `purpose` (an unknown member is ignored); dcql 3 still types the draft one',
  },
};

describe('DCQL: our validator against the dcql library', () => {
  const examplesFiles = readdirSync(examples).filter((name) => name.endsWith('.json'));

  it('has the 9 OID4VP 1.0 examples and fixtures with DCQL queries', () => {
    expect(examplesFiles).toHaveLength(9);
    expect(queriesIn(fixtures).length).toBeGreaterThanOrEqual(2);
    expect(queriesIn(join(fixtures, 'rejected')).length).toBeGreaterThanOrEqual(4);
  });

  it.each(examplesFiles)('OID4VP 1.0 example %s: both accept', (name) => {
    const example = readJson(join(examples, name));
    expect({ ours: ours(example), dcql: dcql(example) }).toEqual({ ours: true, dcql: true });
  });

  it.each(queriesIn(fixtures))('fixture %s: both accept its dcql_query', (_name, fixture) => {
    expect({ ours: ours(fixture), dcql: dcql(fixture) }).toEqual({ ours: true, dcql: true });
  });

  it.each(queriesIn(join(fixtures, 'rejected')))(
    'rejected fixture %s: both judge its dcql_query alike',
    (name, fixture) => {
      // Only the 200-dcql-* fixtures are rejected for their query; the others' is the seed's.
      const valid = !name.startsWith('200-dcql-');
      expect({ ours: ours(fixture), dcql: dcql(fixture) }).toEqual({ ours: valid, dcql: valid });
    },
  );

  it.each(Object.entries(BOTH_ACCEPT))('variation "%s": both accept', (_name, variation) => {
    expect({ ours: ours(variation), dcql: dcql(variation) }).toEqual({ ours: true, dcql: true });
  });

  it.each(Object.entries(BOTH_REJECT))('variation "%s": both reject', (_name, variation) => {
    expect({ ours: ours(variation), dcql: dcql(variation) }).toEqual({ ours: false, dcql: false });
  });

  it.each(Object.entries(CHECKED))(
    'variation "%s": the schema alone accepts, the checks and dcql reject',
    (_name, variation) => {
      expect({
        schemaAlone: schemaAlone(variation),
        ours: ours(variation),
        dcql: dcql(variation),
      }).toEqual({ schemaAlone: true, ours: false, dcql: false });
    },
  );

  it.each(Object.entries(KNOWN_DIFFERENCES))(
    'known difference "%s" is still one',
    (_name, { query: variation, ours: verdict }) => {
      const accepts = verdict === 'accepts';
      expect({ ours: ours(variation), dcql: dcql(variation) }).toEqual({
        ours: accepts,
        dcql: !accepts,
      });
    },
  );
});
