// credstat-preview [--port 4173]: serves every API's docs, reloading on spec edits.
import { parseArgs } from 'node:util';
import { startPreview } from './preview.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4173' } } });
const preview = await startPreview(Number(values.port) || 4173);
console.log(`credstat docs at ${preview.url} (watching specs/; Ctrl-C to stop)`);
