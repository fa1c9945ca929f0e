// credstat-preview [--port 4173]: serves the docs site (index with the coverage
// matrix, every API's reference page), relinting, rebuilding and reloading on
// every change under specs/ or to redocly.yaml; lint problems show in the page.
import { parseArgs } from 'node:util';
import { startPreview } from './preview.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4173' } } });
const port = Number(values.port);
const preview = await startPreview(Number.isInteger(port) && port >= 0 ? port : 4173);
console.log(`credstat docs at ${preview.url} (watching specs/ and redocly.yaml; Ctrl-C to stop)`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void preview.close().finally(() => process.exit(0));
  });
}
