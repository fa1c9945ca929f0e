// A small API described by hand, the way the generator describes real ones:
// a session read (GET) and an idempotent signed-JWT write (POST) whose 409 the
// API documents as "retry later".
import type { ApiDescriptor, CompiledValidator } from '../../src/index.js';

function validator(check: (data: unknown) => string | undefined): CompiledValidator {
  const validate: CompiledValidator = (data) => {
    const problem = check(data);
    validate.errors = problem
      ? [{ instancePath: '', keyword: 'type', params: {}, message: problem }]
      : null;
    return problem === undefined;
  };
  return validate;
}

const isObject = (data: unknown): data is Record<string, unknown> =>
  typeof data === 'object' && data !== null;

export const SESSION_STATUSES = ['PENDING', 'DONE', 'FAILED'];

const session = validator((data) =>
  isObject(data) && SESSION_STATUSES.includes(String(data.status))
    ? undefined
    : 'must be a session',
);
const message = validator((data) =>
  isObject(data) && typeof data.message === 'string'
    ? undefined
    : "must have required property 'message'",
);
const issued = validator((data) =>
  isObject(data) && typeof data.idx === 'number' ? undefined : 'must have idx',
);

export const fakeApi: ApiDescriptor = {
  name: 'fake',
  baseUrl: 'https://api.example.test/v1',
  auth: { type: 'bearer' },
  operations: {
    getSession: {
      method: 'GET',
      path: '/sessions/{id}',
      responses: {
        '200': { body: 'json', validate: session },
        '401': { body: 'empty' },
        '403': { body: 'empty' },
        '404': { body: 'json', validate: message },
        '410': { body: 'json', validate: message },
        '500': { body: 'json', validate: message },
      },
    },
    issue: {
      method: 'POST',
      path: '/issue',
      idempotent: 'the same signed request (same jti) yields the same entry',
      responses: {
        '200': { body: 'json', validate: issued },
        '400': { body: 'json', validate: message },
        '409': { body: 'json', validate: message, retryable: true },
        '422': { body: 'json', validate: message },
        '503': { body: 'json', validate: message },
      },
    },
    // A write that is not safe to repeat: never retried.
    createSession: {
      method: 'POST',
      path: '/sessions',
      responses: {
        '201': { body: 'json', validate: session },
        '503': { body: 'json', validate: message },
      },
    },
  },
};

type Session =
  | { status: 'PENDING' }
  | { status: 'DONE'; result: string }
  | { status: 'FAILED'; reason: string };
type Message = { message: string };

/** The openapi-typescript shape of the API above. */
export interface paths {
  '/sessions/{id}': {
    get: {
      parameters: { path: { id: string } };
      responses: {
        200: { content: { 'application/json': Session } };
        401: { content?: never };
        403: { content?: never };
        404: { content: { 'application/json': Message } };
        410: { content: { 'application/json': Message } };
        500: { content: { 'application/json': Message } };
      };
    };
  };
  '/issue': {
    post: {
      requestBody: { content: { 'application/jwt': string } };
      responses: {
        200: { content: { 'application/json': { idx: number; uri: string } } };
        400: { content: { 'application/json': Message } };
        409: { content: { 'application/json': Message } };
        422: { content: { 'application/json': Message } };
        503: { content: { 'application/json': Message } };
      };
    };
  };
}
export interface paths {
  '/sessions': {
    post: {
      requestBody: { content: { 'application/json': { name: string } } };
      responses: {
        201: { content: { 'application/json': Session } };
        503: { content: { 'application/json': Message } };
      };
    };
  };
}
export type operations = {
  createSession: paths['/sessions']['post'];
  getSession: paths['/sessions/{id}']['get'];
  issue: paths['/issue']['post'];
};
