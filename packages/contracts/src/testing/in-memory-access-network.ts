import { errAsync, okAsync, type ResultAsync } from 'neverthrow';
import { validateDesiredAccess } from '../desired-state/validate-desired-access';
import type {
  AccessMethod,
  AccessNetwork,
  AccessNetworkError,
  AccessPlan,
  DesiredAccess,
  DiscoveredAccount,
  PlannedChange,
  RatePair,
  SubscriberOutcome,
  SubscriberOutcomeKind,
  SyncOptions,
  SyncReport,
} from '../ports/access-network';

/** An account as the in-memory router holds it. `owner` is the ownership marker (`null`: a technician's entry). */
export interface InMemoryEntry {
  readonly method: AccessMethod;
  readonly key: string;
  readonly owner: string | null;
  readonly state: 'active' | 'throttled' | 'suspended';
  readonly ipv4?: string;
  readonly planId?: string;
  readonly rate?: RatePair;
  readonly throttledRate?: RatePair;
  readonly username?: string;
  readonly password?: string;
  readonly macAddress?: string;
  readonly interface?: string;
  readonly comment?: string;
  readonly profile?: string;
  readonly disabled: boolean;
}

/** A technician's entry planted on the in-memory router (no ownership marker). */
export interface ForeignAccountInput {
  readonly method: AccessMethod;
  /** Natural key on the router: a queue name, `list:address`, or a secret/user name. */
  readonly key: string;
  readonly ipv4?: string;
  readonly username?: string;
  readonly password?: string;
  readonly rate?: RatePair;
  readonly profile?: string;
  readonly comment?: string;
  readonly disabled?: boolean;
}

export interface InMemoryRouterConfig {
  readonly routerId: string;
  /** Networks service IPs must fall in; `['10.0.0.0/16']` when omitted. */
  readonly customerNetworks?: readonly string[];
}

export interface InMemoryAccessNetworkOptions {
  readonly routers: readonly InMemoryRouterConfig[];
}

/** The in-memory AccessNetwork plus test controls. */
export interface InMemoryAccessNetwork extends AccessNetwork {
  /** Plants a technician's entry (no ownership marker). */
  addForeignAccount(routerId: string, account: ForeignAccountInput): void;
  /** Makes the next `times` writes for `subscriberId` fail with a `RouterTrap` (a failed write stays visible). */
  failWritesFor(subscriberId: string, times?: number): void;
  /** Makes the whole router unreachable (or reachable again). */
  setReachable(routerId: string, reachable: boolean): void;
  /** What the router holds, owned and foreign, sorted by key. Passwords are replaced by `***`. */
  entries(routerId: string): readonly InMemoryEntry[];
  /** How many write operations were applied so far (all routers). */
  writeCount(): number;
}

interface RouterState {
  readonly config: InMemoryRouterConfig;
  readonly customerNetworks: readonly string[];
  /** Entries by `method|key`. */
  readonly entries: Map<string, InMemoryEntry>;
  reachable: boolean;
}

const entryId = (method: AccessMethod, key: string): string => `${method}|${key}`;
const rateText = (r: RatePair | undefined): string =>
  r === undefined ? '' : `${r.uploadBps}/${r.downloadBps}`;

function desiredEntry(d: DesiredAccess, key: string): InMemoryEntry {
  const state = d.state === 'absent' ? 'active' : d.state;
  return {
    method: d.method,
    key,
    owner: d.subscriberId,
    state,
    ...(d.ipv4 === undefined ? {} : { ipv4: d.ipv4 }),
    planId: d.plan.planId,
    rate: d.plan.rate,
    throttledRate: d.plan.throttledRate,
    ...(d.credentials === undefined
      ? {}
      : { username: d.credentials.username, password: d.credentials.password }),
    ...(d.macAddress === undefined ? {} : { macAddress: d.macAddress }),
    ...(d.interface === undefined ? {} : { interface: d.interface }),
    comment: `isp:${d.subscriberId}`,
    disabled: false,
  };
}

/** Visible fields of an entry, secrets masked. */
function fieldsOf(e: InMemoryEntry): Record<string, string> {
  const fields: Record<string, string> = { method: e.method, state: e.state };
  if (e.ipv4 !== undefined) fields['address'] = e.ipv4;
  if (e.planId !== undefined) fields['plan'] = e.planId;
  if (e.rate !== undefined) fields['max-limit'] = rateText(e.rate);
  if (e.throttledRate !== undefined) fields['throttled-limit'] = rateText(e.throttledRate);
  if (e.username !== undefined) fields['name'] = e.username;
  if (e.password !== undefined) fields['password'] = '***';
  if (e.macAddress !== undefined) fields['mac-address'] = e.macAddress;
  if (e.interface !== undefined) fields['interface'] = e.interface;
  return fields;
}

function differences(current: InMemoryEntry, wanted: InMemoryEntry): string[] {
  const a = fieldsOf(current);
  const b = fieldsOf(wanted);
  const out: string[] = [];
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (k === 'password') continue;
    if (a[k] !== b[k]) out.push(`${k} differs (${a[k] ?? '-'} → ${b[k] ?? '-'})`);
  }
  if (current.password !== wanted.password) out.push('password differs');
  if (current.disabled) out.push('disabled');
  return out;
}

const masked = (e: InMemoryEntry): InMemoryEntry =>
  e.password === undefined ? e : { ...e, password: '***' };

/**
 * An AccessNetwork that keeps routers in memory. It follows the port's contract (idempotent sync, dry-run,
 * ownership, discover/adopt, per-subscriber outcomes) and passes `describeAccessNetworkConformance`.
 * Service IPs must be inside the router's customer networks (`10.0.0.0/16` unless configured).
 */
export function createInMemoryAccessNetwork(options: InMemoryAccessNetworkOptions): InMemoryAccessNetwork {
  const routers = new Map<string, RouterState>();
  for (const config of options.routers) {
    routers.set(config.routerId, {
      config,
      customerNetworks: config.customerNetworks ?? ['10.0.0.0/16'],
      entries: new Map(),
      reachable: true,
    });
  }
  const failures = new Map<string, number>();
  let writes = 0;

  const routerFor = (routerId: string): RouterState | AccessNetworkError => {
    const router = typeof routerId === 'string' ? routers.get(routerId) : undefined;
    if (router === undefined) {
      return { type: 'RouterUnknown', routerId: String(routerId), message: `no router ${String(routerId)}` };
    }
    if (!router.reachable) {
      return { type: 'RouterUnreachable', routerId, message: `router ${routerId} does not answer` };
    }
    return router;
  };

  const ownedEntryOf = (router: RouterState, subscriberId: string): InMemoryEntry | undefined => {
    for (const e of router.entries.values()) if (e.owner === subscriberId) return e;
    return undefined;
  };

  const run = (
    routerId: string,
    desired: readonly DesiredAccess[],
    syncOptions: SyncOptions | undefined,
    wholeRouter: boolean,
  ): ResultAsync<SyncReport, AccessNetworkError> => {
    const found = routerFor(routerId);
    if ('type' in found) return errAsync(found);
    const router = found;
    const dryRun = syncOptions?.dryRun === true;
    const changes: PlannedChange[] = [];
    const unchanged: string[] = [];
    const outcomes: SubscriberOutcome[] = [];
    const seen = new Set<string>();
    const list: readonly unknown[] = Array.isArray(desired) ? desired : [];

    const apply = (
      subscriberId: string,
      kind: SubscriberOutcomeKind,
      planned: PlannedChange[],
      write: () => void,
    ) => {
      changes.push(...planned);
      if (planned.length === 0) {
        unchanged.push(subscriberId);
        outcomes.push({ subscriberId, outcome: 'unchanged', changes: [] });
        return;
      }
      const described = planned.map((c) => `${c.operation} ${c.target} ${c.key}: ${c.reason}`);
      if (dryRun) {
        outcomes.push({ subscriberId, outcome: kind, changes: described });
        return;
      }
      const pending = failures.get(subscriberId) ?? 0;
      if (pending > 0) {
        failures.set(subscriberId, pending - 1);
        outcomes.push({
          subscriberId,
          outcome: 'failed',
          changes: [],
          error: {
            type: 'RouterTrap',
            routerId,
            command: planned[0]!.target,
            message: `write for ${subscriberId} was refused (injected failure)`,
          },
        });
        return;
      }
      write();
      writes += planned.length;
      outcomes.push({ subscriberId, outcome: kind, changes: described });
    };

    for (const raw of list) {
      const valid = validateDesiredAccess(raw, { routerId, customerNetworks: router.customerNetworks });
      if (valid.isErr()) {
        const sid =
          valid.error.type === 'InvalidDesiredAccess'
            ? valid.error.subscriberId
            : String((raw as { subscriberId?: unknown }).subscriberId);
        if (!seen.has(sid)) {
          seen.add(sid);
          outcomes.push({ subscriberId: sid, outcome: 'failed', changes: [], error: valid.error });
        }
        continue;
      }
      const d = valid.value;
      if (seen.has(d.subscriberId)) continue;
      seen.add(d.subscriberId);
      const current = ownedEntryOf(router, d.subscriberId);
      const target = `in-memory/${d.method}`;
      if (d.state === 'absent') {
        if (current === undefined) {
          apply(d.subscriberId, 'unchanged', [], () => {});
        } else {
          apply(
            d.subscriberId,
            'removed',
            [
              {
                subscriberId: d.subscriberId,
                operation: 'remove',
                target: `in-memory/${current.method}`,
                key: current.key,
                fields: {},
                reason: 'not desired',
              },
            ],
            () => router.entries.delete(entryId(current.method, current.key)),
          );
        }
        continue;
      }
      if (current === undefined) {
        const wanted = desiredEntry(d, d.subscriberId);
        const clash = router.entries.get(entryId(d.method, wanted.key));
        if (clash !== undefined && clash.owner !== d.subscriberId) {
          outcomes.push({
            subscriberId: d.subscriberId,
            outcome: 'failed',
            changes: [],
            error: {
              type: 'UnsafeWrite',
              routerId,
              reason: 'not-owned',
              key: wanted.key,
              message: `an entry ${wanted.key} exists and is not ours`,
            },
          });
          continue;
        }
        apply(
          d.subscriberId,
          'created',
          [
            {
              subscriberId: d.subscriberId,
              operation: 'create',
              target,
              key: wanted.key,
              fields: fieldsOf(wanted),
              reason: 'missing',
            },
          ],
          () => router.entries.set(entryId(wanted.method, wanted.key), wanted),
        );
        continue;
      }
      const wanted = desiredEntry(d, current.method === d.method ? current.key : d.subscriberId);
      if (current.method !== d.method) {
        apply(
          d.subscriberId,
          'updated',
          [
            {
              subscriberId: d.subscriberId,
              operation: 'remove',
              target: `in-memory/${current.method}`,
              key: current.key,
              fields: {},
              reason: `method changed to ${d.method}`,
            },
            {
              subscriberId: d.subscriberId,
              operation: 'create',
              target,
              key: wanted.key,
              fields: fieldsOf(wanted),
              reason: 'method changed',
            },
          ],
          () => {
            router.entries.delete(entryId(current.method, current.key));
            router.entries.set(entryId(wanted.method, wanted.key), wanted);
          },
        );
        continue;
      }
      const diff = differences(current, wanted);
      apply(
        d.subscriberId,
        'updated',
        diff.length === 0
          ? []
          : [
              {
                subscriberId: d.subscriberId,
                operation: 'update',
                target,
                key: current.key,
                fields: fieldsOf(wanted),
                reason: diff.join('; '),
              },
            ],
        () => router.entries.set(entryId(current.method, current.key), wanted),
      );
    }

    if (wholeRouter) {
      const orphans = [...router.entries.values()]
        .filter((e) => e.owner !== null && !seen.has(e.owner))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      for (const orphan of orphans) {
        const owner = orphan.owner as string;
        apply(
          owner,
          'removed',
          [
            {
              subscriberId: owner,
              operation: 'remove',
              target: `in-memory/${orphan.method}`,
              key: orphan.key,
              fields: {},
              reason: 'owned but not desired',
            },
          ],
          () => router.entries.delete(entryId(orphan.method, orphan.key)),
        );
      }
    }

    const plan: AccessPlan = { routerId, changes, unchanged };
    return okAsync({ routerId, dryRun, plan, outcomes, infrastructureErrors: [] });
  };

  return {
    sync: (routerId, desired, syncOptions) => run(routerId, desired, syncOptions, false),
    reconcile: (routerId, desired, syncOptions) => run(routerId, desired, syncOptions, true),
    discover(routerId) {
      const found = routerFor(routerId);
      if ('type' in found) return errAsync(found);
      const accounts: DiscoveredAccount[] = [...found.entries.values()]
        .filter((e) => e.owner === null)
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .map((e) => ({
          routerId,
          method: e.method,
          key: e.key,
          ...(e.ipv4 === undefined ? {} : { ipv4: e.ipv4 }),
          ...(e.username === undefined ? {} : { username: e.username }),
          ...(e.rate === undefined ? {} : { rate: e.rate }),
          ...(e.profile === undefined ? {} : { profile: e.profile }),
          ...(e.comment === undefined ? {} : { comment: e.comment }),
          disabled: e.disabled,
        }));
      return okAsync(accounts);
    },
    adopt(routerId, account, subscriberId) {
      const found = routerFor(routerId);
      if ('type' in found) return errAsync(found);
      const key = typeof account === 'object' && account !== null ? account.key : '';
      const entry =
        typeof account === 'object' && account !== null
          ? found.entries.get(entryId(account.method, account.key))
          : undefined;
      const refuse = (message: string) =>
        errAsync<void, AccessNetworkError>({ type: 'AdoptionRefused', routerId, key: String(key), message });
      if (entry === undefined) return refuse(`no account ${String(key)} on router ${routerId}`);
      if (entry.owner !== null) return refuse(`account ${entry.key} is already owned`);
      if (typeof subscriberId !== 'string' || subscriberId.length === 0)
        return refuse('a subscriber id is required');
      if (ownedEntryOf(found, subscriberId) !== undefined) {
        return refuse(`subscriber ${subscriberId} already owns an account on ${routerId}`);
      }
      found.entries.set(entryId(entry.method, entry.key), { ...entry, owner: subscriberId });
      writes += 1;
      return okAsync(undefined);
    },
    addForeignAccount(routerId, account) {
      const router = routers.get(routerId);
      if (router === undefined) throw new Error(`addForeignAccount: no router ${routerId}`);
      router.entries.set(entryId(account.method, account.key), {
        method: account.method,
        key: account.key,
        owner: null,
        state: 'active',
        ...(account.ipv4 === undefined ? {} : { ipv4: account.ipv4 }),
        ...(account.username === undefined ? {} : { username: account.username }),
        ...(account.password === undefined ? {} : { password: account.password }),
        ...(account.rate === undefined ? {} : { rate: account.rate }),
        ...(account.profile === undefined ? {} : { profile: account.profile }),
        ...(account.comment === undefined ? {} : { comment: account.comment }),
        disabled: account.disabled ?? false,
      });
    },
    failWritesFor(subscriberId, times = 1) {
      failures.set(subscriberId, (failures.get(subscriberId) ?? 0) + times);
    },
    setReachable(routerId, reachable) {
      const router = routers.get(routerId);
      if (router !== undefined) router.reachable = reachable;
    },
    entries(routerId) {
      const router = routers.get(routerId);
      if (router === undefined) return [];
      return [...router.entries.values()]
        .map(masked)
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    },
    writeCount: () => writes,
  };
}
