/**
 * `pnpm bench`: the router reconciliation benchmark (against the RouterOS emulator, with the baselines) and
 * the daily billing run. Prints one summary table, writes docs/benchmarks.md (full runs), and exits non-zero
 * when a correctness gate fails (never for a missed speed target).
 *
 *   pnpm bench                      full run (~15 min), writes docs/benchmarks.md
 *   pnpm bench -- --quick           small sizes, a smoke run (docs untouched unless --docs is given)
 *   pnpm bench -- --suite router    or --suite billing
 *   pnpm bench -- --docs <file>     where to write the markdown report
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { billingPlan } from './billing/plan.js';
import { type BillingRecord, billingReport } from './billing/report.js';
import type { CalibrationRecord, LaneSpec } from './router/lane-spec.js';
import type { RouterRecord } from './router/measure.js';
import { routerPlan } from './router/plan.js';
import { routerReport, type TargetStatement } from './router/report.js';
import { environment } from './shared/environment.js';
import { textTable } from './shared/table.js';

interface Options {
  readonly quick: boolean;
  /** Re-render the report from the raw records of the last run, without running anything. */
  readonly reportOnly: boolean;
  readonly suites: ReadonlySet<'router' | 'billing'>;
  readonly docs: string | undefined;
}

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');

function parseOptions(argv: readonly string[]): Options {
  let quick = false;
  let reportOnly = false;
  let suites = new Set<'router' | 'billing'>(['router', 'billing']);
  let docs: string | undefined;
  let docsGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') continue;
    if (arg === '--quick') quick = true;
    else if (arg === '--report-only') reportOnly = true;
    else if (arg === '--suite' || arg?.startsWith('--suite=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      const wanted = (value ?? '').split(',').filter(Boolean);
      if (wanted.some((s) => s !== 'router' && s !== 'billing')) throw new Error(`unknown suite in ${value}`);
      suites = new Set(wanted as ('router' | 'billing')[]);
    } else if (arg === '--docs' || arg?.startsWith('--docs=')) {
      docs = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      docsGiven = true;
    } else if (arg === '--no-docs') {
      docsGiven = true;
      docs = undefined;
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(
        'usage: pnpm bench [-- --quick] [--suite router|billing|router,billing] [--docs <file> | --no-docs] [--report-only]\n',
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}`);
  }
  if (!docsGiven && !quick && suites.size === 2) docs = join(repoRoot, 'docs/benchmarks.md');
  return { quick, reportOnly, suites, docs: docs === undefined ? undefined : resolve(process.cwd(), docs) };
}

/** Runs a TypeScript entry in a child process (same loader flags), resolving with its exit code. */
function runChild(
  script: string,
  args: readonly string[],
  extraNodeArgs: readonly string[] = [],
): Promise<number> {
  return new Promise((resolvePromise) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, ...extraNodeArgs, join(here, script), ...args],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    child.on('exit', (code) => resolvePromise(code ?? 1));
  });
}

function readJsonLines<T>(file: string): T[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

async function runRouter(
  quick: boolean,
  rawDir: string,
  launchLanes: boolean,
): Promise<{
  records: RouterRecord[];
  calibrations: CalibrationRecord[];
  laneFailures: string[];
  sizes: { mid: number; big: number; small: number };
  lanes: { lane: string; wallMs: number; cpuMs: number }[];
}> {
  const plan = routerPlan(quick);
  const out = join(rawDir, 'router.jsonl');
  const laneFailures: string[] = [];
  if (launchLanes) {
    rmSync(out, { force: true });
    const launch = async (spec: Omit<LaneSpec, 'out'>): Promise<void> => {
      const code = await runChild('router/lane.ts', [JSON.stringify({ ...spec, out })]);
      if (code !== 0) laneFailures.push(`router lane ${spec.lane} exited with ${code}`);
    };
    process.stderr.write(`router: ${plan.concurrent.length} latency-bound baseline lanes, concurrently\n`);
    await Promise.all(plan.concurrent.map(launch));
    process.stderr.write(`router: ${plan.sequential.length} lanes, one at a time\n`);
    for (const spec of plan.sequential) await launch(spec);
  }
  const all = readJsonLines<{ suite: string }>(out);
  return {
    records: all.filter((r): r is RouterRecord => r.suite === 'router'),
    calibrations: all.filter((r): r is CalibrationRecord => r.suite === 'calibration') as CalibrationRecord[],
    lanes: all.filter((r) => r.suite === 'lane') as unknown as {
      lane: string;
      wallMs: number;
      cpuMs: number;
    }[],
    laneFailures,
    sizes: { mid: quick ? 60 : 500, big: plan.big, small: plan.small },
  };
}

async function runBilling(
  quick: boolean,
  rawDir: string,
  launchLanes: boolean,
): Promise<{ records: BillingRecord[]; failures: string[] }> {
  const out = join(rawDir, 'billing.jsonl');
  const failures: string[] = [];
  if (launchLanes) rmSync(out, { force: true });
  for (const spec of launchLanes ? billingPlan(quick) : []) {
    process.stderr.write(`billing: ${spec.size.toLocaleString('en-US')} contracts (${spec.variant})\n`);
    const code = await runChild('billing/lane.ts', [JSON.stringify({ ...spec, out })], spec.nodeArgs);
    if (code !== 0) failures.push(`billing lane ${spec.variant} n=${spec.size} exited with ${code}`);
  }
  return { records: readJsonLines<BillingRecord>(out), failures };
}

type Suite = 'router' | 'billing';

/** A suite whose section comes from an earlier run's raw records (the run re-ran only the other suite). */
interface CarriedRun {
  readonly env: ReturnType<typeof environment>;
  readonly command: string;
  readonly elapsed: number;
}

interface RunMeta {
  readonly env: ReturnType<typeof environment>;
  readonly command: string;
  readonly elapsed: number;
  readonly quick: boolean;
  /** Suites this run measured. */
  readonly suites: readonly Suite[];
  /** Suites rendered from an earlier run's raw records, with that run's details. */
  readonly carried?: Partial<Record<Suite, CarriedRun>>;
}

async function main(): Promise<number> {
  const parsed = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const rawDir =
    parsed.reportOnly || (parsed.docs !== undefined && !parsed.quick)
      ? join(repoRoot, 'docs/benchmarks-raw')
      : join(tmpdir(), `isp-bench-${process.pid}`);
  mkdirSync(rawDir, { recursive: true });
  const metaFile = join(rawDir, 'meta.json');
  const meta: RunMeta | undefined =
    parsed.reportOnly && existsSync(metaFile)
      ? (JSON.parse(readFileSync(metaFile, 'utf8')) as RunMeta)
      : undefined;
  if (parsed.reportOnly && meta === undefined) throw new Error(`no previous run in ${rawDir}`);
  const options: Options =
    meta === undefined
      ? parsed
      : {
          ...parsed,
          quick: meta.quick,
          suites: new Set(meta.suites),
          docs: parsed.docs ?? join(repoRoot, 'docs/benchmarks.md'),
        };
  const env = meta?.env ?? environment();
  const launch = !options.reportOnly;
  // Writing the repository's report after re-running one suite: the other suite's section is rendered from
  // its raw records, which stay as they were, with the details of the run that measured them.
  const carried: Partial<Record<Suite, CarriedRun>> = { ...(meta?.carried ?? {}) };
  if (
    launch &&
    !options.quick &&
    options.docs !== undefined &&
    rawDir === join(repoRoot, 'docs/benchmarks-raw')
  ) {
    const previous: RunMeta | undefined = existsSync(metaFile)
      ? (JSON.parse(readFileSync(metaFile, 'utf8')) as RunMeta)
      : undefined;
    for (const suite of ['router', 'billing'] as const) {
      if (options.suites.has(suite) || !existsSync(join(rawDir, `${suite}.jsonl`))) continue;
      const earlier = previous?.carried?.[suite];
      if (earlier !== undefined) carried[suite] = earlier;
      else if (previous?.suites.includes(suite) === true)
        carried[suite] = { env: previous.env, command: previous.command, elapsed: previous.elapsed };
    }
  }
  const renders = (suite: Suite): boolean => options.suites.has(suite) || carried[suite] !== undefined;
  const sections: string[] = [];
  const targets: TargetStatement[] = [];
  const gates: string[] = [];
  const summary: string[][] = [];

  if (renders('router')) {
    const router = await runRouter(options.quick, rawDir, launch && options.suites.has('router'));
    const report = routerReport(router.records, router.calibrations, router.sizes);
    sections.push(`## Router reconciliation\n\n${report.markdown}`);
    targets.push(...report.targets);
    gates.push(...router.laneFailures, ...report.gateFailures);
    for (const r of router.records) {
      summary.push([
        'router',
        `${r.mode === 'simple-queue' ? 'SQ' : 'PCQ'} n=${r.size} rtt=${r.rttMs}`,
        r.scenario,
        r.strategy,
        `${(r.wallMs / 1000).toFixed(2)} s`,
        `${r.writesIssued}/${r.writesNeeded} w, 2nd ${r.secondRunWrites}`,
        `${r.ratioToFloor.toFixed(2)}× floor`,
        r.ok ? 'ok' : 'FAIL',
      ]);
    }
    if (router.lanes.length > 0) {
      sections.push(
        `### Lanes\n\n` +
          router.lanes
            .map(
              (l) =>
                `- ${l.lane}: ${(l.wallMs / 1000).toFixed(0)} s wall, ${(l.cpuMs / 1000).toFixed(1)} s CPU of the client process`,
            )
            .join('\n'),
      );
    }
  }
  if (renders('billing')) {
    const billing = await runBilling(options.quick, rawDir, launch && options.suites.has('billing'));
    const report = billingReport(billing.records);
    sections.push(`## Daily billing run\n\n${report.markdown}`);
    targets.push(...report.targets);
    gates.push(...billing.failures, ...report.gateFailures);
    summary.push(...report.summaryRows);
  }

  const elapsed = meta?.elapsed ?? (Date.now() - started) / 1000;
  const command =
    meta?.command ??
    `pnpm bench${options.quick ? ' -- --quick' : ''}${options.suites.size === 2 ? '' : ` ${options.quick ? '' : '-- '}--suite ${[...options.suites].join(',')}`}`;
  if (launch) {
    const record: RunMeta = {
      env,
      command,
      elapsed,
      quick: options.quick,
      suites: [...options.suites],
      ...(Object.keys(carried).length === 0 ? {} : { carried }),
    };
    writeFileSync(metaFile, `${JSON.stringify(record, null, 2)}\n`);
  }
  process.stdout.write(
    `\n${textTable(['suite', 'point', 'scenario', 'strategy', 'wall', 'writes', 'floor', 'gate'], summary)}\n\n`,
  );
  for (const t of targets)
    process.stdout.write(`${t.met ? 'MET    ' : 'NOT MET'}  ${t.target} — ${t.detail}\n`);
  if (gates.length > 0)
    process.stdout.write(`\nCORRECTNESS GATES FAILED:\n${gates.map((g) => `- ${g}`).join('\n')}\n`);
  else process.stdout.write('\nall correctness gates passed\n');
  process.stdout.write(`elapsed ${elapsed.toFixed(0)} s\n`);

  if (options.docs !== undefined) {
    const markdown = renderDocument({
      env,
      command,
      elapsed,
      sections,
      targets,
      gates,
      quick: options.quick,
      carried,
    });
    mkdirSync(dirname(options.docs), { recursive: true });
    writeFileSync(options.docs, markdown);
    process.stdout.write(`wrote ${options.docs}\n`);
  }
  return gates.length > 0 ? 1 : 0;
}

function renderDocument(input: {
  env: ReturnType<typeof environment>;
  command: string;
  elapsed: number;
  sections: readonly string[];
  targets: readonly TargetStatement[];
  gates: readonly string[];
  quick: boolean;
  carried: Partial<Record<Suite, CarriedRun>>;
}): string {
  const { env } = input;
  const carriedLines = Object.entries(input.carried)
    .map(
      ([suite, run]) =>
        `\nThe ${suite} section is from an earlier run, kept as it was: \`${run.command}\` in ${Math.round(run.elapsed)} s; ` +
        `Node ${run.env.node}; ${run.env.cpu} (${run.env.cores} cores); ${run.env.date}; commit ${run.env.commit}.`,
    )
    .join('');
  return `# Benchmarks

Generated by \`${input.command}\` (examples/bench) in ${Math.round(input.elapsed)} s${input.quick ? ' — a quick smoke run with small sizes' : ''}.
Raw records: \`docs/benchmarks-raw/*.jsonl\`. The method is described in [the last section](#method).${carriedLines}

**Environment:** Node ${env.node}; ${env.cpu} (${env.cores} cores); ${env.memoryGiB} GiB RAM; ${env.platform}; ${env.date}; commit ${env.commit}.

## Targets

| target | met? | detail |
|---|---|---|
${input.targets.map((t) => `| ${t.target} | ${t.met ? '**met**' : '**not met**'} | ${t.detail} |`).join('\n')}

Correctness gates: ${input.gates.length === 0 ? 'all passed.' : `**failed**:\n\n${input.gates.map((g) => `- ${g}`).join('\n')}`}

${input.sections.join('\n\n')}

${METHOD}
`;
}

const METHOD = readFileSync(join(here, 'method.md'), 'utf8');

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(2);
  },
);
