// What the generator tells the mock about an API (src/generated/mock.gen.ts in
// every API package): its recorded answers, the scenarios built from them, and
// which answers the mock gives a request that breaks the spec. Nothing here
// knows one API.
import type { ApiDescriptor, CompiledValidator } from '../descriptor.js';

/** One recorded answer: a fixture's status, media type and body. */
export interface MockExample {
  readonly operationId: string;
  readonly status: number;
  /** The fixture's media type; absent when it has no body. */
  readonly contentType?: string;
  /** The body, where the spec documents JSON: sent as JSON text. */
  readonly json?: unknown;
  /** The body as recorded, for any other media type (a JWT, text, an unspecified body). */
  readonly text?: string;
  /** The fixture file it comes from (with `#n` for a later entry of the file). */
  readonly fixture: string;
}

export interface MockScenario {
  /** One line, for listings (`credstat-mock` prints it). */
  readonly description: string;
  /**
   * Per operation, the keys of its answers in order: each answers `polls`
   * times, the last one from then on. An operation left out answers as in
   * `default`.
   */
  readonly answers: Readonly<Record<string, readonly string[]>>;
}

/** The documented 400 a request that breaks the spec gets, and the member that says why. */
export interface MockBadRequest {
  readonly example: string;
  /** The body's free-text member, set to the rule broken; absent: the body stays as recorded. */
  readonly member?: string;
}

export interface MockDefinition<Scenario extends string = string> {
  readonly api: ApiDescriptor;
  /** Keyed by fixture (file name without `.har`). */
  readonly examples: Readonly<Record<string, MockExample>>;
  /** Scenarios by name; `default` is what every operation answers unless one says otherwise. */
  readonly scenarios: Readonly<Record<Scenario, MockScenario>> & { readonly default: MockScenario };
  /** Per operation that documents a 400 with a fixture. */
  readonly badRequest?: Readonly<Record<string, MockBadRequest>>;
  /** Per operation that takes a credential and documents a 401: the answer without one. */
  readonly unauthorized?: Readonly<Record<string, string>>;
  /** Per operation whose request body has a schema: its pre-compiled check. */
  readonly requestBodies?: Readonly<Record<string, CompiledValidator>>;
}

/** A scenario's name and what it does, as listings show it. */
export interface MockScenarioInfo {
  readonly name: string;
  readonly description: string;
}

/** The scenarios of a definition, `default` first, as a list. */
export function scenarioList<Scenario extends string>(
  definition: MockDefinition<Scenario>,
): readonly { readonly name: Scenario; readonly description: string }[] {
  return Object.entries<MockScenario>(definition.scenarios).map(([name, { description }]) => ({
    name: name as Scenario,
    description,
  }));
}
