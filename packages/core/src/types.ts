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
