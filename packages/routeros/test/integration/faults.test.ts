import type { FaultPlan } from '@isp/routeros-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouterOsAccessNetwork } from '../../src/adapter/routeros-access-network.js';
import {
  desiredAccessFor,
  type EmulatorNetwork,
  LOOPBACK_ONLY,
  SAMPLE_PLANS,
  startEmulatorAccessNetwork,
  TEST_TRANSPORT,
} from '../../src/testing/index.js';

const PLAN = SAMPLE_PLANS[0] as (typeof SAMPLE_PLANS)[number];
const METHODS = ['simple-queue', 'pcq-address-list', 'pppoe', 'hotspot'] as const;
const desired = Array.from({ length: 12 }, (_, n) =>
  desiredAccessFor(n, METHODS[n % 4] as (typeof METHODS)[number], n % 3 === 0 ? 'suspended' : 'active', PLAN),
);

const FAULTS: readonly [string, FaultPlan][] = [
  ['drop mid-command', { dropOnCommand: 5 }],
  ['drop after a reply', { dropAfterCommands: 3 }],
  ['!fatal', { fatalOnCommand: { nth: 4, reason: 'system reboot' } }],
  ['trap on the 2nd write', { trapOnWrite: 2 }],
  ['traps on 40% of writes', { trapWriteRatio: 0.4, seed: 3 }],
  ['two traps per failure', { trapWriteRatio: 0.5, seed: 5, doubleTrap: true }],
  ['held-back terminators', { splitTerminatorMs: 50 }],
  ['unknown reply word', { unknownReplyWord: 6 }],
  ['reply on an unknown tag', { unknownTagReply: 6 }],
  ['unanswered keepalives', { ignoreKeepalive: true }],
  ['rejected login', { rejectLogin: true }],
];

let env: EmulatorNetwork;
beforeAll(async () => {
  env = await startEmulatorAccessNetwork({ transport: { callTimeoutMs: 400, connectTimeoutMs: 400 } });
});
afterAll(async () => {
  await env.close();
});

describe('every injectable fault: bounded, contained, and the next reconcile converges', () => {
  for (const [label, plan] of FAULTS) {
    it(label, async () => {
      env.emulator.reset();
      env.emulator.faults.dropConnections();
      env.emulator.faults.set(plan);
      const started = Date.now();
      const faulty = await env.network.reconcile(env.routerId, desired);
      // Bounded: 14 reads + 30-odd writes each under a 400 ms timeout, with a few connect attempts.
      expect(Date.now() - started).toBeLessThan(10_000);
      if (faulty.isErr()) {
        expect([
          'ConnectionLost',
          'ProtocolError',
          'RouterTimeout',
          'RouterAuthFailed',
          'RouterUnreachable',
          'RouterTrap',
        ]).toContain(faulty.error.type);
      } else {
        for (const o of faulty.value.outcomes) expect(['created', 'failed']).toContain(o.outcome);
      }
      env.emulator.faults.clear();
      const clean = await env.network.reconcile(env.routerId, desired);
      expect(clean.isOk(), clean.isErr() ? clean.error.message : '').toBe(true);
      expect(clean._unsafeUnwrap().outcomes.filter((o) => o.outcome === 'failed')).toEqual([]);
      const again = (await env.network.reconcile(env.routerId, desired))._unsafeUnwrap();
      expect(again.plan.changes).toEqual([]);
      expect(again.outcomes.every((o) => o.outcome === 'unchanged')).toBe(true);
    });
  }
});

describe('many routers', () => {
  it('reconciles routers in parallel; one router failing stops no other', async () => {
    const second = await startEmulatorAccessNetwork({ routerId: 'router-2' });
    const created = createRouterOsAccessNetwork({
      customerNetworks: ['10.0.0.0/16'],
      transport: TEST_TRANSPORT,
      allowedHosts: LOOPBACK_ONLY,
      routerConcurrency: 2,
      routers: {
        'router-1': {
          connection: { host: '127.0.0.1', port: env.emulator.port, user: 'admin', password: '' },
        },
        'router-2': {
          connection: { host: '127.0.0.1', port: second.emulator.port, user: 'admin', password: '' },
        },
        'router-3': {
          connection: { host: '127.0.0.1', port: second.emulator.port, user: 'nobody', password: 'nope' },
        },
      },
    });
    const network = created._unsafeUnwrap();
    try {
      env.emulator.reset();
      const results = await network.reconcileMany([
        { routerId: 'router-1', desired: desired.slice(0, 4) },
        { routerId: 'router-2', desired: desired.slice(4, 8).map((d) => ({ ...d, routerId: 'router-2' })) },
        { routerId: 'router-3', desired: [] },
        { routerId: 'router-9', desired: [] },
      ]);
      expect(results.map((r) => [r.routerId, r.ok ? 'ok' : r.error.type])).toEqual([
        ['router-1', 'ok'],
        ['router-2', 'ok'],
        ['router-3', 'RouterAuthFailed'],
        ['router-9', 'RouterUnknown'],
      ]);
      expect(env.emulator.rows('/queue/simple').filter((r) => r['comment']?.startsWith('isp:'))).toHaveLength(
        1,
      );
      expect(
        second.emulator.rows('/ppp/secret').filter((r) => r['comment']?.startsWith('isp:')),
      ).toHaveLength(1);
    } finally {
      await network.close();
      await second.close();
    }
  });

  it('serialises writers on one router: concurrent runs never interleave into duplicates', async () => {
    env.emulator.reset();
    const runs = await Promise.all([
      env.network.sync(env.routerId, desired),
      env.network.sync(env.routerId, desired),
      env.network.reconcile(env.routerId, desired),
    ]);
    expect(runs.map((r) => r.isOk())).toEqual([true, true, true]);
    expect(runs[1]?._unsafeUnwrap().plan.changes).toEqual([]);
    const comments = env.emulator.rows('/ip/firewall/address-list').map((r) => r['comment']);
    expect(new Set(comments).size).toBe(comments.length);
  });
});
