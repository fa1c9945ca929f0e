// The msw adapter: one handler per route of a mock, so requests elsewhere stay
// msw's "unhandled"; and the typed respond() an API package exports.
import { setupServer } from 'msw/node';
import { afterEach, describe, expect, it } from 'vitest';
import { createMock, type MockDefinition, type MockOptions } from '../src/mock.js';
import { mswHandlers, mswMock } from '../src/msw.js';
import { api } from './generated/api.gen.js';
import type { operations } from './generated/types.gen.js';
import { sessionExamples } from './support/mock-examples.js';

const definition: MockDefinition = {
  api,
  examples: {
    ...sessionExamples,
  },
  scenarios: { default: { description: 'd', answers: { getSession: ['pending', 'done'] } } },
};

const createMockApi = (options?: MockOptions<operations>) => createMock(definition, options);
const servers: ReturnType<typeof setupServer>[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});
function listen(...handlers: Parameters<typeof setupServer>) {
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: 'error' });
  servers.push(server);
  return server;
}

const SESSION = 'https://api.example.test/v1/sessions/a';
const read = (url = SESSION) => fetch(url, { headers: { authorization: 'Bearer t' } });

describe('mswHandlers', () => {
  it('registers one handler per route, as msw path patterns', () => {
    const handlers = mswHandlers(createMockApi());
    expect(handlers.map((handler) => handler.info.header)).toEqual([
      'GET https://api.example.test/v1/sessions/:id',
      'POST https://api.example.test/v1/sessions',
      'POST https://api.example.test/v1/issue',
      'GET https://lists.example.test/pub/lists/:id',
    ]);
  });

  it('answers the global fetch as the mock does, counting the session across requests', async () => {
    listen(...mswHandlers(createMockApi({ polls: 1 })));
    expect(await (await read()).json()).toEqual({ status: 'PENDING' });
    expect(await (await read()).json()).toEqual({ status: 'DONE', result: 'ok' });
  });

  it('leaves any other URL unhandled', async () => {
    listen(...mswHandlers(createMockApi()));
    await expect(read('https://api.example.test/v1/other')).rejects.toThrow();
  });
});

describe('mswMock', () => {
  const { handlers, handlersFor, respond } = mswMock<operations>()(createMockApi);

  it('handlers(options) make a mock per call; handlersFor(mock) keeps yours to reset', async () => {
    const mock = createMockApi({ polls: 1 });
    listen(...handlersFor(mock));
    await read();
    mock.reset();
    expect(await (await read()).json()).toEqual({ status: 'PENDING' });
    expect(handlers()).toHaveLength(4);
  });

  it('respond() answers one operation with the given status and body', async () => {
    listen(respond('getSession', 410, { message: 'expired' }), respond('getList', 200, 'a.b.c'));
    const response = await read();
    expect(response.status).toBe(410);
    expect(await response.json()).toEqual({ message: 'expired' });
    const list = await fetch('https://lists.example.test/pub/lists/1');
    expect(await list.text()).toBe('a.b.c');
  });
});
