// A package's README as `pnpm generate` leaves it: the author's prose, with
// an API package's options table and API reference section generated, and
// every link into the repository defined from the one repository URL.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { listFixtures } from '../har/har.ts';
import { markdownTable } from '../lib/markdown-table.mjs';
import { type ApiEntry, repoRoot } from '../lib/repo.ts';
import { clientOptions, optionsTable } from './client-options.ts';
import { deriveMock } from './mock.ts';
import type { OpenApiDocument } from './openapi.ts';
import { replaceBlock, withRepositoryLinks } from './readme-blocks.ts';
import { pathUrl, type Repository } from './repository.ts';

export interface ReadmeSubject {
  dir: string;
  /** The npm name, `@credstat/<folder>`. */
  name: string;
  /** The API the package is generated from; none for core. */
  api?: ApiEntry;
}

export function packageReadme(
  text: string,
  pkg: ReadmeSubject,
  repository: Repository,
  root = repoRoot,
): string {
  let readme = text;
  if (pkg.api) {
    const options = `${OPTIONS_INTRO}\n\n${optionsTable(clientOptions(pkg.dir, root))}`;
    readme = replaceBlock(readme, 'client-options', 'from the types createClient takes', options);
    readme = replaceBlock(readme, 'mock', 'from the spec and its fixtures', mock(pkg, pkg.api));
    readme = replaceBlock(
      readme,
      'api-reference',
      'the same in every API package',
      reference(pkg.name, pkg.api, root),
    );
  }
  return withRepositoryLinks(readme, (path) => pathUrl(repository, path, root));
}

const OPTIONS_INTRO = `\`createClient(options)\` takes these options, read from its types (a required one
says so). Most are \`@credstat/core\`'s and work the same in every credstat
package: [Using a client][repo:README.md#using-a-client] shows how errors,
timeouts, retries, credentials and polling behave.`;

/** Where the spec is, in the package and in the repository. */
function reference(name: string, api: ApiEntry, root: string): string {
  const spec = `${name}/openapi.json`;
  const fixtures = relative(root, api.fixturesDir).split('\\').join('/');
  return `The OpenAPI 3.1 spec this package is generated from ships with it, bundled
into one document, \`${spec}\`:

- import it: \`import spec from '${spec}' with { type: 'json' }\`;
- find its file: \`require.resolve('${spec}')\`;
- render it as a one-page HTML reference:

  \`\`\`sh
  npx @redocly/cli build-docs "$(node -p "require.resolve('${spec}')")" -o ${api.name}.html
  \`\`\`

In the repository: [the spec's source][repo:${api.specPath}] and
[its HAR fixtures][repo:${fixtures}]; [Using a client][repo:README.md#using-a-client]
for the errors, timeouts, retries, credentials and polling every credstat
package shares; [Docs][repo:README.md#docs] for the reference site with its
fixture coverage matrix.

Testing your code: see [Testing against a mock][repo:README.md#testing-against-a-mock].`;
}

/**
 * The package's mock, as a user of this package alone needs it: its entries and
 * its scenarios, derived as `mock.gen.ts` is (from the bundled spec `pnpm
 * generate` has just written, and the fixtures).
 */
function mock(pkg: ReadmeSubject, api: ApiEntry): string {
  const bundled = join(pkg.dir, 'src', 'generated', 'openapi.gen.json');
  // A package just scaffolded has no generated code yet: `pnpm generate` fills the table in.
  const scenarios = existsSync(bundled)
    ? deriveMock(
        JSON.parse(readFileSync(bundled, 'utf8')) as OpenApiDocument,
        api.specPath,
        listFixtures(api.fixturesDir),
      ).scenarios
    : [{ name: 'default', description: 'run `pnpm generate` to list every scenario' }];
  const rows = scenarios.map(({ name, description }) => [`\`${name}\``, description]);
  return `\`${pkg.name}/scenarios\` answers as the API does, from its recorded fixtures, with no
network: \`createMockApi(options).fetch\` plugs into \`createClient({ fetch })\`, and
each request is checked against the spec. \`${pkg.name}/mock\` is the same as
[MSW](https://mswjs.io) handlers: \`handlers(options)\`, and
\`respond(operationId, status, body)\` for an answer of your own, typed by the spec.
Install \`msw\` (2.x or 3.x) yourself: it is an optional peer dependency, and only
\`./mock\` imports it. \`credstat-mock ${api.name}\` (a bin of \`@credstat/core\`:
install it too) serves the same over HTTP on 127.0.0.1.

Pick a scenario with the \`scenario\` option, or per request with the header
\`X-Credstat-Scenario: <name>\`:

${markdownTable(['scenario', 'what the mock answers'], rows)}

Options, request checks and the server: [Testing against a mock][repo:README.md#testing-against-a-mock].`;
}
