// `@credstat/fortid-wallet/dcql`: which of a wallet's own credentials answer a
// consent request's DCQL query, worked out by the OpenWallet Foundation's
// `dcql` library. Its own entry, so the client does not carry dcql or valibot.
import { type DcqlCredential, DcqlQuery, type DcqlQueryResult } from 'dcql';
import type { components } from './generated/types.gen.js';

type Schemas = components['schemas'];

export type { DcqlCredential, DcqlQueryResult };

/** A consent request object, its validated authorization request, or a bare DCQL query. */
export type DcqlQuerySource =
  | Schemas['ConsentRequestObject']
  | Schemas['AuthorizationRequest']
  | Schemas['DcqlQuery'];

/** A claims path pointer (OID4VP §7). */
export type ClaimPath = readonly (string | number | null)[];

export interface CredentialMatch {
  /** The credential's index in the list given. */
  index: number;
  credential: DcqlCredential;
  /** The query's `claim_sets` entry it satisfies first (the most preferred); `undefined` without `claim_sets`. */
  claimSet: number | undefined;
  /** The paths of the claims it would disclose; none when the query asks for no claims. */
  paths: ClaimPath[];
  /** Those claims' values, shaped like the credential's claims (an mdoc's by namespace). */
  claims: Record<string, unknown>;
}

export interface CredentialQueryMatch {
  /** The credential query's `id`. */
  id: string;
  /** At least one credential answers it. */
  satisfied: boolean;
  /** Every credential that answers it, in the order given. */
  credentials: CredentialMatch[];
}

export interface CredentialSetMatch {
  /** `false` when the verifier marked the use case optional. */
  required: boolean;
  options: string[][];
  /** The options whose credential queries are all satisfied. */
  satisfiedOptions: string[][];
  satisfied: boolean;
}

export interface DcqlMatch {
  /** Every required credential set is satisfied (without `credential_sets`: every credential query). */
  satisfied: boolean;
  /** One per credential query, in the query's order. */
  credentialQueries: CredentialQueryMatch[];
  /** One per `credential_sets` entry, in order; `undefined` when the query has none. */
  credentialSets: CredentialSetMatch[] | undefined;
  /** dcql's own result, with why each credential failed. */
  result: DcqlQueryResult;
}

function queryOf(source: DcqlQuerySource): unknown {
  if ('validated_authorization_request' in source) {
    return source.validated_authorization_request.dcql_query;
  }
  return 'dcql_query' in source ? source.dcql_query : source;
}

type ClaimsQuery = NonNullable<DcqlQuery['credentials'][number]['claims']>[number];

function pathOf(claim: ClaimsQuery): ClaimPath {
  return 'path' in claim ? claim.path : [claim.namespace, claim.claim_name];
}

/**
 * Matches the caller's credentials (described as dcql matches them: format,
 * `vct` or `doctype`, claims, holder binding) against the request's DCQL query.
 * Throws dcql's error for a query it cannot read (e.g. a format it does not know).
 */
export function matchDcqlQuery(
  source: DcqlQuerySource,
  credentials: readonly DcqlCredential[],
): DcqlMatch {
  const query = DcqlQuery.parse(queryOf(source) as DcqlQuery.Input);
  DcqlQuery.validate(query);
  const result = DcqlQuery.query(query, [...credentials]);
  const credentialQueries = query.credentials.map((credentialQuery): CredentialQueryMatch => {
    const matched = result.credential_matches[credentialQuery.id];
    const valid = matched?.success ? matched.valid_credentials : [];
    return {
      id: credentialQuery.id,
      satisfied: valid.length > 0,
      credentials: valid.map(({ input_credential_index: index, claims }) => {
        const [chosen] = claims.valid_claim_sets;
        const indexes = chosen.valid_claim_indexes ?? [];
        return {
          index,
          credential: credentials[index] as DcqlCredential,
          claimSet: chosen.claim_set_index,
          paths: indexes.map((claimIndex) =>
            pathOf(credentialQuery.claims?.[claimIndex] as ClaimsQuery),
          ),
          claims: chosen.output,
        };
      }),
    };
  });
  return {
    satisfied: result.can_be_satisfied,
    credentialQueries,
    credentialSets: result.credential_sets?.map((set) => ({
      required: set.required,
      options: set.options,
      satisfiedOptions: set.matching_options ?? [],
      satisfied: set.matching_options !== undefined,
    })),
    result,
  };
}
