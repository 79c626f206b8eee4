#!/usr/bin/env node
// The full robustness run: every package's fuzz suite at ISP_FUZZ_RUNS cases per exported function
// (default 10,000), the emulator's connection churn at ISP_HOSTILE_CONNECTIONS connections (default 5,000)
// and the adapter's hostile-router and secret-hygiene episodes at ISP_HOSTILE_RUNS (default 100). Prints one
// table of figures per function (cases, successful results, typed errors, documented programmer errors, the
// slowest call) and the memory figures, and exits non-zero when any suite failed.
//   node scripts/fuzz-all.mjs [package ...]      e.g. node scripts/fuzz-all.mjs billing contracts
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const outDir = join(root, '.test-results');
// The figures of the run collect outside .test-results, which the test command clears when it starts.
const report = join(tmpdir(), `isp-fuzz-${process.pid}.jsonl`);
rmSync(report, { force: true });

const env = {
  ...process.env,
  ISP_FUZZ_RUNS: process.env.ISP_FUZZ_RUNS ?? '10000',
  ISP_HOSTILE_CONNECTIONS: process.env.ISP_HOSTILE_CONNECTIONS ?? '5000',
  ISP_HOSTILE_RUNS: process.env.ISP_HOSTILE_RUNS ?? '100',
  ISP_FUZZ_REPORT: report,
};

/** Package → the test folders of the run. */
const SUITES = {
  billing: ['test/fuzz'],
  'ip-policy': ['test/fuzz'],
  contracts: ['test/fuzz'],
  holidays: ['test/fuzz'],
  'routeros-emulator': ['test/fuzz', 'test/hostile'],
  routeros: ['test/fuzz', 'test/hostile'],
};
const wanted = process.argv.slice(2);
const packages = Object.keys(SUITES).filter((p) => wanted.length === 0 || wanted.includes(p));

const results = [];
for (const pkg of packages) {
  const dirs = SUITES[pkg].filter((d) => existsSync(join(root, 'packages', pkg, d)));
  const started = Date.now();
  process.stdout.write(`\n=== @isp/${pkg}: ${dirs.join(' ')} (ISP_FUZZ_RUNS=${env.ISP_FUZZ_RUNS})\n`);
  const res = spawnSync('pnpm', ['--filter', `@isp/${pkg}`, 'exec', 'vitest', 'run', ...dirs], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  results.push({ pkg, ok: res.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(0) });
}

const lines = existsSync(report)
  ? readFileSync(report, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l))
  : [];
const functions = lines.filter((l) => l.kind === undefined);
const others = lines.filter((l) => l.kind !== undefined);

const pad = (s, n) => String(s).padEnd(n);
const padL = (s, n) => String(s).padStart(n);
const header = `${pad('package', 24)}${pad('function', 32)}${padL('cases', 8)}${padL('ok', 8)}${padL('typed err', 11)}${padL('prog err', 10)}${padL('max ms', 9)}`;
const table = [header, '-'.repeat(header.length)];
for (const f of functions)
  table.push(
    `${pad(f.package, 24)}${pad(f.name, 32)}${padL(f.cases, 8)}${padL(f.ok, 8)}${padL(f.typedErrors, 11)}${padL(f.programmerErrors, 10)}${padL(f.maxMs.toFixed(1), 9)}`,
  );
const totalCases = functions.reduce((s, f) => s + f.cases, 0);
const slowest = functions.reduce((m, f) => (f.maxMs > m.maxMs ? f : m), {
  maxMs: 0,
  name: '-',
  package: '-',
});
table.push('-'.repeat(header.length));
table.push(
  `${functions.length} functions, ${totalCases} cases, slowest call ${slowest.maxMs.toFixed(1)} ms (${slowest.package} ${slowest.name})`,
);
for (const o of others) table.push(`${o.kind}: ${JSON.stringify(o)}`);
table.push('');
for (const r of results) table.push(`${r.ok ? 'ok  ' : 'FAIL'} @isp/${r.pkg} (${r.seconds}s)`);
const text = `${table.join('\n')}\n`;
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'fuzz-figures.txt'), text);
rmSync(report, { force: true });
process.stdout.write(`\n=== figures\n${text}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
