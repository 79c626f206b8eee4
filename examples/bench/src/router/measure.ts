/** Runs one strategy on one scenario and measures it. */
import { isOwnedRow } from '@isp/routeros';
import { PeakSampler } from '../shared/memory.js';
import { BASELINES, type BaselineId } from './baselines.js';
import { type CostParameters, costModel, physicalFloorMs } from './cost.js';
import {
  fingerprint,
  foreignRows,
  neededWrites,
  ownerOf,
  PREFIX,
  renderDesired,
  STATE_MENUS,
  subscriberMenus,
  type Tables,
  verifyFinal,
} from './expected.js';
import type { Mode } from './fixtures.js';
import { runOurs } from './ours.js';
import type { RemoteEmulator } from './remote-emulator.js';
import { type Scenario, type Target, ZERO_COST } from './scenarios.js';

export interface StrategySpec {
  /** Label in tables, e.g. `B3 ours (defaults)`. */
  readonly label: string;
  readonly kind: BaselineId | 'B3';
  /** B3 only: a fixed in-flight window; undefined = the adapter's defaults (adaptive window). */
  readonly window?: number;
}

export interface RouterRecord {
  readonly suite: 'router';
  readonly mode: Mode;
  readonly size: number;
  readonly rttMs: number;
  readonly serviceMs: number;
  readonly scenario: string;
  readonly scenarioNote: string;
  readonly strategy: string;
  readonly kind: string;
  readonly wallMs: number;
  readonly roundTrips: number;
  readonly prints: number;
  readonly sentences: number;
  readonly bytes: number;
  readonly logins: number;
  readonly writesIssued: number;
  readonly writesNeeded: number;
  /** Writes of an immediate second run on the converged router. */
  readonly secondRunWrites: number;
  readonly foreignTouched: number;
  readonly diffSize: number;
  readonly duplicates: number;
  readonly peakRssMiB: number;
  readonly floorMs: number;
  readonly ratioToFloor: number;
  readonly routerBusyMs: number;
  readonly maxInFlight: number;
  readonly fingerprint: string;
  readonly crashed: boolean;
  /** Correctness gate: converged, no duplicates, foreign rows intact, no failed outcome; B2/B3 also 0 second-run writes. */
  readonly ok: boolean;
  readonly problems: readonly string[];
}

async function readTables(em: RemoteEmulator): Promise<Tables> {
  const out = new Map<string, Record<string, string>[]>();
  for (const path of STATE_MENUS) out.set(path, await em.rows(path));
  return out;
}

async function runStrategy(
  strategy: StrategySpec,
  target: Target,
  scenario: Scenario,
  mode: Mode,
  crashAfterWrites: number | undefined,
): Promise<{ crashed: boolean; problems: string[] }> {
  const entries = renderDesired(scenario.desired);
  const problems: string[] = [];
  if (strategy.kind === 'B3') {
    const result = await runOurs(
      {
        target,
        ...(strategy.window === undefined ? {} : { window: strategy.window }),
        ...(crashAfterWrites === undefined ? {} : { crashAfterWrites }),
      },
      scenario.desired,
    );
    if (crashAfterWrites === undefined) {
      if (result.error !== undefined) problems.push(`reconcile failed: ${result.error}`);
      if (result.failedOutcomes > 0) problems.push(`${result.failedOutcomes} failed outcomes`);
      if (result.infrastructureErrors > 0)
        problems.push(`${result.infrastructureErrors} infrastructure errors`);
    }
    return { crashed: result.crashed, problems };
  }
  const result = await BASELINES[strategy.kind]({
    target,
    mode,
    desired: scenario.desired,
    entries,
    ...(crashAfterWrites === undefined ? {} : { crashAfterWrites }),
  });
  return { crashed: result.crashed, problems };
}

/** Seeds the scenario's start, runs the strategy under the cost model, checks the result, runs it again. */
export async function measure(input: {
  readonly em: RemoteEmulator;
  readonly target: Target;
  readonly mode: Mode;
  readonly size: number;
  readonly parameters: CostParameters;
  readonly scenario: Scenario;
  readonly strategy: StrategySpec;
}): Promise<RouterRecord> {
  const { em, target, mode, scenario, strategy, parameters } = input;
  await em.setCost(ZERO_COST);
  await em.seed(scenario.start);
  const startTables = await readTables(em);
  const entries = renderDesired(scenario.desired);
  const foreign = foreignRows(startTables);
  const needed = neededWrites(startTables, entries);
  const crashAfter = scenario.crashAt === undefined ? undefined : Math.floor(needed.total * scenario.crashAt);

  await em.setCost(costModel(parameters));
  await em.resetStats();
  const sampler = new PeakSampler();
  sampler.start();
  const started = performance.now();
  const problems: string[] = [];
  let crashed = false;
  if (crashAfter !== undefined) {
    const first = await runStrategy(strategy, target, scenario, mode, crashAfter);
    crashed = first.crashed;
    if (!crashed) problems.push('the simulated crash did not happen');
  }
  const main = await runStrategy(strategy, target, scenario, mode, undefined);
  problems.push(...main.problems);
  const wallMs = performance.now() - started;
  const memory = sampler.stop();
  const stats = await em.stats();

  await em.setCost(ZERO_COST);
  const finalTables = await readTables(em);
  const verification = verifyFinal(finalTables, entries, foreign);
  problems.push(...verification.problems);
  await em.resetStats();
  const second = await runStrategy(strategy, target, scenario, mode, undefined);
  problems.push(...second.problems.map((p) => `second run: ${p}`));
  const secondStats = await em.stats();
  const secondRunWrites = secondStats.commands.add + secondStats.commands.set + secondStats.commands.remove;
  if (strategy.kind !== 'B0' && secondRunWrites > 0)
    problems.push(`second run wrote ${secondRunWrites} times`);

  // Menus any client must read: those that hold (or may hold) subscriber rows. The plan infrastructure is
  // in place in every scenario but the factory one, and reading it is extra work of the adapter.
  const menus = new Set<string>(subscriberMenus(mode));
  const rowsAt = (tables: Tables): number[] => [...menus].map((path) => tables.get(path)?.length ?? 0);
  const mainMenu = mode === 'simple-queue' ? '/queue/simple' : '/ip/firewall/address-list';
  const afterCrash = [...menus].map(
    (path) => (startTables.get(path)?.length ?? 0) + (path === mainMenu ? (crashAfter ?? 0) : 0),
  );
  const sessions = crashAfter === undefined ? [rowsAt(startTables)] : [rowsAt(startTables), afterCrash];
  // On a factory router the plan infrastructure must be written too.
  const infraRows = (tables: Tables): number =>
    [...tables].reduce(
      (sum, [path, rows]) =>
        sum + rows.filter((row) => ownerOf(row) === null && isOwnedRow(path, row, PREFIX)).length,
      0,
    );
  const writesNeeded = needed.total + Math.max(0, infraRows(finalTables) - infraRows(startTables));
  const floorMs = physicalFloorMs(parameters, { sessions, writes: writesNeeded });
  const writesIssued = stats.commands.add + stats.commands.set + stats.commands.remove;

  return {
    suite: 'router',
    mode,
    size: input.size,
    rttMs: parameters.rttMs,
    serviceMs: parameters.serviceMs,
    scenario: scenario.id,
    scenarioNote: scenario.note,
    strategy: strategy.label,
    kind: strategy.kind,
    wallMs,
    roundTrips: stats.commands.total,
    prints: stats.commands.print,
    sentences: stats.sentencesIn + stats.sentencesOut,
    bytes: stats.bytesIn + stats.bytesOut,
    logins: stats.logins.succeeded,
    writesIssued,
    writesNeeded,
    secondRunWrites,
    foreignTouched: verification.foreignTouched,
    diffSize: verification.diffSize,
    duplicates: verification.duplicates,
    peakRssMiB: memory.peakRssBytes / 1024 / 1024,
    floorMs,
    ratioToFloor: wallMs / floorMs,
    routerBusyMs: stats.busyMs,
    maxInFlight: stats.maxInFlight,
    fingerprint: fingerprint(finalTables),
    crashed,
    ok: problems.length === 0,
    problems,
  };
}
