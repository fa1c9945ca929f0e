// This package's recorded exchanges, by file name.
import { join } from 'node:path';
import { fixtureEntry, withUrl } from '@credstat/tools/testing';

const dir = join(import.meta.dirname, '../../../specs/fortid-verifier/fixtures');
const SESSION = '497f6eca-6276-4993-bfeb-53cbbbba6f08';
const sessionUrl = (id: string) => `https://evs.fortid.com/verification-session/status/${id}`;

/** A recorded answer, re-addressed to `sessionId` (the one the examples use by default). */
export function recorded(file: string, sessionId = SESSION) {
  return withUrl(fixtureEntry(dir, file), sessionUrl(sessionId));
}
