// A consumer's own answer for an operation, typed against the spec: the status
// must be one the operation documents and the body must be that status's type.
import type { ResponseBody } from '../types.js';

type Responses<Op> = Op extends { responses: infer R } ? R : never;

/** The statuses an operation documents. */
export type DocumentedStatus<Op> = Extract<keyof Responses<Op>, number>;

/** A documented empty body (or an unspecified one) may be left out. */
type BodyMember<B> = undefined extends B ? { body?: B } : { body: B };

/** One answer of an operation: a documented status and a body of its type. */
export type MockResponseOf<Op> = {
  [S in DocumentedStatus<Op>]: { status: S; headers?: Record<string, string> } & BodyMember<
    ResponseBody<Op, S>
  >;
}[DocumentedStatus<Op>];

/** Per operation, the answer it gives whatever the scenario. */
export type MockOverrides<Ops> = { readonly [K in keyof Ops]?: MockResponseOf<Ops[K]> };

/** An override as the engine reads it. */
export interface MockOverride {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}
