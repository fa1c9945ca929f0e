// The DCQL rules of OID4VP 1.0 §6 that a JSON Schema cannot express: ids that
// must be unique, and references that must name something defined.
import type { ValidationIssue } from '@credstat/core/validation';
import type { components } from './generated/types.gen.js';

type DcqlQuery = components['schemas']['DcqlQuery'];
type DcqlCredentialQuery = components['schemas']['DcqlCredentialQuery'];
type VerifySessionStatus = components['schemas']['VerifySessionStatus'];

const QUERY_IN_STATUS = '/consentRequestObject/validated_authorization_request/dcql_query';

/** The first index of each id, and an issue for every later one. */
function uniqueIds(ids: readonly (string | undefined)[], at: (index: number) => string) {
  const first = new Map<string, number>();
  const issues: ValidationIssue[] = [];
  ids.forEach((id, index) => {
    if (id === undefined) return;
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, index);
    else issues.push({ path: at(index), message: `repeats the id "${id}" of ${at(earlier)}` });
  });
  return { ids: new Set(first.keys()), issues };
}

/** Every id in `lists` that `known` lacks, as an issue at its own pointer. */
function undefinedIds(
  lists: readonly (readonly string[])[],
  known: ReadonlySet<string>,
  at: string,
  what: string,
): ValidationIssue[] {
  return lists.flatMap((list, i) =>
    list.flatMap((id, j) =>
      known.has(id) ? [] : [{ path: `${at}/${i}/${j}`, message: `names no ${what}: "${id}"` }],
    ),
  );
}

function credentialQueryIssues(query: DcqlCredentialQuery, at: string): ValidationIssue[] {
  const claims = uniqueIds(
    (query.claims ?? []).map((claim) => claim.id),
    (index) => `${at}/claims/${index}/id`,
  );
  const claimSets = query.claim_sets ?? [];
  return [
    ...claims.issues,
    ...undefinedIds(claimSets, claims.ids, `${at}/claim_sets`, 'claim of this query'),
  ];
}

/**
 * The issues of a DCQL query its schema accepted: credential query ids unique,
 * claim ids unique within their `claims`, `claim_sets` naming claims of their
 * own query, `credential_sets` options naming credential queries. `at` is the
 * query's JSON Pointer in the body.
 */
export function dcqlQueryIssues(query: DcqlQuery, at = ''): ValidationIssue[] {
  const credentials = uniqueIds(
    query.credentials.map((credential) => credential.id),
    (index) => `${at}/credentials/${index}/id`,
  );
  return [
    ...credentials.issues,
    ...query.credentials.flatMap((credential, index) =>
      credentialQueryIssues(credential, `${at}/credentials/${index}`),
    ),
    ...(query.credential_sets ?? []).flatMap((set, index) =>
      undefinedIds(
        set.options,
        credentials.ids,
        `${at}/credential_sets/${index}/options`,
        'credential query',
      ),
    ),
  ];
}

/** The check beside the 200 schema: the DCQL query of a consent request, when there is one. */
export function verifySessionStatusIssues(body: unknown): ValidationIssue[] {
  const query = (body as VerifySessionStatus).consentRequestObject?.validated_authorization_request
    .dcql_query;
  return query ? dcqlQueryIssues(query, QUERY_IN_STATUS) : [];
}
