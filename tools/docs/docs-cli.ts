// credstat-docs <api>: builds one API's reference page.
import { buildDocs } from './build.ts';

const [name] = process.argv.slice(2);
if (!name) {
  console.error('usage: credstat-docs <api>');
  process.exit(2);
}
console.log(`✓ ${buildDocs(name)}`);
