import type { AccessMethod, AccessPlanRates, AccessState, DesiredAccess } from '@isp/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RouterSyncReport } from '../../src/adapter/report.js';
import { type EmulatorNetwork, SAMPLE_PLANS, startEmulatorAccessNetwork } from '../../src/testing/index.js';

const [BASIC, PLUS] = SAMPLE_PLANS as [AccessPlanRates, AccessPlanRates];
const NOTICE = '10.0.255.10';

let env: EmulatorNetwork;
let disableEnv: EmulatorNetwork;

beforeAll(async () => {
  env = await startEmulatorAccessNetwork({ notice: { address: NOTICE } });
  disableEnv = await startEmulatorAccessNetwork({
    emulator: env.emulator,
    routerId: 'router-1',
    pppoeSuspension: 'disable',
    hotspotSuspension: 'disable',
  });
});
afterAll(async () => {
  await disableEnv.close();
  await env.close();
});
beforeEach(() => {
  env.emulator.reset();
  env.emulator.faults.clear();
});

const rows = (menu: string) => env.emulator.rows(menu);
const ownedRows = (menu: string, sub: string) =>
  rows(menu).filter((r) => (r['comment'] ?? '').startsWith(`isp:${sub}:`));

function subscriber(method: AccessMethod, state: AccessState, plan: AccessPlanRates = BASIC): DesiredAccess {
  const base = { subscriberId: `s-${method}`, routerId: 'router-1', method, state, ipv4: '10.0.3.7', plan };
  return method === 'pppoe' || method === 'hotspot'
    ? { ...base, credentials: { username: `u-${method}`, password: 'Sub-Pw-123' } }
    : base;
}

async function sync(desired: DesiredAccess, network = env): Promise<RouterSyncReport> {
  const result = await network.network.sync('router-1', [desired]);
  expect(result.isOk(), result.isErr() ? result.error.message : '').toBe(true);
  const report = result._unsafeUnwrap();
  expect(report.outcomes.map((o) => o.error)).toEqual([undefined]);
  const again = (await network.network.sync('router-1', [desired]))._unsafeUnwrap();
  expect(again.plan.changes).toEqual([]);
  return report;
}

function login(method: AccessMethod): void {
  const outcome =
    method === 'pppoe'
      ? env.emulator.subscribers.loginPpp({ name: 'u-pppoe', password: 'Sub-Pw-123' })
      : env.emulator.subscribers.loginHotspot({ name: 'u-hotspot', password: 'Sub-Pw-123' });
  expect(outcome.ok).toBe(true);
}

const sessions = (method: AccessMethod) =>
  rows(method === 'pppoe' ? '/ppp/active' : '/ip/hotspot/active').filter(
    (r) => (r['name'] ?? r['user']) === `u-${method}`,
  );

const kicks = (report: RouterSyncReport) => report.plan.changes.filter((c) => c.operation === 'kick');

describe('simple-queue (B1)', () => {
  it('provisions, changes plan, throttles, suspends, unsuspends and releases', async () => {
    await sync(subscriber('simple-queue', 'active'));
    expect(ownedRows('/queue/simple', 's-simple-queue')).toMatchObject([
      { name: 'isp-s-simple-queue', target: '10.0.3.7/32', 'max-limit': '5000000/10000000' },
    ]);
    await sync(subscriber('simple-queue', 'active', PLUS));
    expect(ownedRows('/queue/simple', 's-simple-queue')[0]?.['max-limit']).toBe('25000000/50000000');
    await sync(subscriber('simple-queue', 'throttled', PLUS));
    expect(ownedRows('/queue/simple', 's-simple-queue')[0]?.['max-limit']).toBe('1000000/2000000');
    expect(ownedRows('/ip/firewall/address-list', 's-simple-queue')).toMatchObject([
      { list: 'isp-throttled', address: '10.0.3.7' },
    ]);
    await sync(subscriber('simple-queue', 'suspended', PLUS));
    expect(ownedRows('/ip/firewall/address-list', 's-simple-queue')).toMatchObject([
      { list: 'morosos', address: '10.0.3.7' },
    ]);
    expect(ownedRows('/queue/simple', 's-simple-queue')[0]?.['disabled']).toBe('false');
    await sync(subscriber('simple-queue', 'active', PLUS));
    expect(ownedRows('/ip/firewall/address-list', 's-simple-queue')).toEqual([]);
    const released = await sync(subscriber('simple-queue', 'absent'));
    expect(released.outcomes[0]?.outcome).toBe('removed');
    expect(ownedRows('/queue/simple', 's-simple-queue')).toEqual([]);
  });
});

describe('PCQ + address list (B2)', () => {
  it('moves the address between plan lists and keeps the per-plan PCQ structure', async () => {
    await sync(subscriber('pcq-address-list', 'active'));
    expect(ownedRows('/ip/firewall/address-list', 's-pcq-address-list')).toMatchObject([
      { list: 'isp-plan-basic-10m', address: '10.0.3.7' },
    ]);
    const types = rows('/queue/type').filter((r) => r['name']?.startsWith('isp-basic-10m'));
    expect(types.map((t) => [t['name'], t['pcq-rate'], t['pcq-classifier']]).sort()).toEqual([
      ['isp-basic-10m-down', '10000000', 'dst-address'],
      ['isp-basic-10m-throttled-down', '1000000', 'dst-address'],
      ['isp-basic-10m-throttled-up', '512000', 'src-address'],
      ['isp-basic-10m-up', '5000000', 'src-address'],
    ]);
    expect(rows('/queue/tree').filter((r) => r['name']?.startsWith('isp-basic-10m'))).toHaveLength(4);
    const marks = rows('/ip/firewall/mangle').filter((r) =>
      r['comment']?.startsWith('isp:infra:mark-isp-basic-10m'),
    );
    expect(marks).toHaveLength(4);
    expect(marks.find((m) => m['new-packet-mark'] === 'isp-basic-10m-up')).toMatchObject({
      'src-address-list': 'isp-plan-basic-10m',
      action: 'mark-packet',
    });

    const change = await sync(subscriber('pcq-address-list', 'active', PLUS));
    expect(change.plan.changes.filter((c) => c.subscriberId !== null).map((c) => c.operation)).toEqual([
      'update',
    ]);
    expect(ownedRows('/ip/firewall/address-list', 's-pcq-address-list')[0]?.['list']).toBe(
      'isp-plan-plus-50m',
    );
    await sync(subscriber('pcq-address-list', 'throttled', PLUS));
    expect(
      ownedRows('/ip/firewall/address-list', 's-pcq-address-list')
        .map((r) => r['list'])
        .sort(),
    ).toEqual(['isp-plan-plus-50m-throttled', 'isp-throttled']);
    await sync(subscriber('pcq-address-list', 'suspended', PLUS));
    expect(
      ownedRows('/ip/firewall/address-list', 's-pcq-address-list')
        .map((r) => r['list'])
        .sort(),
    ).toEqual(['isp-plan-plus-50m', 'morosos']);
    await sync(subscriber('pcq-address-list', 'active', PLUS));
    await sync(subscriber('pcq-address-list', 'absent', PLUS));
    expect(ownedRows('/ip/firewall/address-list', 's-pcq-address-list')).toEqual([]);
  });
});

for (const method of ['pppoe', 'hotspot'] as const) {
  const accounts = method === 'pppoe' ? '/ppp/secret' : '/ip/hotspot/user';
  const profiles = method === 'pppoe' ? '/ppp/profile' : '/ip/hotspot/user/profile';
  describe(`${method} (${method === 'pppoe' ? 'B3' : 'B4'})`, () => {
    it('switches profiles and kicks the live session on every change, and on release', async () => {
      await sync(subscriber(method, 'active'));
      expect(ownedRows(accounts, `s-${method}`)).toMatchObject([
        { name: `u-${method}`, profile: 'isp-basic-10m', disabled: 'false' },
      ]);
      expect(rows(profiles).find((p) => p['name'] === 'isp-basic-10m')?.['rate-limit']).toBe(
        '5000000/10000000',
      );
      expect(rows(profiles).find((p) => p['name'] === 'isp-suspended')?.['address-list']).toBe('morosos');
      login(method);

      const changed = await sync(subscriber(method, 'active', PLUS));
      expect(kicks(changed)).toHaveLength(method === 'pppoe' ? 1 : 2);
      expect(sessions(method)).toEqual([]);
      expect(ownedRows(accounts, `s-${method}`)[0]?.['profile']).toBe('isp-plus-50m');

      login(method);
      await sync(subscriber(method, 'throttled', PLUS));
      expect(sessions(method)).toEqual([]);
      expect(ownedRows(accounts, `s-${method}`)[0]?.['profile']).toBe('isp-plus-50m-throttled');
      expect(rows(profiles).find((p) => p['name'] === 'isp-plus-50m-throttled')).toMatchObject({
        'rate-limit': '1000000/2000000',
        'address-list': 'isp-throttled',
      });

      login(method);
      await sync(subscriber(method, 'suspended', PLUS));
      expect(sessions(method)).toEqual([]);
      expect(ownedRows(accounts, `s-${method}`)[0]?.['profile']).toBe('isp-suspended');

      login(method);
      await sync(subscriber(method, 'active', PLUS));
      expect(sessions(method)).toEqual([]);
      expect(ownedRows(accounts, `s-${method}`)[0]?.['profile']).toBe('isp-plus-50m');

      login(method);
      const released = await sync(subscriber(method, 'absent', PLUS));
      expect(released.outcomes[0]?.outcome).toBe('removed');
      expect(kicks(released).length).toBeGreaterThan(0);
      expect(sessions(method)).toEqual([]);
      expect(ownedRows(accounts, `s-${method}`)).toEqual([]);
    });

    it('suspends by disabling the account when configured, and the client cannot log in again', async () => {
      await sync(subscriber(method, 'active'), disableEnv);
      login(method);
      await sync(subscriber(method, 'suspended'), disableEnv);
      expect(sessions(method)).toEqual([]);
      expect(ownedRows(accounts, `s-${method}`)[0]).toMatchObject({
        disabled: 'true',
        profile: 'isp-basic-10m',
      });
      const retry =
        method === 'pppoe'
          ? env.emulator.subscribers.loginPpp({ name: 'u-pppoe', password: 'Sub-Pw-123' })
          : env.emulator.subscribers.loginHotspot({ name: 'u-hotspot', password: 'Sub-Pw-123' });
      expect(retry).toMatchObject({ ok: false, reason: 'disabled' });
      await sync(subscriber(method, 'active'), disableEnv);
      expect(ownedRows(accounts, `s-${method}`)[0]?.['disabled']).toBe('false');
      login(method);
    });
  });
}

describe('per-router infrastructure (B5)', () => {
  it('puts the suspension rules at the top of forward, the throttle exclusion before FastTrack, and the redirect', async () => {
    const op = env.emulator.operator;
    op.add('/ip/firewall/filter', {
      chain: 'forward',
      action: 'accept',
      'connection-state': 'established,related',
      comment: 'tech: accept',
    });
    op.add('/ip/firewall/filter', {
      chain: 'forward',
      action: 'fasttrack-connection',
      'connection-state': 'established,related',
    });
    op.add('/ip/firewall/filter', { chain: 'forward', action: 'drop', comment: 'tech: drop rest' });
    const dry = await env.network.ensureInfrastructure(
      'router-1',
      [{ plan: BASIC, methods: ['pcq-address-list', 'pppoe'] }],
      { dryRun: true },
    );
    expect(dry._unsafeUnwrap().plan.changes.length).toBeGreaterThan(0);
    expect(rows('/ip/firewall/filter')).toHaveLength(3);
    const real = (
      await env.network.ensureInfrastructure('router-1', [
        { plan: BASIC, methods: ['pcq-address-list', 'pppoe'] },
      ])
    )._unsafeUnwrap();
    expect(real.infrastructureErrors).toEqual([]);
    const again = (
      await env.network.ensureInfrastructure('router-1', [
        { plan: BASIC, methods: ['pcq-address-list', 'pppoe'] },
      ])
    )._unsafeUnwrap();
    expect(again.plan.changes).toEqual([]);
    const filter = rows('/ip/firewall/filter').map((r) => r['comment'] ?? r['action']);
    expect(filter).toEqual([
      'isp:infra:suspend-dns-udp',
      'isp:infra:suspend-dns-tcp',
      'isp:infra:suspend-notice',
      'isp:infra:suspend-drop',
      'tech: accept',
      'isp:infra:fasttrack-exclude-throttled-up',
      'isp:infra:fasttrack-exclude-throttled-down',
      'fasttrack-connection',
      'tech: drop rest',
    ]);
    expect(
      rows('/ip/firewall/filter').find((r) => r['comment'] === 'isp:infra:suspend-notice')?.['dst-address'],
    ).toBe(NOTICE);
    expect(rows('/ip/firewall/nat')).toMatchObject([
      {
        chain: 'dstnat',
        action: 'dst-nat',
        'src-address-list': 'morosos',
        'dst-port': '80',
        'to-addresses': NOTICE,
        'to-ports': '80',
      },
    ]);
  });

  it('refuses unsafe desired access and never writes it', async () => {
    const outside = { ...subscriber('simple-queue', 'active'), subscriberId: 'far', ipv4: '192.0.2.10' };
    const zero = { ...subscriber('simple-queue', 'active'), subscriberId: 'zero', ipv4: '0.0.0.0' };
    const report = (await env.network.sync('router-1', [outside, zero]))._unsafeUnwrap();
    expect(report.outcomes.map((o) => [o.subscriberId, o.outcome, o.error?.type])).toEqual([
      ['far', 'failed', 'UnsafeWrite'],
      ['zero', 'failed', 'InvalidDesiredAccess'],
    ]);
    expect(rows('/queue/simple')).toEqual([]);
  });

  it('refuses to create over a foreign entry holding the same name, and leaves it alone', async () => {
    env.emulator.operator.add('/ppp/secret', { name: 'u-pppoe', password: 'tech', comment: 'by hand' });
    const report = (await env.network.sync('router-1', [subscriber('pppoe', 'active')]))._unsafeUnwrap();
    expect(report.outcomes[0]).toMatchObject({
      outcome: 'failed',
      error: { type: 'UnsafeWrite', reason: 'not-owned' },
    });
    expect(rows('/ppp/secret')).toMatchObject([{ name: 'u-pppoe', comment: 'by hand' }]);
  });
});

describe('reports and progress', () => {
  it('counts round trips, rows and writes, and emits progress events', async () => {
    const events: string[] = [];
    const watched = await startEmulatorAccessNetwork({
      emulator: env.emulator,
      onProgress: (event) => events.push(event.type),
    });
    try {
      const desired = [subscriber('simple-queue', 'active'), subscriber('pppoe', 'suspended')];
      const first = (await watched.network.reconcile('router-1', desired))._unsafeUnwrap();
      expect(first.counters.commands.print).toBe(14);
      expect(first.counters.writesIssued).toBe(first.plan.changes.length);
      expect(first.counters.roundTrips).toBe(14 + first.plan.changes.length);
      expect(first.timings.totalMs).toBeGreaterThanOrEqual(first.timings.readMs);
      expect(events.filter((e) => e === 'read')).toHaveLength(14);
      expect(events.filter((e) => e === 'applied')).toHaveLength(first.plan.changes.length);
      expect(events.at(-1)).toBe('finished');
      const noop = (await watched.network.reconcile('router-1', desired))._unsafeUnwrap();
      expect(noop.counters).toMatchObject({ roundTrips: 14, writesIssued: 0, traps: 0 });
      expect(noop.counters.rowsRead).toBeGreaterThan(0);
    } finally {
      await watched.close();
    }
  });
});
