import { describe, expect, it } from 'vitest';
import { matchOperation } from '../lib/match.ts';

const operations = {
  getStatus: { method: 'GET', path: '/verification-session/status/{id}' },
  getRequest: { method: 'GET', path: '/requests/{requestId}' },
  issue: { method: 'POST', path: '/issue' },
};

describe('matchOperation', () => {
  it.each([
    ['GET', 'https://h.example/verification-session/status/abc', 'getStatus', { id: 'abc' }],
    [
      'GET',
      'https://h.example/base/path/requests/urn%3Auuid%3A1',
      'getRequest',
      { requestId: 'urn:uuid:1' },
    ],
    ['post', 'https://h.example/issue', 'issue', {}],
  ])('%s %s → %s', (method, url, operationId, pathParams) => {
    expect(matchOperation(operations, method, url)).toEqual({ operationId, pathParams });
  });

  it.each([
    ['GET', 'https://h.example/issue'],
    ['GET', 'https://h.example/verification-session/status/a/b'],
    ['DELETE', 'https://h.example/requests/1'],
  ])('%s %s → nothing', (method, url) => {
    expect(matchOperation(operations, method, url)).toBeUndefined();
  });
});
