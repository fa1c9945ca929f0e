// `@credstat/core/msw`: a mock (`@credstat/core/mock`) as MSW request handlers,
// one per route, so a request to any other URL stays msw's "unhandled". The
// only module of credstat that imports msw (an optional peer, 2.x or 3.x).
import { type HttpHandler, http } from 'msw';
import type { AnyMockOptions, MockApi } from './mock/engine.js';
import type { DocumentedStatus } from './mock/overrides.js';
import type { ResponseBody } from './types.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options';

/** `https://host/a/{id}` as msw's path pattern, `https://host/a/:id`. */
function mswPath(url: string): string {
  return url.replace(/\{([^{}]+)\}/g, (_match, name: string) => `:${name}`);
}

/** One handler per route of `mock` (or of the operations named in `only`). */
export function mswHandlers(mock: MockApi, only?: readonly string[]): HttpHandler[] {
  return mock.routes
    .filter(
      (route) => !only || (route.operationId !== undefined && only.includes(route.operationId)),
    )
    .map((route) =>
      http[route.method.toLowerCase() as Method](mswPath(route.url), ({ request }) =>
        mock.handle(request),
      ),
    );
}

/**
 * An API package's `handlers()` and `respond()`, from its `createMockApi`:
 * `mswMock<operations>()(createMockApi)`.
 */
export function mswMock<Ops>() {
  return <Options extends AnyMockOptions>(createMockApi: (options?: Options) => MockApi) => ({
    /** MSW handlers for every route, answering as `createMockApi(options)` does. */
    handlers: (options?: Options): HttpHandler[] => mswHandlers(createMockApi(options)),
    /** MSW handlers for a mock you keep (to `reset()` it between tests). */
    handlersFor: (mock: MockApi): HttpHandler[] => mswHandlers(mock),
    /**
     * A handler answering one operation with a documented status and a body of
     * its type, whatever the scenario: `server.use(respond('op', 200, body))`.
     */
    respond: <K extends keyof Ops & string, S extends DocumentedStatus<Ops[K]>>(
      operationId: K,
      status: S,
      body: ResponseBody<Ops[K], S>,
      options?: Omit<Options, 'overrides'>,
    ): HttpHandler => {
      const overrides = { [operationId]: { status, body } };
      const mock = createMockApi({ ...options, overrides } as Options);
      const [handler] = mswHandlers(mock, [operationId]);
      if (!handler) throw new Error(`${mock.name} has no operation ${operationId}`);
      return handler;
    },
  });
}
