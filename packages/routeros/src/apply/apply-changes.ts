import type { AccessNetworkError } from '@isp/contracts';
import { err, ok, type Result } from 'neverthrow';
import { type RouterError, unsafeWrite } from '../errors.js';
import type { Change } from '../plan/change.js';
import { differingFields, isOwnedRow } from '../plan/plan-changes.js';
import type { Row, Snapshot } from '../plan/snapshot.js';
import { menuOf } from '../resources/menus.js';
import type { RouterConnection } from '../transport/router-connection.js';
import type { RunCounters } from './counters.js';
import { type ProgressEvent, readMenu } from './read-snapshot.js';
import { type CustomerNetworkCheck, checkWrite, rowById } from './write-guard.js';

export interface ApplyContext {
  readonly routerId: string;
  readonly prefix: string;
  readonly connection: RouterConnection;
  readonly snapshot: Snapshot;
  /** Changes applied at once (pipelined) within a phase. */
  readonly window: number;
  readonly inCustomerNetworks: CustomerNetworkCheck;
  readonly counters: RunCounters;
  readonly onProgress: (event: ProgressEvent) => void;
}

export interface ApplyResult {
  /** Changes that took effect. */
  readonly applied: readonly Change[];
  /** First failure per subscriber. */
  readonly failures: ReadonlyMap<string, AccessNetworkError>;
  readonly infrastructureErrors: readonly AccessNetworkError[];
}

function attributeWords(fields: Readonly<Record<string, string>>): string[] {
  return Object.entries(fields).map(([key, value]) => `=${key}=${value}`);
}

/** The words of one change. */
export function changeWords(change: Change, id: string | undefined = change.id): string[] {
  switch (change.operation) {
    case 'create':
      return [
        `${change.path}/add`,
        ...attributeWords(change.fields),
        ...(change.placeBefore === undefined ? [] : [`=place-before=${change.placeBefore}`]),
      ];
    case 'update':
      return [`${change.path}/set`, `=.id=${id ?? ''}`, ...attributeWords(change.fields)];
    default:
      return [`${change.path}/remove`, `=.id=${id ?? ''}`];
  }
}

function lookupQuery(change: Change): string[] {
  const menu = menuOf(change.path);
  return menu.ownership === 'comment' ? [`?comment=${change.key}`] : [`?name=${change.key}`];
}

async function send(ctx: ApplyContext, words: string[]): Promise<Result<void, RouterError>> {
  const result = await ctx.connection.command(words);
  return result.isOk() ? ok(undefined) : err(result.error);
}

/** Re-reads the one entry a trap touched and converges it (create → set, vanished → create). */
async function converge(
  ctx: ApplyContext,
  change: Change,
  full: Readonly<Record<string, string>>,
): Promise<Result<void, RouterError | AccessNetworkError> | 'retry-later'> {
  ctx.counters.retries += 1;
  const menu = menuOf(change.path);
  const rows = await readMenu(ctx.connection, menu, lookupQuery(change));
  if (rows.isErr()) return err(rows.error);
  const mine = rows.value.find((row: Row) => isOwnedRow(change.path, row, ctx.prefix));
  if (mine === undefined)
    return change.operation === 'create'
      ? 'retry-later'
      : send(ctx, changeWords({ ...change, operation: 'create', fields: full }));
  const differing = differingFields(menu, full, mine);
  if (differing.length === 0) return ok(undefined);
  const fields: Record<string, string> = {};
  for (const field of differing) fields[field] = full[field] ?? '';
  return send(ctx, changeWords({ ...change, operation: 'update', fields }, mine['.id']));
}

async function applyOne(
  ctx: ApplyContext,
  change: Change,
  lastTry: boolean,
): Promise<Result<void, AccessNetworkError> | 'retry-later'> {
  const refused = checkWrite(change, ctx.snapshot, ctx);
  if (refused !== null) return err(refused);
  const sent = await send(ctx, changeWords(change));
  if (sent.isOk()) return sent;
  const error = sent.error;
  if (error.type !== 'RouterTrap') return err(error);
  if ((change.operation === 'remove' || change.operation === 'kick') && error.category === 'no-such-item')
    return ok(undefined);
  if (change.operation === 'create' && error.category === 'duplicate') {
    const converged = await converge(ctx, change, change.fields);
    if (converged === 'retry-later') return lastTry ? err(error) : 'retry-later';
    return converged.isOk() ? converged : err(converged.error);
  }
  if (
    change.operation === 'update' &&
    (error.category === 'no-such-item' || error.category === 'invalid-item-number')
  ) {
    const entry = rowById(ctx.snapshot, change.path, change.id);
    const full = { ...(entry ?? {}), ...change.fields };
    delete (full as Record<string, string>)['.id'];
    const converged = await converge(ctx, change, full);
    if (converged === 'retry-later') return err(error);
    return converged.isOk() ? converged : err(converged.error);
  }
  return err(error);
}

/** The last attempt of a change: a remaining conflict is its failure. */
async function applyLast(ctx: ApplyContext, change: Change): Promise<Result<void, AccessNetworkError>> {
  const result = await applyOne(ctx, change, true);
  return result === 'retry-later'
    ? err(
        unsafeWrite(
          ctx.routerId,
          'not-owned',
          change.key,
          `${change.path} already holds this entry in a row we do not own`,
        ),
      )
    : result;
}

async function runPool<T>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(width, items.length)) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(workers);
}

/** Depth of a menu in the reference graph: 0 for menus that reference none of ours. */
function dependencyTier(path: string, seen: ReadonlySet<string> = new Set()): number {
  const deps = menuOf(path).dependsOn ?? [];
  let tier = 0;
  for (const dep of deps) {
    if (seen.has(dep)) continue;
    tier = Math.max(tier, 1 + dependencyTier(dep, new Set([...seen, path])));
  }
  return tier;
}

/**
 * The steps of one phase: infrastructure in dependency tiers (created referenced-first, removed
 * referencing-first); subscriber changes and kicks in one step.
 */
function stepsOf(phase: Change['phase'], batch: readonly Change[]): Change[][] {
  if (phase !== 0 && phase !== 3) return [batch.slice()];
  const tiers = new Map<number, Change[]>();
  for (const change of batch) {
    const tier = dependencyTier(change.path);
    const list = tiers.get(tier) ?? [];
    list.push(change);
    tiers.set(tier, list);
  }
  const order = [...tiers.keys()].sort((a, b) => (phase === 0 ? a - b : b - a));
  return order.map((tier) => tiers.get(tier) ?? []);
}

/**
 * Runs one step: creates that share a sequence one at a time in plan order (a lane per sequence), everything
 * else pipelined within the window, lanes and pool at the same time.
 */
async function runStep(
  step: readonly Change[],
  width: number,
  work: (change: Change) => Promise<void>,
): Promise<void> {
  const free: Change[] = [];
  const lanes = new Map<string, Change[]>();
  for (const change of step) {
    if (change.operation !== 'create' || change.sequence === undefined) {
      free.push(change);
      continue;
    }
    const lane = lanes.get(change.sequence) ?? [];
    lane.push(change);
    lanes.set(change.sequence, lane);
  }
  await Promise.all([
    runPool(free, width, work),
    ...[...lanes.values()].map((lane) => runPool(lane, 1, work)),
  ]);
}

/**
 * Applies a plan phase by phase: infrastructure (in dependency tiers, pipelined; rules whose order matters
 * one at a time), subscriber writes, kicks, then infrastructure removals (referencing menus first). Within a
 * step every write is pipelined in the window. A trap touches only its change: the entry is re-read and
 * converged, or the subscriber's outcome becomes `failed`; the other subscribers go on.
 */
export async function applyChanges(ctx: ApplyContext, changes: readonly Change[]): Promise<ApplyResult> {
  const applied: Change[] = [];
  const failures = new Map<string, AccessNetworkError>();
  const infrastructureErrors: AccessNetworkError[] = [];
  let done = 0;
  const record = (change: Change, result: Result<void, AccessNetworkError>): void => {
    done += 1;
    if (result.isOk()) applied.push(change);
    else if (change.subscriberId === null) infrastructureErrors.push(result.error);
    else if (!failures.has(change.subscriberId)) failures.set(change.subscriberId, result.error);
    ctx.onProgress({
      type: 'applied',
      routerId: ctx.routerId,
      subscriberId: change.subscriberId,
      operation: change.operation,
      path: change.path,
      key: change.key,
      ok: result.isOk(),
      done,
      total: changes.length,
    });
  };
  for (const phase of [0, 1, 2, 3] as const) {
    const batch = changes.filter(
      (c) => c.phase === phase && (c.subscriberId === null || !failures.has(c.subscriberId)),
    );
    for (const step of stepsOf(phase, batch)) {
      const later: Change[] = [];
      await runStep(step, ctx.window, async (change) => {
        if (change.subscriberId !== null && failures.has(change.subscriberId)) {
          done += 1;
          return;
        }
        const result = await applyOne(ctx, change, false);
        if (result === 'retry-later') later.push(change);
        else record(change, result);
      });
      // Creates that met a duplicate held by an entry another change of this step was moving away: once more.
      for (const change of later) record(change, await applyLast(ctx, change));
    }
  }
  return { applied, failures, infrastructureErrors };
}
