// What the types promise: consentRequestObject comes with CONSENT_REQUEST_READY
// and only with it; each wait resolves to its own terminal statuses.
import type {
  components,
  TerminalConsentRequestStatus,
  TerminalVerifyResultStatus,
  VerifySessionStatus,
} from '@credstat/fortid-wallet';
import { createClient, waitForConsentRequest, waitForVerifyResult } from '@credstat/fortid-wallet';
import type { DcqlMatch, DcqlQuerySource } from '@credstat/fortid-wallet/dcql';
import { matchDcqlQuery } from '@credstat/fortid-wallet/dcql';
import { validateResponse } from '@credstat/fortid-wallet/validators';
import { describe, expectTypeOf, it } from 'vitest';

type ConsentRequestObject = components['schemas']['ConsentRequestObject'];
type WithStatus<S> = Extract<VerifySessionStatus, { status: S }>;

describe('types', () => {
  it('consentRequestObject is required with CONSENT_REQUEST_READY', () => {
    expectTypeOf<
      WithStatus<'CONSENT_REQUEST_READY'>['consentRequestObject']
    >().toEqualTypeOf<ConsentRequestObject>();
    expectTypeOf<
      Pick<WithStatus<'CONSENT_REQUEST_READY'>, 'consentRequestObject'>
    >().toEqualTypeOf<{ consentRequestObject: ConsentRequestObject }>();
    const body = {} as VerifySessionStatus;
    if (body.status === 'CONSENT_REQUEST_READY') {
      expectTypeOf(body.consentRequestObject).toEqualTypeOf<ConsentRequestObject>();
    } else {
      expectTypeOf(body.consentRequestObject).toEqualTypeOf<undefined>();
    }
  });

  it('and never present with any other status', () => {
    type Others = Exclude<VerifySessionStatus['status'], 'CONSENT_REQUEST_READY'>;
    expectTypeOf<Others>().toEqualTypeOf<'IN_PROGRESS' | 'VERIFY_SUCCEEDED' | 'VERIFY_FAILED'>();
    expectTypeOf<WithStatus<Others>['consentRequestObject']>().toEqualTypeOf<undefined>();
    expectTypeOf<Pick<WithStatus<'IN_PROGRESS'>, 'consentRequestObject'>>().toEqualTypeOf<{
      consentRequestObject?: never;
    }>();
    // @ts-expect-error IN_PROGRESS carries no consent request
    const inProgress: VerifySessionStatus = { status: 'IN_PROGRESS', consentRequestObject: {} };
    // @ts-expect-error CONSENT_REQUEST_READY needs its consent request
    const ready: VerifySessionStatus = { status: 'CONSENT_REQUEST_READY' };
    void [inProgress, ready];
  });

  it('each wait resolves to its terminal statuses only', () => {
    const client = createClient({ token: 't' });
    const args = { walletId: 'w', verificationSessionId: 's' };
    expectTypeOf(
      waitForConsentRequest(client, args),
    ).resolves.toEqualTypeOf<TerminalConsentRequestStatus>();
    expectTypeOf<TerminalConsentRequestStatus['status']>().toEqualTypeOf<
      'CONSENT_REQUEST_READY' | 'VERIFY_SUCCEEDED' | 'VERIFY_FAILED'
    >();
    expectTypeOf(
      waitForVerifyResult(client, args),
    ).resolves.toEqualTypeOf<TerminalVerifyResultStatus>();
    expectTypeOf<TerminalVerifyResultStatus['status']>().toEqualTypeOf<
      'VERIFY_SUCCEEDED' | 'VERIFY_FAILED'
    >();
    expectTypeOf<TerminalVerifyResultStatus['consentRequestObject']>().toEqualTypeOf<undefined>();
  });

  it('validateResponse and matchDcqlQuery are typed', () => {
    const result = validateResponse('getVerifySessionStatus', 200, {});
    if (result.ok) expectTypeOf(result.value).toEqualTypeOf<VerifySessionStatus>();
    expectTypeOf<ConsentRequestObject>().toExtend<DcqlQuerySource>();
    expectTypeOf<
      ConsentRequestObject['validated_authorization_request']
    >().toExtend<DcqlQuerySource>();
    expectTypeOf(matchDcqlQuery).returns.toEqualTypeOf<DcqlMatch>();
  });
});
