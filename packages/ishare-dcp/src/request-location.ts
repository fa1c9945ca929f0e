// A credential request is named two ways: its id (a URI such as `urn:uuid:…`)
// or the `Location` the issuer answered `POST /credentials` with. Both read the
// same resource; a Location on another origin is refused before anything is
// sent, because the bearer token goes only to the client's origin.
import { type CallInit, InvalidParameterError } from '@credstat/core';
import type { Client } from 'openapi-fetch';
import { api } from './generated/api.gen.js';
import { getCredentialRequestStatus } from './generated/operations.gen.js';
import type { paths } from './generated/types.gen.js';

/** Where to read one credential request: its id, and the base URL when a Location named another base path. */
export interface CredentialRequestTarget {
  requestId: string;
  /** Set when a Location put the endpoint under another base path of the client's origin. */
  baseUrl?: string;
}

const { method, path } = api.operations.getCredentialRequestStatus;
const ENDPOINT = /^(.*)\/requests\/([^/]+)$/;

function refuse(url: string, problem: string): never {
  const context = { operationId: 'getCredentialRequestStatus', method, url, attempts: 0 };
  throw new InvalidParameterError(context, 'requestId', problem);
}

/** A Location is an http(s) URL, or a path on the client's origin; anything else is an id. */
function asLocation(value: string, base: string): URL | undefined {
  if (value.startsWith('/')) return new URL(value, base);
  if (/^https?:\/\//i.test(value) && URL.canParse(value)) return new URL(value);
  return undefined;
}

/**
 * The request id and base URL to read, from a bare id or a `Location` header
 * value. Throws InvalidParameterError (nothing is sent) for a Location on
 * another origin or one that does not name `…/requests/{requestId}`.
 */
export function locateCredentialRequest(
  client: { readonly baseUrl: string },
  idOrLocation: string,
): CredentialRequestTarget {
  const absoluteBase = URL.canParse(client.baseUrl);
  const location = asLocation(idOrLocation, absoluteBase ? client.baseUrl : 'http://invalid');
  if (!location) return { requestId: idOrLocation };
  if (!absoluteBase) {
    refuse(client.baseUrl, 'is a Location, whose origin needs an absolute client baseUrl to check');
  }
  const origin = new URL(client.baseUrl).origin;
  if (location.origin !== origin) {
    refuse(
      location.origin,
      `is a Location on ${location.origin}, not on the client's origin ${origin}: the bearer token is sent only there`,
    );
  }
  const found = ENDPOINT.exec(location.pathname);
  if (!found || location.search || location.hash) {
    refuse(origin + path, 'is a Location that does not name …/requests/{requestId}');
  }
  const [, basePath = '', segment = ''] = found;
  let requestId: string;
  try {
    requestId = decodeURIComponent(segment);
  } catch {
    refuse(
      origin + location.pathname,
      'is a Location whose request id is not valid percent-encoding',
    );
  }
  return { requestId, baseUrl: origin + basePath };
}

/**
 * `getCredentialRequestStatus` for a bare request id or the Location of
 * `POST /credentials`. A refused Location rejects like any other call.
 */
export async function getCredentialRequest(
  client: Client<paths> & { readonly baseUrl: string },
  idOrLocation: string,
  init: CallInit = {},
) {
  const { requestId, baseUrl } = locateCredentialRequest(client, idOrLocation);
  return getCredentialRequestStatus(
    client,
    { requestId },
    { ...init, baseUrl: init.baseUrl ?? baseUrl },
  );
}
