#!/usr/bin/env node
// The whole test command: lint, typecheck, build, package checks (publint + attw), then every test
// project under UTC and the pure packages again under America/Sao_Paulo. Prints one closing line
// "N passed, N failed[, N skipped]" and exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const resultsDir = join(root, '.test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

/** Projects whose results must not depend on the process time zone. */
const PURE_PROJECTS = ['@isp/billing', '@isp/ip-policy', '@isp/contracts', '@isp/holidays'];
const EXTRA_TIME_ZONES = ['America/Sao_Paulo'];

let passed = 0;
let failed = 0;
let skipped = 0;
const summary = [];

function run(label, cmd, args, env = {}) {
  const started = Date.now();
  process.stdout.write(`\n=== ${label}\n`);
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: res.status === 0, seconds };
}

function step(label, cmd, args) {
  const { ok, seconds } = run(label, cmd, args);
  if (ok) passed += 1;
  else failed += 1;
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${label} (${seconds}s)`);
}

function existingProjects(names) {
  return names.filter((name) =>
    existsSync(join(root, 'packages', name.replace('@isp/', ''), 'src', 'index.ts')),
  );
}

function vitest(label, tz, projects) {
  const file = join(resultsDir, `${label.replace(/[^a-z0-9]+/gi, '-')}.json`);
  const args = [
    'exec',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ];
  for (const p of projects) args.push('--project', p);
  const { ok, seconds } = run(`${label} (TZ=${tz})`, 'pnpm', args, { TZ: tz });
  let p = 0;
  let f = 0;
  let s = 0;
  if (existsSync(file)) {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    p = json.numPassedTests ?? 0;
    f = json.numFailedTests ?? 0;
    // Only the real-router suite may skip (when no ROUTEROS_URL is set); it is reported, not hidden.
    s = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
    // A suite that failed to load (syntax error, missing import) has no tests but fails the run.
    const brokenSuites = (json.testResults ?? []).filter(
      (s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0,
    ).length;
    f += brokenSuites;
  }
  if (!ok && f === 0) f = 1;
  passed += p;
  failed += f;
  skipped += s;
  summary.push(
    `${ok ? 'ok  ' : 'FAIL'} ${label} TZ=${tz}: ${p} passed, ${f} failed, ${s} skipped (${seconds}s)`,
  );
}

step('lint and format (biome)', 'pnpm', ['exec', 'biome', 'check', '.']);
step('typecheck', 'pnpm', ['-r', '--if-present', 'typecheck']);
step('build', 'pnpm', ['-r', '--if-present', 'build']);
step('package checks (publint, attw)', 'pnpm', ['-r', '--if-present', 'lint:pkg']);
vitest('all tests', 'UTC', []);
const pure = existingProjects(PURE_PROJECTS);
for (const tz of EXTRA_TIME_ZONES) vitest('pure packages', tz, pure);

process.stdout.write(`\n=== summary\n${summary.join('\n')}\n`);
const closing = `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
writeFileSync(join(resultsDir, 'summary.txt'), `${summary.join('\n')}\n${closing}\n`);
process.stdout.write(`${closing}\n`);
process.exit(failed === 0 ? 0 : 1);
