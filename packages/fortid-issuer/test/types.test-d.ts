// What the types promise: the union narrows on issuanceSessionStatus, and the
// documented 401/403 have no body (undefined, not unknown).
import * as issuer from '@credstat/fortid-issuer';
import { validateResponse } from '@credstat/fortid-issuer/validators';
import { describe, expectTypeOf, it } from 'vitest';

describe('types', () => {
  it('narrows the 200 body on its status; description comes with ISSUANCE_FAILED', () => {
    const body = {} as issuer.IssuanceSessionStatus;
    if (body.issuanceSessionStatus === 'ISSUANCE_FAILED') {
      expectTypeOf(body.description).toEqualTypeOf<string>();
    }
    expectTypeOf<issuer.TerminalIssuanceSessionStatus['issuanceSessionStatus']>().toEqualTypeOf<
      'ISSUANCE_FAILED' | 'ISSUANCE_SUCCEEDED'
    >();
  });

  it('401 and 403 have no body, in errors and in the validator', () => {
    const error = {} as unknown;
    if (issuer.isGetIssuanceSessionStatusError(error)) {
      expectTypeOf(error.status).toEqualTypeOf<400 | 401 | 403 | 404 | 410 | 500>();
      if (error.hasStatus(401)) expectTypeOf(error.body).toEqualTypeOf<undefined>();
      if (error.hasStatus(403)) expectTypeOf(error.body).toEqualTypeOf<undefined>();
      if (error.hasStatus(404)) expectTypeOf(error.body).toEqualTypeOf<{ message: string }>();
    }
    expectTypeOf<issuer.GetIssuanceSessionStatusError['kind']>().toEqualTypeOf<'api'>();
    const result = validateResponse('getIssuanceSessionStatus', 401, undefined);
    if (result.ok) expectTypeOf(result.value).toEqualTypeOf<undefined>();
  });
});
