// DCQL's rules beside the wallet's schema (packages/fortid-wallet/src/dcql-checks.ts),
// on generated queries: a repair that makes any schema-valid query meet them
// (unique credential and claim ids, `claim_sets` and `credential_sets` naming
// defined ids), and the faults that break exactly one rule, each with the
// JSON Pointer its issue must carry.
import type { Overrides } from './arbitrary.ts';

interface Claim {
  id?: string;
  [member: string]: unknown;
}
interface CredentialQuery {
  id: string;
  claims?: Claim[];
  claim_sets?: string[][];
  [member: string]: unknown;
}
interface CredentialSet {
  options: string[][];
  [member: string]: unknown;
}
export interface DcqlQuery {
  credentials: CredentialQuery[];
  credential_sets?: CredentialSet[];
  [member: string]: unknown;
}

/** Where the wallet's 200 body keeps its DCQL query. */
export const QUERY_POINTER = '/consentRequestObject/validated_authorization_request/dcql_query';

/** `id`, or it with `_` appended until `taken` lacks it (`_` keeps it a DcqlId). */
function freshId(id: string, taken: ReadonlySet<string>): string {
  let fresh = id;
  while (taken.has(fresh)) fresh += '_';
  return fresh;
}

/** Ids made unique in order; returns the set of them. */
function makeUnique<T extends { id?: string }>(items: T[]): string[] {
  const seen = new Set<string>();
  for (const item of items) {
    if (item.id === undefined) continue;
    item.id = freshId(item.id, seen);
    seen.add(item.id);
  }
  return [...seen];
}

/** Each reference that names nothing in `known` replaced by one that does (by position). */
function pointInto(lists: string[][], known: string[]): string[][] {
  return lists.map((list) =>
    list.map((id, index) => (known.includes(id) ? id : (known[index % known.length] as string))),
  );
}

/** A schema-valid DCQL query made to meet the rules beside the schema. */
export function repairDcqlQuery(generated: DcqlQuery): DcqlQuery {
  const query = structuredClone(generated);
  const credentialIds = makeUnique(query.credentials);
  for (const credential of query.credentials) {
    const claimIds = makeUnique(credential.claims ?? []);
    if (credential.claim_sets === undefined) continue;
    if (claimIds.length === 0) delete credential.claim_sets;
    else credential.claim_sets = pointInto(credential.claim_sets, claimIds);
  }
  for (const set of query.credential_sets ?? [])
    set.options = pointInto(set.options, credentialIds);
  return query;
}

/** The wallet's generators: every DcqlQuery meets DCQL's rules. */
export const DCQL_OVERRIDES: Overrides = {
  DcqlQuery: (generic) => generic.map((query) => repairDcqlQuery(query as DcqlQuery)),
};

export function queryOf(body: unknown): DcqlQuery {
  const query = (
    body as { consentRequestObject: { validated_authorization_request: { dcql_query: DcqlQuery } } }
  ).consentRequestObject.validated_authorization_request.dcql_query;
  if (!query) throw new Error('the body has no DCQL query');
  return query;
}

/** A fault in a query: changes it in place, returns the pointer an issue must name (a prefix). */
export type DcqlFault = (query: DcqlQuery, pick: number) => string;

const pickOf = <T>(items: readonly T[], pick: number): [T, number] => {
  const index = pick % items.length;
  return [items[index] as T, index];
};

export const DCQL_FAULTS: Record<string, DcqlFault> = {
  'duplicate credential id': (query, pick) => {
    const { credentials } = query;
    const [original, index] = pickOf(credentials, pick);
    if (credentials.length === 1) {
      credentials.push(structuredClone(original));
      return `${QUERY_POINTER}/credentials/1/id`;
    }
    // The later of the two is the one reported.
    const other = (index + 1 + (pick % (credentials.length - 1))) % credentials.length;
    (credentials[other] as CredentialQuery).id = original.id;
    return `${QUERY_POINTER}/credentials/${Math.max(index, other)}/id`;
  },
  'unknown claim id in claim_sets': (query, pick) => {
    const [credential, index] = pickOf(query.credentials, pick);
    const known = new Set((credential.claims ?? []).flatMap((claim) => claim.id ?? []));
    const unknown = freshId('unknown_claim', known);
    const sets = credential.claim_sets ?? [];
    credential.claim_sets = sets;
    if (sets.length === 0) sets.push([unknown]);
    else pickOf(sets, pick)[0].push(unknown);
    return `${QUERY_POINTER}/credentials/${index}/claim_sets/`;
  },
  'duplicate claim id': (query, pick) => {
    const [credential, index] = pickOf(query.credentials, pick);
    const claims = credential.claims ?? [];
    credential.claims = claims;
    const named = claims.filter((claim) => claim.id !== undefined);
    const copy = named.length > 0 ? pickOf(named, pick)[0] : { id: 'claim', path: ['a'] };
    if (named.length === 0) claims.push(structuredClone(copy));
    claims.push(structuredClone(copy));
    return `${QUERY_POINTER}/credentials/${index}/claims/${claims.length - 1}/id`;
  },
  'unknown credential id in credential_sets': (query, pick) => {
    const known = new Set(query.credentials.map((credential) => credential.id));
    const unknown = freshId('unknown_credential', known);
    const sets = query.credential_sets ?? [];
    query.credential_sets = sets;
    if (sets.length === 0) sets.push({ options: [[unknown]] });
    else pickOf(pickOf(sets, pick)[0].options, pick)[0].push(unknown);
    return `${QUERY_POINTER}/credential_sets/`;
  },
};
