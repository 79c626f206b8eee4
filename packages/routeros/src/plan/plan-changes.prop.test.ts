import type { DesiredAccess } from '@isp/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { menuOf } from '../resources/menus.js';
import { desiredAccessSetArbitrary, hostileRowArbitrary } from '../testing/arbitraries.js';
import type { Change } from './change.js';
import { planAccess } from './plan-access.js';
import { differingFields, isOwnedRow } from './plan-changes.js';
import { resolvePlanningConfig } from './planning-config.js';
import { renderBaseInfrastructure, renderPlanInfrastructure } from './render-infrastructure.js';
import { renderSubscriber } from './render-subscriber.js';
import { simulateChanges } from './simulate.js';
import type { Row, Snapshot } from './snapshot.js';

const ROUTER = 'router-1';
const NETWORKS = ['10.0.0.0/16'];

const configArbitrary = fc
  .record({
    pppoeSuspension: fc.constantFrom('profile' as const, 'disable' as const),
    hotspotSuspension: fc.constantFrom('profile' as const, 'disable' as const),
    notice: fc.boolean(),
  })
  .map(({ notice, ...rest }) => (notice ? { ...rest, notice: { address: '10.0.255.10' } } : rest));

/** Technicians' entries: never owned, must never be touched. */
const FOREIGN: Snapshot = {
  menus: new Map<string, Row[]>([
    [
      '/queue/simple',
      [{ '.id': '*F1', name: 'tech-queue', target: '10.0.9.9/32', 'max-limit': '1M/1M', comment: 'by hand' }],
    ],
    [
      '/ip/firewall/address-list',
      [
        { '.id': '*F2', list: 'morosos', address: '10.0.9.8', comment: 'manual' },
        { '.id': '*F3', list: 'tech', address: '10.0.9.7' },
        { '.id': '*F4', list: 'isp-throttled', address: '10.0.9.6', dynamic: 'true' },
      ],
    ],
    [
      '/ppp/secret',
      [{ '.id': '*F5', name: 'tech-user', password: 'x', profile: 'default', comment: 'isp:fake' }],
    ],
    [
      '/ip/firewall/filter',
      [
        { '.id': '*F6', chain: 'forward', action: 'fasttrack-connection', 'connection-state': 'established' },
        { '.id': '*F7', chain: 'forward', action: 'accept' },
      ],
    ],
    ['/ppp/active', [{ '.id': '*F8', name: 'tech-user', address: '10.0.9.5' }]],
  ]),
};

function withSessions(snapshot: Snapshot, desired: readonly DesiredAccess[]): Snapshot {
  const menus = new Map(snapshot.menus);
  const ppp = [...(menus.get('/ppp/active') ?? [])];
  const hs = [...(menus.get('/ip/hotspot/active') ?? [])];
  let n = 0x500;
  for (const d of desired) {
    if (d.credentials === undefined) continue;
    n += 1;
    if (d.method === 'pppoe') ppp.push({ '.id': `*${n.toString(16)}`, name: d.credentials.username });
    else hs.push({ '.id': `*${n.toString(16)}`, user: d.credentials.username });
  }
  menus.set('/ppp/active', ppp);
  menus.set('/ip/hotspot/active', hs);
  return { menus };
}

/** A router that once matched `before`, then saw a technician edit, delete and duplicate some owned entries. */
const scenario = fc
  .record({
    before: desiredAccessSetArbitrary({ routerId: ROUTER }),
    after: desiredAccessSetArbitrary({ routerId: ROUTER }),
    config: configArbitrary,
    drift: fc.array(fc.record({ pick: fc.nat(), kind: fc.constantFrom('delete', 'edit', 'duplicate') }), {
      maxLength: 4,
    }),
    mode: fc.constantFrom('sync' as const, 'reconcile' as const),
  })
  .map(({ before, after, config, drift, mode }) => {
    const cfg = resolvePlanningConfig(config);
    const first = planAccess({
      routerId: ROUTER,
      mode: 'reconcile',
      desired: before,
      snapshot: FOREIGN,
      config: cfg,
      customerNetworks: NETWORKS,
    });
    let snapshot = withSessions(simulateChanges(FOREIGN, first.result.changes), before);
    const menus = new Map<string, Row[]>([...snapshot.menus].map(([p, rows]) => [p, [...rows]]));
    for (const { pick, kind } of drift) {
      const paths = [...menus.keys()].filter((p) => menuOf(p).kind === 'config');
      const path = paths[pick % Math.max(paths.length, 1)];
      if (path === undefined) continue;
      const rows = menus.get(path) ?? [];
      const ownedIdx = rows.map((r, i) => [r, i] as const).filter(([r]) => isOwnedRow(path, r, cfg.prefix));
      const target = ownedIdx[pick % Math.max(ownedIdx.length, 1)];
      if (target === undefined) continue;
      const [row, i] = target;
      if (kind === 'delete') rows.splice(i, 1);
      else if (kind === 'edit')
        rows[i] = { ...row, disabled: 'true', 'max-limit': '1/1', profile: 'default', list: 'other' };
      else rows.push({ ...row, '.id': `*D${i}${rows.length}` });
    }
    snapshot = { menus };
    return { after, cfg, snapshot, mode };
  });

function ownedView(snapshot: Snapshot, prefix: string): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const [path, rows] of snapshot.menus) {
    if (menuOf(path).kind !== 'config') continue;
    out.set(
      path,
      rows.filter((r) => isOwnedRow(path, r, prefix)),
    );
  }
  return out;
}

describe('planner properties', () => {
  it('applying a plan to its snapshot yields the desired state on owned entries, and planning again is empty', () => {
    fc.assert(
      fc.property(scenario, ({ after, cfg, snapshot, mode }) => {
        const planning = planAccess({
          routerId: ROUTER,
          mode,
          desired: after,
          snapshot,
          config: cfg,
          customerNetworks: NETWORKS,
        });
        const applied = simulateChanges(snapshot, planning.result.changes);
        // Every desired entry of a planned subscriber is present exactly once and equal.
        const entries = [
          ...renderBaseInfrastructure(cfg),
          ...renderPlanInfrastructure([], cfg),
          ...planning.valid.flatMap((d) => renderSubscriber(d, cfg)),
        ].filter((e) => e.subscriberId === null || !planning.result.failures.has(e.subscriberId));
        const owned = ownedView(applied, cfg.prefix);
        for (const entry of entries) {
          const menu = menuOf(entry.path);
          const rows = (owned.get(entry.path) ?? []).filter((r) =>
            menu.ownership === 'comment' ? r['comment'] === entry.identity : r['name'] === entry.identity,
          );
          expect(rows.length, `${entry.path} ${entry.identity}`).toBe(1);
          expect(differingFields(menu, entry.fields, rows[0] as Row)).toEqual([]);
        }
        if (mode === 'reconcile') {
          // Nothing owned remains for a subscriber that is not desired.
          const wanted = new Set(
            planning.valid.filter((d) => d.state !== 'absent').map((d) => d.subscriberId),
          );
          for (const [path, rows] of owned) {
            for (const row of rows) {
              const comment = row['comment'] ?? '';
              const sub = /^isp:(.+):[a-z]+$/.exec(comment)?.[1];
              if (sub !== undefined && sub !== 'infra') expect([path, wanted.has(sub)]).toEqual([path, true]);
            }
          }
        }
        const again = planAccess({
          routerId: ROUTER,
          mode,
          desired: after,
          snapshot: applied,
          config: cfg,
          customerNetworks: NETWORKS,
        });
        expect(again.result.changes).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('entries without our ownership marker never appear in a plan, and stay untouched', () => {
    fc.assert(
      fc.property(scenario, ({ after, cfg, snapshot, mode }) => {
        const planning = planAccess({
          routerId: ROUTER,
          mode,
          desired: after,
          snapshot,
          config: cfg,
          customerNetworks: NETWORKS,
        });
        const usernames = new Set<string>();
        for (const [path, rows] of snapshot.menus) {
          if (path !== '/ppp/secret' && path !== '/ip/hotspot/user') continue;
          for (const r of rows)
            if (isOwnedRow(path, r, cfg.prefix) && r['name'] !== undefined) usernames.add(r['name']);
        }
        for (const d of planning.valid) if (d.credentials) usernames.add(d.credentials.username);
        const byId = new Map<string, Row>();
        for (const [path, rows] of snapshot.menus) for (const r of rows) byId.set(`${path} ${r['.id']}`, r);
        for (const change of planning.result.changes as Change[]) {
          if (change.operation === 'create') continue;
          const row = byId.get(`${change.path} ${change.id}`);
          expect(row, `${change.operation} ${change.path} ${change.id}`).toBeDefined();
          if (change.operation === 'kick') expect(usernames.has(change.key)).toBe(true);
          else expect(isOwnedRow(change.path, row as Row, cfg.prefix)).toBe(true);
        }
        const applied = simulateChanges(snapshot, planning.result.changes);
        for (const [path, rows] of FOREIGN.menus) {
          for (const row of rows) {
            if (menuOf(path).kind === 'session') continue;
            expect(applied.menus.get(path)).toContainEqual(row);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on hostile printed rows and never plans a change to a row it does not own', () => {
    fc.assert(
      fc.property(
        desiredAccessSetArbitrary({ routerId: ROUTER, maxSubscribers: 4 }),
        fc.dictionary(
          fc.constantFrom(
            ...[
              '/queue/simple',
              '/ip/firewall/address-list',
              '/ppp/secret',
              '/ip/hotspot/user',
              '/ppp/active',
              '/ip/firewall/filter',
              '/queue/type',
            ],
          ),
          fc.array(hostileRowArbitrary(), { maxLength: 5 }),
        ),
        fc.constantFrom('sync' as const, 'reconcile' as const),
        (desired, menus, mode) => {
          const snapshot: Snapshot = { menus: new Map(Object.entries(menus)) };
          const cfg = resolvePlanningConfig();
          const planning = planAccess({
            routerId: ROUTER,
            mode,
            desired,
            snapshot,
            config: cfg,
            customerNetworks: NETWORKS,
          });
          for (const change of planning.result.changes) {
            if (change.operation === 'update' || change.operation === 'remove') {
              const row = snapshot.menus.get(change.path)?.find((r) => r['.id'] === change.id);
              expect(row !== undefined && isOwnedRow(change.path, row, cfg.prefix)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
