// The credential a package's createClient takes, as the generated descriptor's
// auth says: its option, type and doc, the environment variable its examples
// read, and the header a call sends it in. The scaffold writes the package
// from it and the test kit checks the usage example with it.
import type { Auth } from '../generator/auth.ts';

export interface Credential {
  option: 'apiKey' | 'token';
  type: string;
  doc: string;
  env: string;
  /** The header the example credential arrives in, and its expected value. */
  header: string;
  sent: string;
}

export function credentialFor(apiName: string, auth: Auth): Credential | undefined {
  const envName = apiName.toUpperCase().replace(/-/g, '_');
  if (auth?.type === 'apiKey') {
    return {
      option: 'apiKey',
      type: 'string',
      doc: `/** Sent as \`${auth.header}\`. Never appears in errors or hooks. */`,
      env: `${envName}_API_KEY`,
      header: auth.header.toLowerCase(),
      sent: 'example-credential',
    };
  }
  if (auth?.type === 'bearer') {
    return {
      option: 'token',
      type: 'TokenSource',
      doc: [
        '/**',
        '   * Sent as `Authorization: Bearer …`: a string, or a function asked once per',
        '   * attempt (and again after a 401). Never appears in errors or hooks.',
        '   */',
      ].join('\n'),
      env: `${envName}_TOKEN`,
      header: 'authorization',
      sent: 'Bearer example-credential',
    };
  }
  return undefined;
}
