import type {
  AccessMethod,
  AccessNetwork,
  AccessNetworkError,
  AccessPlanRates,
  DesiredAccess,
  SubscriberOutcome,
  SyncOptions,
} from '@isp/contracts';
import { createIpAllocator, type IpAllocator } from '@isp/ip-policy';
import { err, errAsync, ok, type Result, ResultAsync } from 'neverthrow';
import { applyChanges } from '../apply/apply-changes.js';
import { countingConnection, emptyCounters, type RunCounters, type RunTimings } from '../apply/counters.js';
import { readMenu, readSnapshot } from '../apply/read-snapshot.js';
import { adoptionRefused, invalidDesiredAccess, routerUnknown } from '../errors.js';
import type { Change } from '../plan/change.js';
import type { PlanningConfig } from '../plan/desired-entry.js';
import { createOwnership, type SubscriberRole } from '../plan/ownership.js';
import {
  type AccessPlanning,
  outcomeOf,
  type PlanMode,
  planAccess,
  toPlannedChange,
} from '../plan/plan-access.js';
import { hasItemId, isOwnedRow, planChanges } from '../plan/plan-changes.js';
import { resolvePlanningConfig } from '../plan/planning-config.js';
import {
  type PlanUsage,
  renderBaseInfrastructure,
  renderPlanInfrastructure,
} from '../plan/render-infrastructure.js';
import type { Snapshot } from '../plan/snapshot.js';
import { ADDRESS_LIST, ALL_MENUS, HOTSPOT_USER, PPP_SECRET, QUEUE_SIMPLE } from '../resources/menus.js';
import type { ResourceDescriptor } from '../resources/resource-descriptor.js';
import { createApiConnection } from '../transport/api-connection.js';
import { resolveTransportOptions } from '../transport/connection-settings.js';
import type { RouterConnection } from '../transport/router-connection.js';
import { invalidOptionField } from './check-options.js';
import { discoverAccounts } from './discover-accounts.js';
import { KeyedMutex, mapLimited } from './keyed-mutex.js';
import type { RouterDefinition, RouterOsAccessNetworkOptions } from './options.js';
import type { RouterRunResult, RouterSyncReport } from './report.js';

/** Invalid adapter options (a configuration mistake, reported before any router is contacted). */
export interface InvalidAdapterOptions {
  readonly type: 'InvalidAdapterOptions';
  readonly field: string;
  readonly message: string;
}

/** One router's job in `reconcileMany`. */
export interface RouterJob {
  readonly routerId: string;
  readonly desired: readonly DesiredAccess[];
}

/** The AccessNetwork port on RouterOS, plus what operators and benchmarks need around it. */
export interface RouterOsAccessNetwork extends AccessNetwork {
  sync(
    routerId: string,
    desired: readonly DesiredAccess[],
    options?: SyncOptions,
  ): ResultAsync<RouterSyncReport, AccessNetworkError>;
  reconcile(
    routerId: string,
    desired: readonly DesiredAccess[],
    options?: SyncOptions,
  ): ResultAsync<RouterSyncReport, AccessNetworkError>;
  /**
   * Ensures the per-router infrastructure for the given plans and methods (profiles, PCQ types, mangle, queue
   * tree, suspension firewall and NAT, FastTrack exclusion). Idempotent; dry-runnable; removes nothing.
   */
  ensureInfrastructure(
    routerId: string,
    usages: readonly { readonly plan: AccessPlanRates; readonly methods: readonly AccessMethod[] }[],
    options?: SyncOptions,
  ): ResultAsync<RouterSyncReport, AccessNetworkError>;
  /** Reconciles many routers, in parallel up to `routerConcurrency`; one router's failure stops no other. */
  reconcileMany(jobs: readonly RouterJob[], options?: SyncOptions): Promise<readonly RouterRunResult[]>;
  /** Closes every router connection. */
  close(): Promise<void>;
}

interface RouterRuntime {
  readonly connection: RouterConnection;
  readonly networks: readonly string[];
  readonly allocator: IpAllocator;
}

const SUBSCRIBER_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

const ROLE_OF: Readonly<Record<AccessMethod, { role: SubscriberRole; menu: ResourceDescriptor }>> = {
  'simple-queue': { role: 'queue', menu: QUEUE_SIMPLE },
  'pcq-address-list': { role: 'plan', menu: ADDRESS_LIST },
  pppoe: { role: 'secret', menu: PPP_SECRET },
  hotspot: { role: 'user', menu: HOTSPOT_USER },
};

function now(): number {
  return performance.now();
}

function describeChange(change: Change): string {
  return `${change.operation} ${change.path} ${change.key}: ${change.reason}`;
}

/**
 * Creates the RouterOS adapter of the AccessNetwork port. One connection per router (opened on first use,
 * multiplexed, bounded window); one writer per router at a time; routers in parallel.
 */
export function createRouterOsAccessNetwork(
  options: RouterOsAccessNetworkOptions,
): Result<RouterOsAccessNetwork, InvalidAdapterOptions> {
  if (typeof options !== 'object' || options === null) {
    return err({ type: 'InvalidAdapterOptions', field: 'options', message: 'options must be an object' });
  }
  if (options.customerNetworks !== undefined) {
    const parsed = createIpAllocator({ pools: options.customerNetworks });
    if (parsed.isErr()) {
      return err({ type: 'InvalidAdapterOptions', field: 'customerNetworks', message: parsed.error.message });
    }
  }
  if (
    typeof options.routers !== 'function' &&
    (typeof options.routers !== 'object' || options.routers === null)
  ) {
    return err({
      type: 'InvalidAdapterOptions',
      field: 'routers',
      message: 'routers must be a record or a function',
    });
  }
  const badField = invalidOptionField(options);
  if (badField !== undefined) {
    return err({
      type: 'InvalidAdapterOptions',
      field: badField,
      message: `${badField} is not a valid option value`,
    });
  }
  const config: PlanningConfig = resolvePlanningConfig(options);
  const transport = resolveTransportOptions(options.transport);
  const window = transport.maxInFlight;
  const onProgress = options.onProgress ?? (() => undefined);
  const runtimes = new Map<string, RouterRuntime>();
  const mutex = new KeyedMutex();
  const routerConcurrency = Math.max(1, Math.floor(options.routerConcurrency ?? 4));

  const definitionOf = (routerId: string): RouterDefinition | undefined => {
    if (typeof routerId !== 'string' || routerId === '') return undefined;
    const routers = options.routers;
    if (typeof routers === 'function') return routers(routerId);
    return Object.hasOwn(routers, routerId) ? routers[routerId] : undefined;
  };

  const runtimeOf = (routerId: string): Result<RouterRuntime, AccessNetworkError> => {
    const cached = runtimes.get(routerId);
    if (cached !== undefined) return ok(cached);
    const definition = definitionOf(routerId);
    if (definition === undefined) return err(routerUnknown(routerId));
    const networks = definition.customerNetworks ?? options.customerNetworks;
    if (networks === undefined) {
      return err({
        type: 'RouterUnknown',
        routerId,
        message: `router ${routerId} has no customer networks configured`,
      });
    }
    const allocator = createIpAllocator({ pools: networks });
    if (allocator.isErr()) {
      return err({
        type: 'RouterUnknown',
        routerId,
        message: `router ${routerId}: invalid customer networks`,
      });
    }
    const connection =
      options.connect !== undefined
        ? options.connect(routerId, definition.connection, options.transport ?? {})
        : createApiConnection({
            ...(options.transport ?? {}),
            routerId,
            settings: definition.connection,
            ...(options.allowedHosts === undefined ? {} : { allowedHosts: options.allowedHosts }),
          });
    const runtime: RouterRuntime = { connection, networks, allocator: allocator.value };
    runtimes.set(routerId, runtime);
    return ok(runtime);
  };

  const inNetworks =
    (runtime: RouterRuntime) =>
    (ip: string): boolean => {
      const inside = runtime.allocator.contains(ip);
      return inside.isOk() && inside.value;
    };

  /** Read → plan → (apply) for one router, under its writer lock. */
  const run = (
    routerId: string,
    mode: PlanMode | 'infrastructure',
    makePlan: (snapshot: Snapshot, runtime: RouterRuntime) => AccessPlanning,
    syncOptions: SyncOptions | undefined,
  ): ResultAsync<RouterSyncReport, AccessNetworkError> => {
    const runtime = runtimeOf(routerId);
    if (runtime.isErr()) return errAsync(runtime.error);
    const dryRun = syncOptions?.dryRun === true;
    const task = async (): Promise<Result<RouterSyncReport, AccessNetworkError>> => {
      const counters: RunCounters = emptyCounters();
      const started = now();
      const connection = countingConnection(runtime.value.connection, counters);
      const snapshot = await readSnapshot(connection, ALL_MENUS, onProgress);
      if (snapshot.isErr()) return err(snapshot.error);
      const read = now();
      const planning = makePlan(snapshot.value, runtime.value);
      const planned = now();
      onProgress({ type: 'planned', routerId, changes: planning.result.changes.length });
      const applied = dryRun
        ? undefined
        : await applyChanges(
            {
              routerId,
              prefix: config.prefix,
              connection,
              snapshot: snapshot.value,
              window,
              inCustomerNetworks: inNetworks(runtime.value),
              counters,
              onProgress,
            },
            planning.result.changes,
          );
      const finished = now();
      const timings: RunTimings = {
        readMs: read - started,
        planMs: planned - read,
        applyMs: finished - planned,
        totalMs: finished - started,
      };
      const report = buildReport(planning, mode, dryRun, applied, counters, timings);
      onProgress({
        type: 'finished',
        routerId,
        failed: report.outcomes.filter((o) => o.outcome === 'failed').length,
      });
      return ok(report);
    };
    return new ResultAsync(mutex.run(routerId, task));
  };

  const planFor =
    (routerId: string, mode: PlanMode, desired: readonly DesiredAccess[]) =>
    (snapshot: Snapshot, runtime: RouterRuntime): AccessPlanning =>
      planAccess({ routerId, mode, desired, snapshot, config, customerNetworks: runtime.networks });

  const runAccess = (
    routerId: string,
    mode: PlanMode,
    desired: readonly DesiredAccess[],
    syncOptions?: SyncOptions,
  ): ResultAsync<RouterSyncReport, AccessNetworkError> => {
    if (!Array.isArray(desired))
      return errAsync(invalidDesiredAccess('', 'desired', 'desired must be an array'));
    return run(routerId, mode, planFor(routerId, mode, desired), syncOptions);
  };

  const network: RouterOsAccessNetwork = {
    sync: (routerId, desired, syncOptions) => runAccess(routerId, 'sync', desired, syncOptions),
    reconcile: (routerId, desired, syncOptions) => runAccess(routerId, 'reconcile', desired, syncOptions),

    ensureInfrastructure(routerId, usages, syncOptions) {
      const list: PlanUsage[] = (Array.isArray(usages) ? usages : []).map((u) => ({
        plan: u.plan,
        methods: new Set(u.methods),
      }));
      return run(
        routerId,
        'infrastructure',
        (snapshot) => {
          const entries = [...renderBaseInfrastructure(config), ...renderPlanInfrastructure(list, config)];
          const result = planChanges(
            entries,
            snapshot,
            { subscribers: new Set(), removeInfrastructure: false, untouchable: new Set() },
            { routerId, prefix: config.prefix },
          );
          return {
            routerId,
            result,
            valid: [],
            invalid: new Map(),
            subscriberIds: [],
            desiredEntryCount: new Map(),
            plan: { routerId, changes: result.changes.map(toPlannedChange), unchanged: [] },
          };
        },
        syncOptions,
      );
    },

    discover(routerId) {
      const runtime = runtimeOf(routerId);
      if (runtime.isErr()) return errAsync(runtime.error);
      const menus = ALL_MENUS.filter((m) => m.kind === 'config');
      return new ResultAsync(
        mutex.run(routerId, async () =>
          (await readSnapshot(runtime.value.connection, menus)).map((snapshot) =>
            discoverAccounts(routerId, snapshot, config),
          ),
        ),
      );
    },

    adopt(routerId, account, subscriberId) {
      const runtime = runtimeOf(routerId);
      if (runtime.isErr()) return errAsync(runtime.error);
      if (typeof subscriberId !== 'string' || !SUBSCRIBER_ID.test(subscriberId)) {
        return errAsync(
          invalidDesiredAccess(
            '',
            'subscriberId',
            'subscriberId must be 1–100 letters, digits, ".", "_", ":" or "-"',
          ),
        );
      }
      if (typeof account !== 'object' || account === null || typeof account.key !== 'string') {
        return errAsync(adoptionRefused(routerId, '', 'account must be a discovered account'));
      }
      if (account.routerId !== routerId) {
        return errAsync(
          adoptionRefused(
            routerId,
            account.key,
            `the account was discovered on router ${String(account.routerId)}`,
          ),
        );
      }
      const target = ROLE_OF[account.method];
      if (target === undefined)
        return errAsync(adoptionRefused(routerId, account.key, 'unknown access method'));
      const connection = runtime.value.connection;
      const ownership = createOwnership(config.prefix);
      const marker = ownership.subscriberMarker(subscriberId, target.role);
      const task = async (): Promise<Result<void, AccessNetworkError>> => {
        const rows = await readMenu(connection, target.menu);
        if (rows.isErr()) return err(rows.error);
        const all = rows.value;
        if (all.some((r) => r['comment'] === marker)) {
          return err(
            adoptionRefused(
              routerId,
              account.key,
              `subscriber ${subscriberId} already owns a ${target.role} entry on this router`,
            ),
          );
        }
        const matches = all.filter((row) => {
          if (
            !hasItemId(row) ||
            row['dynamic'] === 'true' ||
            isOwnedRow(target.menu.path, row, config.prefix)
          )
            return false;
          if (account.method === 'pcq-address-list') {
            return `${row['list'] ?? ''} ${(row['address'] ?? '').replace(/\/32$/, '')}` === account.key;
          }
          return row['name'] === account.key;
        });
        if (matches.length !== 1) {
          return err(
            adoptionRefused(
              routerId,
              account.key,
              matches.length === 0
                ? 'no such entry without an ownership marker on the router'
                : 'more than one entry matches the account',
            ),
          );
        }
        const id = matches[0]?.['.id'] ?? '';
        const set = await connection.command([`${target.menu.path}/set`, `=.id=${id}`, `=comment=${marker}`]);
        return set.isErr() ? err(set.error) : ok(undefined);
      };
      return new ResultAsync(mutex.run(routerId, task));
    },

    async reconcileMany(jobs, syncOptions) {
      const list = Array.isArray(jobs) ? jobs : [];
      return mapLimited(list, routerConcurrency, async (job): Promise<RouterRunResult> => {
        const result = await network.reconcile(job.routerId, job.desired, syncOptions);
        return result.isOk()
          ? { routerId: job.routerId, ok: true, report: result.value }
          : { routerId: job.routerId, ok: false, error: result.error };
      });
    },

    async close() {
      const all = [...runtimes.values()];
      runtimes.clear();
      await Promise.all(all.map((r) => r.connection.close()));
    },
  };
  return ok(network);
}

function buildReport(
  planning: AccessPlanning,
  mode: RouterSyncReport['mode'],
  dryRun: boolean,
  applied: Awaited<ReturnType<typeof applyChanges>> | undefined,
  counters: RunCounters,
  timings: RunTimings,
): RouterSyncReport {
  const bySubscriber = new Map<string, Change[]>();
  for (const change of planning.result.changes) {
    if (change.subscriberId === null) continue;
    const list = bySubscriber.get(change.subscriberId) ?? [];
    list.push(change);
    bySubscriber.set(change.subscriberId, list);
  }
  const appliedSet = new Set(applied?.applied ?? []);
  const outcomes: SubscriberOutcome[] = [];
  const seen = new Set<string>();
  for (const id of planning.subscriberIds) {
    if (seen.has(id)) continue;
    seen.add(id);
    const changes = bySubscriber.get(id) ?? [];
    const error = planning.invalid.get(id) ?? planning.result.failures.get(id) ?? applied?.failures.get(id);
    const done = dryRun ? changes : changes.filter((c) => appliedSet.has(c));
    if (error !== undefined) {
      outcomes.push({ subscriberId: id, outcome: 'failed', changes: done.map(describeChange), error });
      continue;
    }
    outcomes.push({
      subscriberId: id,
      outcome: outcomeOf(planning, id, changes),
      changes: done.map(describeChange),
    });
  }
  return {
    routerId: planning.routerId,
    dryRun,
    mode,
    plan: planning.plan,
    outcomes,
    infrastructureErrors: [
      ...planning.result.infrastructureFailures,
      ...(applied?.infrastructureErrors ?? []),
    ],
    counters,
    timings,
  };
}
