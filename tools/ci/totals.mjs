// Prints vitest's own totals, summed over its JSON reports, as the plain line
// CI reads. A missing report counts as a failure: that run did not finish.
import { readFileSync } from 'node:fs';

const files = process.argv.slice(2);
let passed = 0;
let failed = 0;
let total = 0;
for (const file of files.length > 0 ? files : ['.vitest-report.json']) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
    total += report.numTotalTests;
  } catch {
    console.error(`no vitest report at ${file}: that run did not finish`);
    failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || total === 0 ? 1 : 0);
