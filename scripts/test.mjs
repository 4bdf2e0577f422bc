// `npm test`: the single gate. Type check, lint, build, unit + database tests (SQLite always,
// PostgreSQL and Redis when configured), then browser tests when Chromium is present.
// Whatever is skipped is said in one line; with CI=true a skipped suite is a failure.
//
// `npm test -- --runtime-only`: only the unit and database tests, the part whose outcome depends on the
// runtime (the SQLite driver: better-sqlite3 on Node 20, node:sqlite on 22.16+; Node's own APIs); CI runs
// it on Node 24 and on Node 20. The type check, lint, build and browser journeys do not change with the
// Node running them and run once (see .ci/run).
//
// The full gate in parts, so CI can run the browser journeys alongside the unit and database tests
// (.ci/run): `npm test -- --static-only` (type check, lint, build), then `npm test -- --browser-only` (the
// browser tests, against that build) beside `npm test -- --runtime-only` on each Node.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
console.log(`node ${process.version}, SQLite driver ${process.env.ESSAIM_SQLITE_DRIVER || 'auto'}`);
const isCi = process.env.CI === 'true' || process.env.CI === '1';
const runtimeOnly = process.argv.includes('--runtime-only');
const staticOnly = process.argv.includes('--static-only');
const browserOnly = process.argv.includes('--browser-only');
const only = runtimeOnly || staticOnly || browserOnly;
const run = {
  static: !only || staticOnly,
  unit: !only || runtimeOnly,
  browser: !only || browserOnly,
};
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
if (!pgUrl && run.unit) {
  skips.push('PostgreSQL suite skipped: set ESSAIM_TEST_DATABASE_URL=postgres://… to run it');
}
if ((!redisUrl || !pgUrl) && run.unit) {
  skips.push(
    'Redis two-instance suite skipped: set REDIS_URL=redis://… and ESSAIM_TEST_DATABASE_URL to run it',
  );
}
const hasBrowser = existsSync(chromium);
if (!hasBrowser && run.browser) {
  skips.push(`browser suite skipped: no Chromium at ${chromium} (apt-get install chromium)`);
}

// Each Node's unit and database run keeps its reports apart (test-artifacts/node20/…, node24/…).
const resultsDir = path.join(
  root,
  'test-artifacts',
  runtimeOnly ? `node${process.versions.node.split('.')[0]}` : '',
);
// The browser-only part runs while the unit and database runs write into test-artifacts/nodeNN: it clears
// only its own report.
const e2eJson = path.join(resultsDir, 'vitest-e2e.json');
rmSync(browserOnly ? e2eJson : resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

let ok = true;
if (only) {
  const left = Object.keys(run).filter((part) => !run[part]);
  console.log(`\n▶ left to the other parts of the gate: ${left.join(', ')}`);
}
if (run.static) {
  ok = step('type check', 'npm', ['run', '--silent', 'typecheck']) && ok;
  ok = step('lint', bin('biome'), ['check', '.']) && ok;
  ok = step('build', process.execPath, [path.join(root, 'scripts/build.mjs')]) && ok;
}
if (run.unit) {
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
if (hasBrowser && run.browser) {
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
