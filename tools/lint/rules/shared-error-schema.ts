// credstat/shared-error-schema: an API's JSON error bodies are described by
// its shared error schema(s), never by a schema written inline on one
// response, so every error of the API has one type a caller can handle (and
// one the generated `…Error` types name).
//
// Precisely, for every response of every operation whose status is an error,
// i.e. a 4xx or 5xx code or the `4XX`/`5XX` ranges (`default` is not checked:
// it also stands for successes), each JSON media type of its content
// (`application/json`, `application/…+json`, as the generator reads JSON)
// must have a `schema` that is a `$ref` to a component schema: either a whole
// file (which bundling makes a `components/schemas` entry) or a
// `#/components/schemas/<name>` pointer. Reported, at the media type's
// `schema` (or at the media type when it has none), in the file where the
// response is written:
//
// - a JSON error body with no schema;
// - a schema written inline, including an inline `oneOf`/`allOf` of refs
//   (make that union a component of its own);
// - a `$ref` into part of another schema or document (e.g.
//   `Other.yaml#/properties/error`) rather than to a component schema;
// - a `$ref` to a schema one of the operation's success (2xx) bodies uses: an
//   error body is described by an error schema, not by a success schema.
//
// Not checked: a response with no content, and media types that are not JSON,
// such as `text/plain` or the wildcard `*/*` that says the API documents no
// body at all (iSHARE's 401/404/500): there is no JSON body to share a schema
// with.
import type { Location, Oas3Rule } from '@redocly/openapi-core';
import { jsonMediaType, type MediaType } from '../../generator/openapi.ts';
import {
  isObject,
  isRef,
  type Node,
  oncePerLocation,
  operationName,
  resolveAt,
} from '../support.ts';

const ERROR_STATUS = /^[45](\d\d|XX)$/;
/** What bundling turns into a component schema: a whole file, or a `components/schemas` entry. */
const COMPONENT_SCHEMA = /^[^#]*(#\/?)?$|#\/components\/schemas\/[^/]+$/;

const isJson = (type: string) => jsonMediaType({ content: { [type]: {} } }) !== undefined;

export const sharedErrorSchema: Oas3Rule = () => {
  const first = oncePerLocation();
  return {
    Operation(node, { key, location, resolve, report }) {
      const operation = node as unknown as Node;
      const name = operationName(operation, key);
      const responses = operation.responses;
      if (!isObject(responses)) return;
      /** Where a JSON body's `$ref` leads: file and pointer, however it was written. */
      const target = (media: unknown, at: Location): string | undefined => {
        const schema = (media as MediaType).schema;
        if (!isRef(schema)) return undefined;
        const found = resolveAt(schema, at, resolve);
        return found ? `${found.location.source.absoluteRef}#${found.location.pointer}` : undefined;
      };
      const jsonBodies = (status: string) => {
        const response = resolveAt(
          responses[status],
          location.child(['responses', status]),
          resolve,
        );
        if (!response || !isObject(response.node) || !isObject(response.node.content)) return [];
        return Object.entries(response.node.content)
          .filter(([type, media]) => isJson(type) && isObject(media))
          .map(([type, media]) => ({
            type,
            media,
            at: response.location.child(['content', type]),
          }));
      };
      const statuses = Object.keys(responses);
      const successSchemas = new Set(
        statuses
          .filter((status) => /^2/.test(status))
          .flatMap((status) => jsonBodies(status).map(({ media, at }) => target(media, at))),
      );
      for (const status of statuses.filter((status) => ERROR_STATUS.test(status))) {
        for (const { type, media, at } of jsonBodies(status)) {
          let problem = errorSchemaProblem((media as MediaType).schema);
          const used = target(media, at);
          if (!problem && used && successSchemas.has(used)) problem = SUCCESS_SCHEMA;
          if (!problem || !first(at)) continue;
          report({
            message: `${name} ${status} (${type}): ${problem}`,
            location: problem === NO_SCHEMA ? at.key() : at.child(['schema']).key(),
          });
        }
      }
    },
  };
};

const SUCCESS_SCHEMA =
  "the error body uses the schema of this operation's success body: reference the API's shared error schema instead.";

const NO_SCHEMA =
  "the JSON error body has no schema: reference the API's shared error schema (`$ref` to its file under components/schemas).";

function errorSchemaProblem(schema: unknown): string | undefined {
  if (schema === undefined) return NO_SCHEMA;
  if (!isRef(schema)) {
    return "the error body's schema is written inline: reference the API's shared error schema instead (`$ref` to its file under components/schemas, or #/components/schemas/<name>).";
  }
  if (!COMPONENT_SCHEMA.test(schema.$ref)) {
    return `the error body's schema points into another node (${schema.$ref}): reference one of the API's error schemas as a whole (a file under components/schemas, or #/components/schemas/<name>).`;
  }
  return undefined;
}
