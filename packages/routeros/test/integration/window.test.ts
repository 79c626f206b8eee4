import type { AccessPlanRates, DesiredAccess } from '@isp/contracts';
import { type Emulator, startEmulator } from '@isp/routeros-emulator';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type EmulatorNetwork,
  LOOPBACK_ONLY,
  SAMPLE_PLANS,
  startEmulatorAccessNetwork,
  TEST_TRANSPORT,
} from '../../src/testing/index.js';
import { createApiConnection } from '../../src/transport/api-connection.js';
import type { TransportOptions } from '../../src/transport/connection-settings.js';
import type { RouterConnection } from '../../src/transport/router-connection.js';

const PASSWORD = 'Window-Router-Pw';
let emulator: Emulator;
const open: RouterConnection[] = [];

function connect(overrides: TransportOptions = {}): RouterConnection {
  const connection = createApiConnection({
    ...TEST_TRANSPORT,
    ...overrides,
    routerId: 'r1',
    allowedHosts: LOOPBACK_ONLY,
    settings: { host: '127.0.0.1', port: emulator.port, user: 'admin', password: PASSWORD },
  });
  open.push(connection);
  return connection;
}

const adds = (count: number, from = 0): string[][] =>
  Array.from({ length: count }, (_, i) => [
    '/ip/firewall/address-list/add',
    '=list=window-test',
    `=address=10.9.${Math.floor((from + i) / 250)}.${((from + i) % 250) + 1}`,
  ]);

beforeAll(async () => {
  emulator = await startEmulator({ host: '127.0.0.1', password: PASSWORD, rosVersion: '7.18' });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => {
  emulator.reset();
  emulator.setCost({});
});
afterEach(async () => {
  emulator.setCost({});
  await Promise.all(open.splice(0).map((c) => c.close()));
});

describe('adaptive window (transport)', () => {
  it('grows past its initial size while the router shows no queue, and never past maxInFlight', async () => {
    const c = connect({ maxInFlight: 48 });
    emulator.setCost({ oneWayDelayMs: 10, serviceMs: 0.5 });
    emulator.resetStats();
    const results = await Promise.all(adds(500).map((words) => c.command(words)));
    expect(results.every((r) => r.isOk())).toBe(true);
    expect(emulator.rows('/ip/firewall/address-list')).toHaveLength(500);
    const peak = emulator.stats().maxInFlight;
    expect(peak).toBeGreaterThan(8);
    expect(peak).toBeLessThanOrEqual(48);
  });

  it('keeps a fixed window with adaptiveWindow: false', async () => {
    const c = connect({ maxInFlight: 6, adaptiveWindow: false });
    emulator.setCost({ oneWayDelayMs: 5, serviceMs: 0.5 });
    emulator.resetStats();
    const results = await Promise.all(adds(120).map((words) => c.command(words)));
    expect(results.every((r) => r.isOk())).toBe(true);
    expect(emulator.stats().maxInFlight).toBe(6);
  });

  it('starts at initialInFlight', async () => {
    const c = connect({ initialInFlight: 2, maxInFlight: 2 });
    emulator.setCost({ oneWayDelayMs: 5 });
    emulator.resetStats();
    await Promise.all(adds(20).map((words) => c.command(words)));
    expect(emulator.stats().maxInFlight).toBe(2);
  });

  it('counts the call timeout from when the command is written, not while it waits for a slot', async () => {
    // One command at a time, 60 ms each: the tenth waits ~540 ms for its slot, more than the 250 ms limit.
    const c = connect({ maxInFlight: 1, adaptiveWindow: false, callTimeoutMs: 250 });
    emulator.setCost({ serviceMs: 60 });
    const results = await Promise.all(adds(10).map((words) => c.command(words)));
    expect(results.map((r) => (r.isOk() ? 'ok' : r.error.type))).toEqual(Array(10).fill('ok'));
  });

  it('still times out a command the router does not answer in time', async () => {
    const c = connect({ callTimeoutMs: 200 });
    emulator.setCost({ serviceMs: 400 });
    const result = await c.command(adds(1)[0] ?? []);
    expect(result._unsafeUnwrapErr().type).toBe('RouterTimeout');
  });
});

describe('pipelined infrastructure (adapter)', () => {
  let env: EmulatorNetwork;
  const plans: AccessPlanRates[] = [
    ...SAMPLE_PLANS,
    ...SAMPLE_PLANS.map((p) => ({ ...p, planId: `${p.planId}-b` })),
  ];

  beforeAll(async () => {
    env = await startEmulatorAccessNetwork({
      emulator,
      emulatorOptions: { password: PASSWORD },
      notice: { address: '10.0.255.10' },
    });
  });
  afterAll(async () => {
    await env.close();
  });

  it('writes a factory router’s infrastructure pipelined, in dependency order, with rule order kept', async () => {
    emulator.operator.add('/ip/firewall/filter', {
      chain: 'forward',
      action: 'fasttrack-connection',
      'connection-state': 'established,related',
    });
    emulator.operator.add('/ip/firewall/filter', { chain: 'forward', action: 'drop', comment: 'tech' });
    const desired: DesiredAccess[] = plans.flatMap((plan, i) => [
      {
        subscriberId: `pcq-${i}`,
        routerId: 'router-1',
        method: 'pcq-address-list' as const,
        state: 'active' as const,
        ipv4: `10.0.4.${i + 1}`,
        plan,
      },
      {
        subscriberId: `ppp-${i}`,
        routerId: 'router-1',
        method: 'pppoe' as const,
        state: 'suspended' as const,
        ipv4: `10.0.5.${i + 1}`,
        plan,
        credentials: { username: `ppp-${i}`, password: 'Sub-Pw-123' },
      },
    ]);
    emulator.setCost({ oneWayDelayMs: 5, serviceMs: 0.2 });
    emulator.resetStats();
    const infrastructure = (
      await env.network.ensureInfrastructure(
        'router-1',
        plans.map((plan) => ({ plan, methods: ['pcq-address-list', 'pppoe'] as const })),
      )
    )._unsafeUnwrap();
    expect(infrastructure.infrastructureErrors).toEqual([]);
    expect(infrastructure.counters.writesIssued).toBeGreaterThan(plans.length * 12);
    // Queue types, profiles and mangle rules go out together, not one round trip each.
    expect(emulator.stats().maxInFlight).toBeGreaterThan(1);
    const report = (await env.network.reconcile('router-1', desired))._unsafeUnwrap();
    expect(report.infrastructureErrors).toEqual([]);
    expect(report.outcomes.every((o) => o.outcome === 'created')).toBe(true);
    const types = emulator.rows('/queue/type').filter((r) => (r['name'] ?? '').startsWith('isp-'));
    const tree = emulator.rows('/queue/tree').filter((r) => (r['name'] ?? '').startsWith('isp-'));
    expect(types).toHaveLength(plans.length * 4);
    expect(tree).toHaveLength(plans.length * 4);
    expect(tree.every((r) => types.some((t) => t['name'] === r['queue']))).toBe(true);
    expect(emulator.rows('/ip/firewall/filter').map((r) => r['comment'] ?? r['action'])).toEqual([
      'isp:infra:suspend-dns-udp',
      'isp:infra:suspend-dns-tcp',
      'isp:infra:suspend-notice',
      'isp:infra:suspend-drop',
      'isp:infra:fasttrack-exclude-throttled-up',
      'isp:infra:fasttrack-exclude-throttled-down',
      'fasttrack-connection',
      'tech',
    ]);
    const again = (await env.network.reconcile('router-1', desired))._unsafeUnwrap();
    expect(again.plan.changes).toEqual([]);
    expect(again.counters.writesIssued).toBe(0);
  });

  it('removes infrastructure nobody uses any more, referencing menus first', async () => {
    emulator.setCost({ oneWayDelayMs: 2 });
    const one: DesiredAccess = {
      subscriberId: 'pcq-only',
      routerId: 'router-1',
      method: 'pcq-address-list',
      state: 'active',
      ipv4: '10.0.6.1',
      plan: plans[0] as AccessPlanRates,
    };
    const all = plans.map((plan, i) => ({ ...one, subscriberId: `pcq-${i}`, ipv4: `10.0.6.${i + 1}`, plan }));
    expect((await env.network.reconcile('router-1', all))._unsafeUnwrap().infrastructureErrors).toEqual([]);
    const shrunk = (await env.network.reconcile('router-1', [all[0] as DesiredAccess]))._unsafeUnwrap();
    expect(shrunk.infrastructureErrors).toEqual([]);
    const names = (menu: string) =>
      emulator
        .rows(menu)
        .map((r) => r['name'] ?? '')
        .filter((n) => n.startsWith('isp-'))
        .sort();
    expect(names('/queue/tree')).toEqual(names('/queue/type'));
    expect(names('/queue/type')).toHaveLength(4);
    expect(
      (await env.network.reconcile('router-1', [all[0] as DesiredAccess]))._unsafeUnwrap().plan.changes,
    ).toEqual([]);
  });
});
