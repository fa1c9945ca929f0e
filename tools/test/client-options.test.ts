// Every option createClient takes is documented in its package's README: the
// options are read from the TypeScript types, the README's table is parsed.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Auth } from '../generator/auth.ts';
import { clientOptions, optionsTable } from '../generator/client-options.ts';
import { listPublishedPackages } from '../generator/package-metadata.ts';
import { credentialFor } from '../lib/credential.ts';
import { markdownTable } from '../lib/markdown-table.mjs';

const apiPackages = listPublishedPackages().filter((pkg) => pkg.api);

/** The first cell of each row of the README's options table. */
function documentedOptions(readme: string): string[] {
  const block = readme.match(
    /<!-- generated:client-options\b[^>]*-->([\s\S]*?)<!-- \/generated:client-options -->/,
  )?.[1];
  if (block === undefined) throw new Error('the README has no client-options block');
  return [...block.matchAll(/^\| `([^`]+)` +\|/gm)].map(([, name = '']) => name);
}

describe.each(apiPackages.map((pkg) => [pkg.name, pkg] as const))('%s', (_name, pkg) => {
  const readme = readFileSync(join(pkg.dir, 'README.md'), 'utf8');
  const options = clientOptions(pkg.dir);

  it("README documents every property of createClient's options type, and no other", () => {
    expect(documentedOptions(readme)).toEqual(options.map((option) => option.name));
  });

  it("reads core's options, the retry settings and the credential the descriptor names", async () => {
    const names = options.map((option) => option.name);
    for (const core of ['baseUrl', 'fetch', 'transport', 'headers', 'timeoutMs', 'onRetry']) {
      expect(names).toContain(core);
    }
    expect(names).toContain('retry.maxRetries');
    const descriptor = pathToFileURL(join(pkg.dir, 'src/generated/api.gen.ts')).href;
    const { auth } = ((await import(descriptor)) as { api: { auth: Auth } }).api;
    const credential = credentialFor(pkg.folder, auth);
    const required = options.filter((option) => option.required).map((option) => option.name);
    if (credential) expect(required).toContain(credential.option);
    expect(names.filter((name) => name === 'apiKey' || name === 'token')).toEqual(
      credential ? [credential.option] : [],
    );
  });
});

describe('clientOptions on a package of its own', () => {
  let root: string;
  const write = (source: string) => {
    const dir = join(root, 'packages', 'scratch');
    mkdirSync(join(dir, 'src'), { recursive: true });
    writeFileSync(join(dir, 'src', 'index.ts'), source);
    return dir;
  };
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'credstat-options-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('lists members of a settings bag, spells out local aliases, keeps interfaces named', () => {
    // A doc comment belongs to what follows it on the next line, as in real code.
    const dir = write(`
      type Mode = 'a' | 'b';
      interface Sender {
        /** Sends. */
        send(): void;
      }
      interface Backoff {
        /** Tries. */
        tries: number;
        /** Jitter. */
        random: () => number;
      }
      export interface Options {
        /** How. */
        mode?: Mode;
        /** Who sends. */
        sender?: Sender;
        /** Retries, or none. */
        retry?: Partial<Backoff> | false;
        /** Extra. */
        headers?: Record<string, string>;
      }
      export function createClient(options: Options & {
        /** The key. */
        key: string;
      }) {
        return options;
      }
    `);
    expect(clientOptions(dir, root)).toEqual([
      { name: 'key', type: 'string', required: true, doc: 'The key.' },
      { name: 'mode', type: '"a" | "b"', required: false, doc: 'How.' },
      { name: 'sender', type: 'Sender', required: false, doc: 'Who sends.' },
      {
        name: 'retry',
        type: 'Partial<Backoff> | false',
        required: false,
        doc: 'Retries, or none.',
      },
      { name: 'retry.tries', type: 'number', required: false, doc: 'Tries.' },
      { name: 'retry.random', type: '() => number', required: false, doc: 'Jitter.' },
      { name: 'headers', type: 'Record<string, string>', required: false, doc: 'Extra.' },
    ]);
  });

  it('refuses an option with no doc comment, naming it and its file', () => {
    const dir = write(`
      export function createClient(options: {
        /** Documented. */
        a?: string;
        b?: number;
      }) {
        return options;
      }
    `);
    expect(() => clientOptions(dir, root)).toThrow(
      'option `b` has no doc comment (packages/scratch/src/index.ts)',
    );
  });

  it('refuses a package without createClient', () => {
    const dir = write('export const nothing = 1;');
    expect(() => clientOptions(dir, root)).toThrow('exports no createClient(options)');
  });
});

describe('optionsTable', () => {
  it('escapes pipes and says which options are required', () => {
    const table = optionsTable([
      { name: 'retry', type: 'Partial<R> | false', required: false, doc: 'a | b' },
      { name: 'key', type: 'string', required: true, doc: 'The key.' },
    ]);
    expect(table.split('\n')).toEqual([
      '| option  | type                  | what it does           |',
      '| ------- | --------------------- | ---------------------- |',
      '| `retry` | `Partial<R> \\| false` | a \\| b                 |',
      '| `key`   | `string`              | **Required.** The key. |',
    ]);
  });

  it('pads every column to its widest cell', () => {
    expect(markdownTable(['a', 'bb'], [['long cell', 'x']])).toBe(
      ['| a         | bb  |', '| --------- | --- |', '| long cell | x   |'].join('\n'),
    );
  });
});
