// credstat-mock <api> [<api> …] [--port <n>] [--scenario <name>] [--polls <n>]
// Serves the mocks of installed @credstat API packages over HTTP on 127.0.0.1,
// for consumers outside JavaScript and for `curl`. Each API is its package's
// `./scenarios` entry, found from the current directory first, then from this
// package's own location (so `npx -p @credstat/<api> credstat-mock <api>` works).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { MockApi, MockOptions } from './mock/engine.js';
import { RESET_PATH, SCENARIOS_PATH, startMockServer } from './mock-server.js';

const USAGE = `usage: credstat-mock <api> [<api> …] [--port <n>] [--scenario <name>] [--polls <n>]

Serves the mock of each API (e.g. fortid-verifier or @credstat/fortid-verifier,
whose package must be installed) on http://127.0.0.1:<port>, all on one origin.

  --port <n>         port to listen on; 0 (the default) picks a free one
  --scenario <name>  the scenario of requests that name none (default: default)
  --polls <n>        answers per pending status of a session (default: 2)
  --options <json>   more options for each API's createMockApi, as JSON (e.g. GOV.UK's
                     '{"statusList":{"kind":"b","revoked":[3]}}')
  --help             this text

Per request, pick a scenario with the header X-Credstat-Scenario: <name> or the
query parameter credstat-scenario=<name>, and polls with X-Credstat-Polls: <n>.
GET ${SCENARIOS_PATH} lists every API and its scenarios; POST ${RESET_PATH} starts
every session again. Ctrl-C stops it (in a script, run the bin itself rather than
through npx, which does not pass SIGTERM on).`;

/** What credstat-mock needs of a package's `./scenarios` entry. */
interface ScenariosModule {
  createMockApi(options?: MockOptions): MockApi;
  scenarios: readonly { name: string; description: string }[];
}

function fail(message: string, code = 2): never {
  console.error(`credstat-mock: ${message}`);
  if (code === 2) console.error(`\n${USAGE}`);
  process.exit(code);
}

function wholeNumber(value: string | undefined, what: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value))
    fail(`${what} must be a whole number ≥ 0, not ${JSON.stringify(value)}`);
  return Number(value);
}

/** `--options`: a JSON object, passed to every API's createMockApi (which checks what it knows). */
function jsonObject(value: string | undefined): Record<string, unknown> {
  if (value === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return fail(`--options must be JSON, not ${JSON.stringify(value)}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    return fail('--options must be a JSON object');
  return parsed as Record<string, unknown>;
}

/** `@credstat/<api>/scenarios`, from the current directory, else from beside this package. */
function resolveScenarios(api: string): string {
  const name = api.replace(/^@credstat\//, '');
  if (!/^[a-z][a-z0-9-]*$/.test(name)) fail(`${JSON.stringify(api)} is not an API name`);
  const specifier = `@credstat/${name}/scenarios`;
  const from = [join(process.cwd(), 'credstat-mock.cjs'), import.meta.url];
  for (const base of from) {
    try {
      return createRequire(base).resolve(specifier);
    } catch {
      // not installed there: try the next place
    }
  }
  return fail(
    `cannot find @credstat/${name}: install it (npm install --save-dev @credstat/${name}), or run with npx -p @credstat/${name} credstat-mock ${name}`,
    1,
  );
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (error) {
    fail((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length === 0) fail('name at least one API');
  const port = wholeNumber(values.port, '--port') ?? 0;
  if (port > 65_535) fail('--port must be at most 65535');
  const polls = wholeNumber(values.polls, '--polls');
  const extra = jsonObject(values.options);
  const modules: ScenariosModule[] = [];
  for (const api of positionals) {
    const module = (await import(pathToFileURL(resolveScenarios(api)).href)) as ScenariosModule;
    if (typeof module.createMockApi !== 'function') fail(`${api} has no mock (createMockApi)`, 1);
    modules.push(module);
  }
  const { scenario } = values;
  const knows = (module: ScenariosModule) =>
    scenario !== undefined && module.scenarios.some(({ name }) => name === scenario);
  if (scenario !== undefined && !modules.some(knows))
    fail(`no API here has a scenario "${scenario}"`);

  let server: Awaited<ReturnType<typeof startMockServer>>;
  try {
    server = await startMockServer({
      port,
      // An API without the chosen scenario answers its default.
      create: (baseUrl) =>
        modules.map((module) =>
          module.createMockApi({
            ...extra,
            baseUrl,
            ...(polls === undefined ? {} : { polls }),
            ...(knows(module) ? { scenario } : {}),
          }),
        ),
    });
  } catch (error) {
    fail((error as Error).message, 1);
  }
  console.log(`credstat-mock listening on ${server.url}`);
  for (const api of server.apis) {
    console.log(`${api.name} scenarios: ${api.scenarios.map(({ name }) => name).join(', ')}`);
  }
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function parse() {
  return parseArgs({
    options: {
      port: { type: 'string' },
      scenario: { type: 'string' },
      polls: { type: 'string' },
      options: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
}

await main();
