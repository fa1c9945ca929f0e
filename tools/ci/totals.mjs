// Prints vitest's own totals, summed over its JSON reports (one per package and
// run, each written or restored from turbo's cache), as the plain line CI reads.
// A missing report counts as a failure: that run did not finish.
import { readFileSync } from 'node:fs';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node tools/ci/totals.mjs <vitest JSON report>…');
  process.exit(2);
}
let passed = 0;
let failed = 0;
let total = 0;
for (const file of files) {
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    console.error(`no vitest report at ${file}: that run did not finish`);
    failed += 1;
    continue;
  }
  const failures = report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
  passed += report.numPassedTests;
  total += report.numTotalTests;
  if (failures === 0 && report.success === false) {
    console.error(`${file}: vitest reports a failure outside any test`);
    failed += 1;
  } else {
    failed += failures;
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || total === 0 ? 1 : 0);
