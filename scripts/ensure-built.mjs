// Rebuild the web app or the CLI+server bundle when they are missing or older than their sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer, buildWeb } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) {
    return newest;
  }
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') {
      continue;
    }
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const newestOf = (...dirs) => Math.max(...dirs.map((d) => newestMtime(path.join(root, d))));
const SHARED = ['packages/core/src', 'packages/contracts/src'];

export const serverBundle = path.join(root, 'apps/cli/dist/essaim.js');

export async function ensureServerBuilt(log = (m) => console.error(m)) {
  if (mtime(serverBundle) < newestOf(...SHARED, 'apps/server/src', 'apps/cli/src')) {
    log('essaim: building the server…');
    await buildServer();
  }
}

export function ensureWebBuilt(log = (m) => console.error(m)) {
  if (
    mtime(path.join(root, 'apps/web/dist/index.html')) <
    newestOf(...SHARED, 'apps/web/src', 'apps/web/public')
  ) {
    log('essaim: building the web app…');
    buildWeb();
  }
}
