// `npm start`: build whatever is missing or older than its sources, then serve on SQLite in ./data.
import { pathToFileURL } from 'node:url';
import { ensureServerBuilt, ensureWebBuilt, serverBundle } from './ensure-built.mjs';

ensureWebBuilt();
await ensureServerBuilt();
process.argv = [process.argv[0], serverBundle, 'start', ...process.argv.slice(2)];
await import(pathToFileURL(serverBundle).href);
