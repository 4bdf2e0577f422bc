// `npm test`: the single gate. Type check, lint, build, unit + database tests (SQLite always,
// PostgreSQL and Redis when configured), then browser tests when Chromium is present.
// Whatever is skipped is said in one line; with CI=true a skipped suite is a failure.
//
// `npm test -- --runtime-only`: CI's second leg, on another Node major. Only the unit and database
// tests, the part whose outcome depends on the runtime (the SQLite driver: better-sqlite3 on Node 20,
// node:sqlite on 22.16+; Node's own APIs). The type check, lint, build and browser journeys do not
// change with the Node running the tests and are left to the full gate (see .ci/run).
//
// The full gate in two halves, so CI can run its browser journeys alongside the second leg (.ci/run):
// `npm test -- --no-browser` (type check, lint, build, unit + database tests), then
// `npm test -- --browser-only` (the browser tests, against the build the first half made).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
console.log(`node ${process.version}, SQLite driver ${process.env.ESSAIM_SQLITE_DRIVER || 'auto'}`);
const isCi = process.env.CI === 'true' || process.env.CI === '1';
const runtimeOnly = process.argv.includes('--runtime-only');
const browserOnly = process.argv.includes('--browser-only');
const noBrowser = runtimeOnly || process.argv.includes('--no-browser');
const chromium = process.env.ESSAIM_CHROMIUM ?? '/usr/bin/chromium';
const skips = [];
const totals = { passed: 0, failed: 0, skipped: 0 };
const bin = (name) => path.join(root, 'node_modules/.bin', name);

function step(title, cmd, args, env = {}) {
  const t0 = performance.now();
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.log(`✖ ${title} failed (${secs} s)`);
    return false;
  }
  console.log(`✔ ${title} (${secs} s)`);
  return true;
}

function countResults(file) {
  if (!existsSync(file)) {
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

const pgUrl = process.env.ESSAIM_TEST_DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
if (!pgUrl && !browserOnly) {
  skips.push('PostgreSQL suite skipped: set ESSAIM_TEST_DATABASE_URL=postgres://… to run it');
}
if ((!redisUrl || !pgUrl) && !browserOnly) {
  skips.push(
    'Redis two-instance suite skipped: set REDIS_URL=redis://… and ESSAIM_TEST_DATABASE_URL to run it',
  );
}
const hasBrowser = existsSync(chromium);
if (!hasBrowser && !noBrowser) {
  skips.push(`browser suite skipped: no Chromium at ${chromium} (apt-get install chromium)`);
}

// The second leg keeps its reports beside the first leg's (test-artifacts/node20/…), not over them.
const resultsDir = path.join(
  root,
  'test-artifacts',
  runtimeOnly ? `node${process.versions.node.split('.')[0]}` : '',
);
// The browser-only half runs while the second leg writes into test-artifacts/node20: it clears only its
// own report, and keeps the first half's.
const e2eJson = path.join(resultsDir, 'vitest-e2e.json');
rmSync(browserOnly ? e2eJson : resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

let ok = true;
if (runtimeOnly) {
  console.log('\n▶ type check, lint, build and browser tests: left to the full gate (--runtime-only)');
} else if (browserOnly) {
  console.log('\n▶ type check, lint, build, unit and database tests: left to `npm test -- --no-browser`');
} else {
  ok = step('type check', 'npm', ['run', '--silent', 'typecheck']) && ok;
  ok = step('lint', bin('biome'), ['check', '.']) && ok;
  ok = step('build', process.execPath, [path.join(root, 'scripts/build.mjs')]) && ok;
}
if (!browserOnly) {
  const unitJson = path.join(resultsDir, 'vitest-unit.json');
  ok =
    step('unit and database tests', bin('vitest'), [
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${unitJson}`,
    ]) && ok;
  countResults(unitJson);
}
if (noBrowser && !runtimeOnly) {
  console.log('\n▶ browser tests: left to `npm test -- --browser-only`');
}
if (hasBrowser && !noBrowser) {
  ok =
    step('browser tests (Chromium)', bin('vitest'), [
      'run',
      '--config',
      'vitest.e2e.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${e2eJson}`,
    ]) && ok;
  countResults(e2eJson);
}

console.log('');
for (const s of skips) {
  console.log(`skip: ${s}`);
}
if (isCi && skips.length > 0) {
  console.log('CI=true: a skipped PostgreSQL, Redis or browser suite is a failure');
  ok = false;
}
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
