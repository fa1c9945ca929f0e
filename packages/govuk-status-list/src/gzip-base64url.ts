// A Bitstring Status List's `encodedList` bytes: GZIP, then base64url. Done with
// the platform's (De)CompressionStream and jose rather than the bitstring
// library's own codec: that one reaches Buffer through base64url-universal,
// whose browser build a bundler honouring `exports` over `browser` (esbuild,
// Vite's pre-bundling) never picks, so it failed in browsers.
import { base64url } from 'jose';

async function piped(bytes: Uint8Array, stream: GenericTransformStream): Promise<Uint8Array> {
  // A copy: Blob takes only bytes backed by an ArrayBuffer (not a shared one).
  const output = new Blob([bytes.slice()]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

/** GZIP-compresses `bytes` and encodes them as base64url (no padding). */
export async function gzipBase64url(bytes: Uint8Array): Promise<string> {
  return base64url.encode(await piped(bytes, new CompressionStream('gzip')));
}

/** Decodes base64url and decompresses GZIP; throws on either being malformed. */
export async function gunzipBase64url(encoded: string): Promise<Uint8Array> {
  return piped(base64url.decode(encoded), new DecompressionStream('gzip'));
}
