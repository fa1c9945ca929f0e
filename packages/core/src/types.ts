// Type-level helpers over openapi-typescript's `operations` interface.

type ContentOf<R> = R extends { content: infer C }
  ? C extends Record<string, infer B>
    ? B
    : undefined
  : undefined;

/** The body type of one documented (operation, status); `unknown` if undocumented. */
export type ResponseBody<Op, S> = Op extends { responses: infer R }
  ? S extends keyof R
    ? ContentOf<R[S]>
    : unknown
  : never;

type Responses<Op> = Op extends { responses: infer R } ? R : never;
type ErrorStatus<Op> =
  Extract<keyof Responses<Op>, number> extends infer S
    ? S extends number
      ? `${S}` extends `2${string}` | `1${string}` | `3${string}`
        ? never
        : S
      : never
    : never;
type SuccessStatus<Op> = Exclude<Extract<keyof Responses<Op>, number>, ErrorStatus<Op>>;

/** The union of documented success bodies of an operation. */
export type SuccessBody<Op> = { [S in SuccessStatus<Op>]: ResponseBody<Op, S> }[SuccessStatus<Op>];

/** One member per documented error status: narrowing on `status` types `body`. */
export type DocumentedError<Op> = {
  [S in ErrorStatus<Op>]: { status: S; body: ResponseBody<Op, S> };
}[ErrorStatus<Op>];

/** No members: what an operation without path, query or body parameters takes. */
type Empty = Record<never, never>;
type Params<Op> = Op extends { parameters: infer P } ? P : Empty;
type Present<T> = [NonNullable<T>] extends [never] ? false : true;
type PathArgs<Op> = Params<Op> extends { path: infer T } ? T : Empty;
type QueryArgs<Op> =
  Params<Op> extends { query?: infer Q }
    ? Present<Q> extends true
      ? Empty extends NonNullable<Q>
        ? { query?: NonNullable<Q> }
        : { query: NonNullable<Q> }
      : Empty
    : Empty;
type BodyOf<B> = B extends { content: infer C } ? C[keyof C] : never;
type BodyArgs<Op> = Op extends { requestBody?: infer B }
  ? Present<B> extends true
    ? undefined extends B
      ? { body?: BodyOf<NonNullable<B>> }
      : { body: BodyOf<B> }
    : Empty
  : Empty;
type Flat<T> = { [K in keyof T]: T[K] };

/**
 * What a generated operation function takes: the path parameters by their spec
 * names, `query` when the operation has query parameters, and `body` when it has
 * a request body. One object, so two string ids can never be swapped silently.
 */
export type OperationArgs<Op> = Flat<PathArgs<Op> & QueryArgs<Op> & BodyArgs<Op>>;
