import { randomBytes } from 'node:crypto';
import type { ResultAsync } from 'neverthrow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderAccessPlan } from '../desired-state/render-access-plan';
import {
  ACCESS_METHODS,
  type AccessMethod,
  type AccessNetwork,
  type AccessNetworkError,
  type AccessPlanRates,
  type AccessState,
  type DesiredAccess,
  type DiscoveredAccount,
  type RatePair,
  type SyncReport,
} from '../ports/access-network';

/** A technician's entry to plant on the router, the way it would be typed in Winbox (no ownership marker). */
export interface ForeignAccountSpec {
  readonly method: AccessMethod;
  /** A short name for the entry (queue name, secret or user name); adapters may derive their key from it. */
  readonly name: string;
  /** Inside 10.0.0.0/16, for every method (the remote/static address for pppoe and hotspot). */
  readonly ipv4: string;
  /** For pppoe and hotspot. */
  readonly username?: string;
  /** For pppoe and hotspot. Must never show up in anything the adapter returns. */
  readonly password?: string;
  readonly rate: RatePair;
}

/**
 * What a conformance run needs from the adapter under test. The suite calls `setup` before every test and
 * `teardown` after it.
 *
 * Assumptions the adapter's router must satisfy:
 * - its customer networks include **10.0.0.0/16**: every subscriber and foreign account the suite uses has
 *   an IPv4 address inside it, and `192.0.2.0/24` (TEST-NET-1) is outside;
 * - it supports all four methods (`simple-queue`, `pcq-address-list`, `pppoe`, `hotspot`) unless
 *   `options.methods` narrows them;
 * - it starts without entries owned by the suite (a fresh router per test, or a `teardown` that cleans up).
 */
export interface AccessNetworkConformanceContext {
  readonly network: AccessNetwork;
  readonly routerId: string;
  /** Plants a technician's entry of the given method, without the ownership marker. */
  addForeignAccount(account: ForeignAccountSpec): Promise<void>;
  teardown(): Promise<void>;
}

export interface AccessNetworkConformanceOptions {
  /** Methods to exercise; all four by default. */
  readonly methods?: readonly AccessMethod[];
  /** A router id the adapter does not know; `conformance-unknown-router` by default. */
  readonly unknownRouterId?: string;
  /** Per-test timeout in milliseconds (default 30 000). */
  readonly timeoutMs?: number;
}

const PLAN: AccessPlanRates = {
  planId: 'conformance-10m',
  rate: { uploadBps: 5_000_000, downloadBps: 10_000_000 },
  throttledRate: { uploadBps: 512_000, downloadBps: 1_000_000 },
};

async function expectOk<T>(result: ResultAsync<T, AccessNetworkError>, what: string): Promise<T> {
  const r = await result;
  if (r.isErr()) expect.fail(`${what} failed: ${r.error.type}: ${r.error.message}`);
  return r._unsafeUnwrap();
}

async function expectErr<T>(
  result: ResultAsync<T, AccessNetworkError>,
  what: string,
): Promise<AccessNetworkError> {
  const r = await result;
  if (r.isOk()) expect.fail(`${what} should have failed`);
  return r._unsafeUnwrapErr();
}

const sortedIds = (ids: readonly string[]): string[] => [...ids].sort();

function outcomesById(report: SyncReport): Map<string, SyncReport['outcomes'][number]> {
  return new Map(report.outcomes.map((o) => [o.subscriberId, o]));
}

/**
 * Registers a vitest `describe` block that checks an AccessNetwork adapter through the port only: sync
 * creates and is idempotent, every state transition, dry-run, reconcile and ownership, discover and adopt,
 * per-subscriber failures, unknown routers, one outcome per subscriber, and that no password ever appears
 * in a report, plan, rendered plan, discovered account or error.
 */
export function describeAccessNetworkConformance(
  name: string,
  setup: () => Promise<AccessNetworkConformanceContext> | AccessNetworkConformanceContext,
  options: AccessNetworkConformanceOptions = {},
): void {
  const methods = options.methods ?? ACCESS_METHODS;
  const unknownRouterId = options.unknownRouterId ?? 'conformance-unknown-router';
  const timeout = options.timeoutMs ?? 30_000;
  const token = randomBytes(3).toString('hex');
  const ipBase = randomBytes(1)[0]! % 128;
  let counter = 0;

  describe(`AccessNetwork conformance: ${name}`, () => {
    let ctx: AccessNetworkConformanceContext;
    let secrets: string[] = [];

    beforeEach(async () => {
      ctx = await setup();
      secrets = [];
    });
    afterEach(async () => {
      await ctx.teardown();
    });

    const nextIp = (): string => {
      counter += 1;
      return `10.0.${ipBase + Math.floor(counter / 250)}.${(counter % 250) + 2}`;
    };

    const subscriber = (method: AccessMethod, state: AccessState = 'active'): DesiredAccess => {
      counter += 1;
      const n = counter;
      const base = {
        subscriberId: `conf-${token}-${n}`,
        routerId: ctx.routerId,
        method,
        state,
        ipv4: nextIp(),
        plan: PLAN,
      };
      if (method === 'pppoe' || method === 'hotspot') {
        const password = `Pw-${token}-${n}-Secret`;
        secrets.push(password);
        return { ...base, credentials: { username: `u${token}${n}`, password } };
      }
      return base;
    };

    const foreign = (method: AccessMethod): ForeignAccountSpec => {
      counter += 1;
      const n = counter;
      const base = {
        method,
        name: `tech-${token}-${n}`,
        ipv4: nextIp(),
        rate: { uploadBps: 2_000_000, downloadBps: 4_000_000 },
      };
      if (method === 'pppoe' || method === 'hotspot') {
        const password = `Tech-${token}-${n}-Secret`;
        secrets.push(password);
        return { ...base, username: `t${token}${n}`, password };
      }
      return base;
    };

    const assertNoSecrets = (value: unknown): void => {
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      for (const secret of secrets) expect(text.includes(secret), 'a password leaked').toBe(false);
    };

    const checkReport = (report: SyncReport, expectedIds: readonly string[]): void => {
      expect(report.routerId).toBe(ctx.routerId);
      expect(sortedIds(report.outcomes.map((o) => o.subscriberId))).toEqual(sortedIds(expectedIds));
      assertNoSecrets(report);
      assertNoSecrets(renderAccessPlan(report.plan));
    };

    const sync = async (desired: readonly DesiredAccess[], dryRun = false): Promise<SyncReport> => {
      const report = await expectOk(ctx.network.sync(ctx.routerId, desired, { dryRun }), 'sync');
      expect(report.dryRun).toBe(dryRun);
      checkReport(
        report,
        desired.map((d) => d.subscriberId),
      );
      return report;
    };

    const expectAll = (report: SyncReport, kind: string): void => {
      for (const o of report.outcomes) {
        expect({ subscriberId: o.subscriberId, outcome: o.outcome, error: o.error?.type }).toEqual({
          subscriberId: o.subscriberId,
          outcome: kind,
          error: undefined,
        });
      }
    };

    const discovered = async (): Promise<readonly DiscoveredAccount[]> => {
      const accounts = await expectOk(ctx.network.discover(ctx.routerId), 'discover');
      assertNoSecrets(accounts);
      return accounts;
    };

    const matches = (
      account: DiscoveredAccount,
      spec: { method: AccessMethod; ipv4?: string; username?: string },
    ) =>
      account.method === spec.method &&
      (spec.username !== undefined ? account.username === spec.username : account.ipv4 === spec.ipv4);

    it(
      'sync creates every subscriber, one outcome each, and syncing again changes nothing',
      async () => {
        const desired = methods.map((m) => subscriber(m));
        const first = await sync(desired);
        expectAll(first, 'created');
        expect(first.plan.changes.filter((c) => c.subscriberId !== null).length).toBeGreaterThan(0);
        const second = await sync(desired);
        expectAll(second, 'unchanged');
        expect(second.plan.changes).toEqual([]);
        expect(sortedIds(second.plan.unchanged)).toEqual(sortedIds(desired.map((d) => d.subscriberId)));
      },
      timeout,
    );

    for (const method of methods) {
      it(
        `${method}: active → throttled → suspended → active → absent, each step idempotent`,
        async () => {
          const active = subscriber(method);
          expectAll(await sync([active]), 'created');
          const steps: Array<[AccessState, string]> = [
            ['throttled', 'updated'],
            ['suspended', 'updated'],
            ['active', 'updated'],
            ['absent', 'removed'],
          ];
          for (const [state, outcome] of steps) {
            const next = { ...active, state };
            const report = await sync([next]);
            expect({ state, outcome: report.outcomes[0]?.outcome }).toEqual({ state, outcome });
            const again = await sync([next]);
            expect({ state, outcome: again.outcomes[0]?.outcome }).toEqual({ state, outcome: 'unchanged' });
            expect(again.plan.changes).toEqual([]);
          }
          const leftovers = await discovered();
          expect(
            leftovers.filter((a) =>
              matches(a, {
                method,
                ipv4: active.ipv4 as string,
                ...(active.credentials ? { username: active.credentials.username } : {}),
              }),
            ),
          ).toEqual([]);
        },
        timeout,
      );
    }

    it(
      'absent removes what we own, located by the subscriber id: a released IP outside the customer networks, or no IP and no credentials',
      async () => {
        const created = methods.map((m) => subscriber(m));
        expectAll(await sync(created), 'created');
        // A release (W5) remaps the IP to e.g. 127.x.x.x or 192.0.2.x: outside the router's networks.
        const released = created.map((d, i) => {
          const { credentials: _, ipv4: __, ...rest } = d;
          return i % 2 === 0
            ? { ...rest, state: 'absent' as const, ipv4: `192.0.2.${i + 10}` }
            : { ...rest, state: 'absent' as const };
        });
        const removed = await sync(released);
        expectAll(removed, 'removed');
        expectAll(await sync(released), 'unchanged');
        const leftovers = await discovered();
        for (const d of created) {
          expect(
            leftovers.filter((a) =>
              matches(a, {
                method: d.method,
                ipv4: d.ipv4 as string,
                ...(d.credentials ? { username: d.credentials.username } : {}),
              }),
            ),
          ).toEqual([]);
        }
      },
      timeout,
    );

    it(
      'dry-run writes nothing: the same plan twice, then a real run applies it',
      async () => {
        const desired = methods.map((m) => subscriber(m));
        const dry1 = await sync(desired, true);
        expect(dry1.plan.changes.filter((c) => c.subscriberId !== null).length).toBeGreaterThan(0);
        const dry2 = await sync(desired, true);
        expect(dry2.plan).toEqual(dry1.plan);
        const real = await sync(desired);
        expectAll(real, 'created');
        const key = (c: SyncReport['plan']['changes'][number]) =>
          `${c.subscriberId}|${c.operation}|${c.target}|${c.key}`;
        expect(real.plan.changes.map(key).sort()).toEqual(dry1.plan.changes.map(key).sort());
        expectAll(await sync(desired), 'unchanged');

        const dryRemove = await expectOk(
          ctx.network.reconcile(ctx.routerId, [], { dryRun: true }),
          'reconcile dry-run',
        );
        assertNoSecrets(dryRemove);
        expect(dryRemove.dryRun).toBe(true);
        expect(dryRemove.plan.changes.filter((c) => c.operation === 'remove').length).toBeGreaterThan(0);
        expectAll(await sync(desired), 'unchanged');
      },
      timeout,
    );

    it(
      'reconcile removes owned orphans and never touches foreign entries',
      async () => {
        const planted: ForeignAccountSpec[] = [];
        for (const m of methods) {
          const spec = foreign(m);
          planted.push(spec);
          await ctx.addForeignAccount(spec);
        }
        const keep = methods.map((m) => subscriber(m));
        const drop = methods.map((m) => subscriber(m));
        expectAll(await sync([...keep, ...drop]), 'created');

        const report = await expectOk(ctx.network.reconcile(ctx.routerId, keep), 'reconcile');
        checkReport(
          report,
          [...keep, ...drop].map((d) => d.subscriberId),
        );
        const byId = outcomesById(report);
        for (const d of keep)
          expect([d.subscriberId, byId.get(d.subscriberId)?.outcome]).toEqual([d.subscriberId, 'unchanged']);
        for (const d of drop)
          expect([d.subscriberId, byId.get(d.subscriberId)?.outcome]).toEqual([d.subscriberId, 'removed']);

        const again = await expectOk(ctx.network.reconcile(ctx.routerId, keep), 'reconcile again');
        checkReport(
          again,
          keep.map((d) => d.subscriberId),
        );
        expectAll(again, 'unchanged');
        expect(again.plan.changes).toEqual([]);

        const empty = await expectOk(ctx.network.reconcile(ctx.routerId, []), 'reconcile to nothing');
        checkReport(
          empty,
          keep.map((d) => d.subscriberId),
        );
        expectAll(empty, 'removed');

        const accounts = await discovered();
        for (const spec of planted) {
          expect([spec.name, accounts.filter((a) => matches(a, spec)).length]).toEqual([spec.name, 1]);
        }
      },
      timeout,
    );

    it(
      'discover lists foreign accounts only, and adopt makes them owned',
      async () => {
        const planted: ForeignAccountSpec[] = [];
        for (const m of methods) {
          const spec = foreign(m);
          planted.push(spec);
          await ctx.addForeignAccount(spec);
        }
        const owned = methods.map((m) => subscriber(m));
        expectAll(await sync(owned), 'created');

        const accounts = await discovered();
        for (const spec of planted) {
          expect([spec.name, accounts.filter((a) => matches(a, spec)).length]).toEqual([spec.name, 1]);
        }
        for (const d of owned) {
          const mine = accounts.filter((a) =>
            matches(a, {
              method: d.method,
              ...(d.ipv4 === undefined ? {} : { ipv4: d.ipv4 }),
              ...(d.credentials ? { username: d.credentials.username } : {}),
            }),
          );
          expect([d.subscriberId, mine.length]).toEqual([d.subscriberId, 0]);
        }
        for (const a of accounts) expect(a.routerId).toBe(ctx.routerId);

        const adoptedIds: string[] = [];
        for (const spec of planted) {
          const account = accounts.find((a) => matches(a, spec))!;
          counter += 1;
          const subscriberId = `conf-${token}-adopted-${counter}`;
          adoptedIds.push(subscriberId);
          await expectOk(ctx.network.adopt(ctx.routerId, account, subscriberId), 'adopt');
        }
        const after = await discovered();
        for (const spec of planted) {
          expect([spec.name, after.filter((a) => matches(a, spec)).length]).toEqual([spec.name, 0]);
        }
        const report = await expectOk(ctx.network.reconcile(ctx.routerId, owned), 'reconcile after adopt');
        checkReport(report, [...owned.map((d) => d.subscriberId), ...adoptedIds]);
        const byId = outcomesById(report);
        for (const id of adoptedIds) expect([id, byId.get(id)?.outcome]).toEqual([id, 'removed']);
        for (const d of owned)
          expect([d.subscriberId, byId.get(d.subscriberId)?.outcome]).toEqual([d.subscriberId, 'unchanged']);
      },
      timeout,
    );

    it(
      'an invalid desired access fails on its own and never fails the others',
      async () => {
        const good = methods.map((m) => subscriber(m));
        const template = subscriber('simple-queue');
        const bad = (suffix: string, patch: Record<string, unknown>, drop?: string): DesiredAccess => {
          const copy: Record<string, unknown> = {
            ...template,
            subscriberId: `${template.subscriberId}-${suffix}`,
            ...patch,
          };
          if (drop !== undefined) delete copy[drop];
          return copy as unknown as DesiredAccess;
        };
        const hidden = `Bad-${token}-Secret`;
        secrets.push(hidden);
        const invalid = [
          bad('noip', {}, 'ipv4'),
          bad('badip', { ipv4: '10.0.300.7' }),
          bad('outside', { ipv4: '192.0.2.10' }),
          bad('method', { method: 'carrier-pigeon' }),
          bad('state', { state: 'paused' }),
          bad('nocreds', { method: 'pppoe' }),
          bad('rate', { plan: { ...PLAN, rate: { uploadBps: -1, downloadBps: 0 } } }),
          bad('ctl', {
            method: 'hotspot',
            credentials: { username: `h${token}`, password: `${hidden}\u0000x` },
          }),
        ];
        const all = [...good, ...invalid];
        const report = await sync(all);
        const byId = outcomesById(report);
        for (const d of good)
          expect([d.subscriberId, byId.get(d.subscriberId)?.outcome]).toEqual([d.subscriberId, 'created']);
        for (const d of invalid) {
          const o = byId.get(d.subscriberId);
          expect([d.subscriberId, o?.outcome]).toEqual([d.subscriberId, 'failed']);
          expect(o?.error).toBeDefined();
          expect(['InvalidDesiredAccess', 'UnsafeWrite']).toContain(o?.error?.type);
        }
        const again = await sync(good);
        expectAll(again, 'unchanged');
      },
      timeout,
    );

    it(
      'an unknown router gives RouterUnknown on every operation',
      async () => {
        const d = { ...subscriber('simple-queue'), routerId: unknownRouterId };
        const e1 = await expectErr(ctx.network.sync(unknownRouterId, [d]), 'sync on an unknown router');
        const e2 = await expectErr(
          ctx.network.reconcile(unknownRouterId, [d]),
          'reconcile on an unknown router',
        );
        const e3 = await expectErr(ctx.network.discover(unknownRouterId), 'discover on an unknown router');
        for (const e of [e1, e2, e3]) {
          expect(e.type).toBe('RouterUnknown');
          assertNoSecrets(e);
        }
      },
      timeout,
    );

    it(
      'exactly one outcome per subscriber across a mixed batch, with duplicates in the input',
      async () => {
        const states: AccessState[] = ['active', 'throttled', 'suspended', 'absent'];
        const batch = methods.flatMap((m) => states.map((s) => subscriber(m, s)));
        const report = await expectOk(
          ctx.network.sync(ctx.routerId, [...batch, batch[0]!]),
          'sync with a duplicate',
        );
        checkReport(
          report,
          batch.map((d) => d.subscriberId),
        );
        const again = await sync(batch);
        expectAll(again, 'unchanged');
        const removed = await sync(batch.map((d) => ({ ...d, state: 'absent' as const })));
        for (const o of removed.outcomes) expect(['removed', 'unchanged']).toContain(o.outcome);
      },
      timeout,
    );

    it(
      'no password appears in any report, plan, rendered plan, discovered account or error',
      async () => {
        const desired = methods.map((m) => subscriber(m));
        for (const m of methods) await ctx.addForeignAccount(foreign(m));
        const dry = await sync(desired, true);
        const real = await sync(desired);
        const changed = desired.map((d) =>
          d.credentials === undefined
            ? { ...d, state: 'suspended' as const }
            : {
                ...d,
                state: 'suspended' as const,
                credentials: { ...d.credentials, password: `${d.credentials.password}-2` },
              },
        );
        for (const d of changed) if (d.credentials) secrets.push(d.credentials.password);
        const changedReport = await sync(changed);
        for (const o of changedReport.outcomes) expect(o.outcome).toBe('updated');
        const accounts = await discovered();
        for (const value of [dry, real, changedReport, accounts, renderAccessPlan(changedReport.plan)])
          assertNoSecrets(value);
      },
      timeout,
    );
  });
}
