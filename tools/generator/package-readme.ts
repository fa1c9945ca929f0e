// A package's README as `pnpm generate` leaves it: the author's prose, with
// an API package's options table and API reference section generated, and
// every link into the repository defined from the one repository URL.
import { relative } from 'node:path';
import { type ApiEntry, repoRoot } from '../lib/repo.ts';
import { clientOptions, optionsTable } from './client-options.ts';
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
