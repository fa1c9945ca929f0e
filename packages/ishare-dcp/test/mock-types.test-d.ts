// The mock's overrides are typed by the spec: a status it does not document, or
// a body that is not that status's, does not compile.
import { handlers, respond } from '@credstat/ishare-dcp/mock';
import { createMockApi } from '@credstat/ishare-dcp/scenarios';
import { test } from 'vitest';

const issued = {
  '@context': ['https://w3id.org/dspace-dcp/v1.0/dcp.jsonld'],
  type: 'CredentialStatus' as const,
  issuerPid: 'issuer-1',
  holderPid: 'holder-1',
  status: 'ISSUED' as const,
};

test('respond() takes a documented status and a body of its type', () => {
  respond('getCredentialRequestStatus', 200, issued);
  // iSHARE documents no 404 body: any, or none.
  respond('getCredentialRequestStatus', 404, 'not found');
  // @ts-expect-error not a status value DCP lists
  respond('getCredentialRequestStatus', 200, { ...issued, status: 'DONE' });
  // @ts-expect-error a status the spec does not document
  respond('getCredentialRequestStatus', 410, {});
});

test('createMockApi and handlers take typed overrides and scenario names', () => {
  createMockApi({
    scenario: 'rejected',
    overrides: { getCredentialRequestStatus: { status: 200, body: issued } },
  });
  handlers({ scenario: 'issued' });
  // @ts-expect-error an unknown scenario
  handlers({ scenario: 'expired' });
  createMockApi({
    overrides: {
      // @ts-expect-error holderPid is required
      getCredentialRequestStatus: { status: 200, body: { ...issued, holderPid: undefined } },
    },
  });
});
