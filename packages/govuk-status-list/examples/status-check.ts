import {
  createStatusListClient,
  isCredstatError,
  StatusListError,
} from '@credstat/govuk-status-list';

// One client per verifier: it caches each verified list for its `ttl`.
const lists = createStatusListClient({
  // The status list service's public keys: a JWKS URL, or a key set.
  jwks: JSON.parse(process.env.STATUS_LIST_JWKS ?? '{"keys":[]}'),
});

// A credential's status claim, as it stands.
const credential = {
  status: { status_list: { idx: 12, uri: 'https://crs.account.gov.uk/t/3B0F3BD087A7' } },
};

try {
  const { status } = await lists.checkTokenStatus(credential.status.status_list);
  console.log(status); // VALID | INVALID | SUSPENDED | APPLICATION_SPECIFIC | RESERVED
} catch (error) {
  // A list that fails verification (signature, typ, exp, sub) or has no such index...
  if (error instanceof StatusListError) console.log('cannot trust the list:', error.reason);
  // ...or could not be fetched (404, timeout, network): core's typed errors.
  else if (isCredstatError(error)) console.log('list unavailable:', error.kind);
  else throw error;
}
