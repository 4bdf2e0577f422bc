#!/usr/bin/env node
// In the repository: rebuild the CLI bundle if its sources changed, then run it. Without the build
// tooling (or with ESSAIM_FROM_SOURCE=1), run the TypeScript sources through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = fileURLToPath(new URL('../dist/essaim.js', import.meta.url));
const ensure = fileURLToPath(new URL('../../../scripts/ensure-built.mjs', import.meta.url));
if (process.env.ESSAIM_FROM_SOURCE === '1') {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/main.ts', import.meta.url).href);
} else {
  if (existsSync(ensure)) {
    const { ensureServerBuilt } = await import(pathToFileURL(ensure).href);
    await ensureServerBuilt(() => {});
  }
  await import(pathToFileURL(dist).href);
}
