// Build what `npm start` serves: the web app (Vite) and the CLI+server bundle (esbuild).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildServer() {
  // Third-party packages stay in node_modules (native addons, dynamic requires); our workspaces,
  // shipped as TypeScript source, are bundled.
  const external = new Set();
  for (const pkg of ['apps/server', 'apps/cli', 'packages/contracts']) {
    const json = JSON.parse(readFileSync(path.join(root, pkg, 'package.json'), 'utf8'));
    for (const dep of Object.keys(json.dependencies ?? {})) {
      if (!dep.startsWith('@essaim/')) {
        external.add(dep);
      }
    }
  }
  const entryPoints = { essaim: path.join(root, 'apps/cli/src/main.ts') };
  for (const [name, file] of Object.entries(workerEntries())) {
    entryPoints[name] = file;
  }
  await build({
    entryPoints,
    outdir: path.join(root, 'apps/cli/dist'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    external: [...external, 'tsx', 'tsx/*'],
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    logLevel: 'warning',
  });
}

/** Worker-thread entry points, bundled beside essaim.js so `new URL('./x-worker.js', import.meta.url)` finds them. */
function workerEntries() {
  const entries = {};
  const candidates = {
    'network-worker': 'apps/server/src/analysis/network-worker.ts',
    'opinions-worker': 'apps/server/src/analysis/opinions-worker.ts',
    'xlsx-worker': 'apps/server/src/services/xlsx-worker.ts',
  };
  for (const [name, rel] of Object.entries(candidates)) {
    try {
      readFileSync(path.join(root, rel));
      entries[name] = path.join(root, rel);
    } catch {
      // not present in this tree
    }
  }
  return entries;
}

export function buildWeb() {
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: path.join(root, 'apps/web'),
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) {
    throw new Error('web build failed');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t0 = performance.now();
  buildWeb();
  await buildServer();
  console.log(`build: web + server in ${Math.round(performance.now() - t0)} ms`);
}
