// credstat/property-description: every property of every schema says what it
// is. The description is what the docs show for the member and what the
// generated types carry as its doc comment.
//
// Precisely: for each schema in the spec (components, request and response
// bodies, parameters, nested schemas, `allOf`/`oneOf`/`anyOf` branches, items)
// each entry of its `properties` must have a `description` of its own that is
// a non-empty string. A property that is a `$ref` needs one next to the
// `$ref` (OAS 3.1 allows it): the referenced schema's description says what
// the type is, not what this member means in this object. A property declared
// `false` (it must not occur, e.g. fortid-wallet's `consentRequestObject` on a
// status without one) is exempt: a boolean schema cannot carry a description,
// and there is no member to describe; the object's description says why. A
// `true` can always be written `{ description: … }`, so it is not exempt.
// Reported at the property's name, in the file where the property is written.
import type { Oas3Rule } from '@redocly/openapi-core';
import { isObject, isRef, type Node } from '../support.ts';

const hasDescription = (property: unknown) =>
  isObject(property) &&
  typeof property.description === 'string' &&
  property.description.trim() !== '';

export const propertyDescription: Oas3Rule = () => ({
  Schema(node, { location, report }) {
    const schema = node as Node;
    if (!isObject(schema.properties)) return;
    for (const [name, property] of Object.entries(schema.properties)) {
      if (property === false || hasDescription(property)) continue;
      report({
        message: isRef(property)
          ? `Property "${name}" has no description: add one next to its $ref (what this member means here; ${property.$ref} describes only its type).`
          : `Property "${name}" has no description.`,
        location: location.child(['properties', name]).key(),
      });
    }
  },
});
