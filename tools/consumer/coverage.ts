// Every operation of every API must be called by its consumer code: the names
// a user can call come from the spec the package ships (`./openapi.json`),
// named by the generator's own rule, and each must appear in the lines the
// consumer prints. A new operation fails here until the consumer calls it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { listOperations, type OpenApiDocument } from '../generator/openapi.ts';
import { operationNames, pascal } from '../generator/operations.ts';
import { uncalled } from './lines.ts';
import { failure, type Outcome, PASSED } from './matrix.ts';

/** Every operation's function and every wait's `waitFor…`, by name. */
export function callableNames(document: OpenApiDocument): string[] {
  return listOperations(document).flatMap((entry) => {
    const session = entry.operation['x-credstat-session'] as { waits?: object } | undefined;
    return [
      operationNames(entry.operationId).fn,
      ...Object.keys(session?.waits ?? {}).map((wait) => `waitFor${pascal(wait)}`),
    ];
  });
}

/** Whether the expected lines name every callable of the package installed in `projectDir`. */
export function coverageOutcome(
  projectDir: string,
  packageName: string,
  expected: readonly string[],
): Outcome {
  const step = `every operation of ${packageName} called`;
  let document: OpenApiDocument;
  try {
    const require = createRequire(join(projectDir, 'package.json'));
    document = JSON.parse(readFileSync(require.resolve(`${packageName}/openapi.json`), 'utf8'));
  } catch (error) {
    return failure(step, `cannot read ${packageName}/openapi.json`, { output: String(error) });
  }
  const missing = uncalled(callableNames(document), expected);
  return missing.length === 0
    ? PASSED
    : failure(step, `the consumer code never calls ${missing.join(', ')}`);
}
