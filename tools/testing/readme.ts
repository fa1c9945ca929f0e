// README examples are real files: each ```ts block that follows an
// `<!-- example: path -->` marker must equal that file, which the tests run.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface ReadmeExample {
  file: string;
  inReadme: string;
  onDisk: string;
}

const MARKER = /<!-- example: (\S+) -->\s*```ts\n([\s\S]*?)```/g;

export function readmeExamples(readmePath: string): ReadmeExample[] {
  const readme = readFileSync(readmePath, 'utf8');
  return [...readme.matchAll(MARKER)].map(([, file = '', code = '']) => ({
    file: join(dirname(readmePath), file),
    inReadme: code,
    onDisk: readFileSync(join(dirname(readmePath), file), 'utf8'),
  }));
}
