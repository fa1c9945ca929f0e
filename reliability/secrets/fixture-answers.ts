// The recorded answers of each API's fixtures, matched to their operation:
// what a success or a documented error really looks like, and the path
// parameter values the recording used.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiUnderTest } from '../requests/apis.ts';

export const SPECS_DIR = join(import.meta.dirname, '..', '..', 'specs');

export interface RecordedAnswer {
  operationId: string;
  status: number;
  contentType: string;
  body: string;
  /** The path parameter values of the recorded request, decoded. */
  args: Record<string, string>;
}

interface HarEntry {
  request: { method: string; url: string; postData?: { text: string } };
  response: { status: number; content: { mimeType: string; text?: string } };
}

function templateRegex(path: string): RegExp {
  const source = path
    .split(/(\{[^{}]+\})/)
    .map((part) => (part.startsWith('{') ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`${source}$`);
}

/** Each accepted (not `rejected/`) fixture entry of an API, with its operation. */
export function recordedAnswers(api: ApiUnderTest): RecordedAnswer[] {
  const dir = join(SPECS_DIR, api.name, 'fixtures');
  const answers: RecordedAnswer[] = [];
  for (const name of readdirSync(dir)
    .filter((file) => file.endsWith('.har'))
    .sort()) {
    const har = JSON.parse(readFileSync(join(dir, name), 'utf8')) as {
      log: { entries: HarEntry[] };
    };
    for (const entry of har.log.entries) {
      const { pathname } = new URL(entry.request.url);
      const op = api.operations.find(
        (candidate) =>
          candidate.method === entry.request.method && templateRegex(candidate.path).test(pathname),
      );
      if (!op) continue;
      const values = templateRegex(op.path).exec(pathname)?.slice(1) ?? [];
      answers.push({
        operationId: op.operationId,
        status: entry.response.status,
        contentType: entry.response.content.mimeType,
        body: entry.response.content.text ?? '',
        args: Object.fromEntries(
          op.pathParams.map((param, i) => [param, decodeURIComponent(values[i] ?? '')]),
        ),
      });
    }
  }
  return answers;
}

/** Every file under every API's fixtures folder (HARs, rejected ones, keys, READMEs). */
export function fixtureFiles(dir = SPECS_DIR): string[] {
  const files: string[] = [];
  const walk = (path: string, inFixtures: boolean) => {
    for (const name of readdirSync(path)) {
      const child = join(path, name);
      const here = inFixtures || name === 'fixtures';
      if (statSync(child).isDirectory()) walk(child, here);
      else if (here) files.push(child);
    }
  };
  walk(dir, false);
  return files;
}
