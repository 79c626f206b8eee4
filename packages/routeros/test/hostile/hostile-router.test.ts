// The adapter under a hostile router: the emulator's fault injection plus random corruption of its replies
// (flipped bytes, cut replies, duplicated chunks, injected garbage) by a proxy on 127.0.0.1. Whatever
// happens: no uncaught exception, every call settles within its time limits, no write touches a
// technician's entry or duplicates one of ours, and the next clean reconcile converges.
// ISP_HOSTILE_RUNS sets the number of episodes (default 6; scripts/fuzz-all.mjs runs 100).

import { appendFileSync } from 'node:fs';
import type { DesiredAccess } from '@isp/contracts';
import { MENU_PATHS } from '@isp/routeros-emulator';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desiredAccessSetArbitrary } from '../../src/testing/index';
import { corruptionPlan } from './corrupting-proxy';
import { CALL_TIMEOUT_MS, type HostileEnv, ROUTER_ID, startHostileEnv } from './hostile-env';

const RUNS = Math.max(1, Number(process.env['ISP_HOSTILE_RUNS'] ?? 6) || 6);
/** A reconcile is ~20 reads and a few dozen writes, each under CALL_TIMEOUT_MS, plus reconnects. */
const RECONCILE_BOUND_MS = 60 * CALL_TIMEOUT_MS;

let env: HostileEnv;
const uncaught: unknown[] = [];
const onUncaught = (e: unknown): void => {
  uncaught.push(e);
};
beforeAll(async () => {
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);
  env = await startHostileEnv();
});
afterAll(async () => {
  await env.close();
  process.off('uncaughtException', onUncaught);
  process.off('unhandledRejection', onUncaught);
});

/** A technician's own entries (no ownership marker): they must come out of every episode untouched. */
function plantTechnicianEntries(): void {
  const ok = (r: { ok: boolean }): void => expect(r.ok).toBe(true);
  ok(
    env.emulator.operator.add('/queue/simple', {
      name: 'tech-backhaul',
      target: '10.0.250.1/32',
      'max-limit': '1M/1M',
    }),
  );
  ok(env.emulator.operator.add('/ip/firewall/address-list', { list: 'tech', address: '10.0.250.2' }));
  ok(
    env.emulator.operator.add('/ppp/secret', { name: 'tech-user', password: 'tech-pass', service: 'pppoe' }),
  );
}

const isOurs = (row: Readonly<Record<string, string>>): boolean =>
  (row['comment'] ?? '').startsWith('isp:') || (row['name'] ?? '').startsWith('isp-');

/** Configuration menus (no status menus such as /system/resource, no sessions). */
const CONFIG_MENUS = MENU_PATHS.filter(
  (p) => !p.startsWith('/system/') && !p.endsWith('/active') && !p.endsWith('/cookie'),
);

function technicianRows(): string {
  return JSON.stringify(
    CONFIG_MENUS.map((p) => env.emulator.rows(p).filter((r) => !isOurs(r) && r['dynamic'] !== 'true')),
  );
}

/** Our entries, keyed by menu and marker: a key held twice is a duplicate write. */
function duplicates(): string[] {
  const seen = new Map<string, number>();
  for (const p of MENU_PATHS)
    for (const row of env.emulator.rows(p)) {
      if (!isOurs(row) || p.endsWith('/active') || p.endsWith('/cookie')) continue;
      const key = `${p} ${row['comment'] ?? ''} ${row['name'] ?? ''} ${row['list'] ?? ''} ${row['address'] ?? ''}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
  return [...seen].filter(([, n]) => n > 1).map(([k]) => k);
}

/** Lets the adapter see the hang-up of the connections the proxy dropped before it sends again. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));

const faultPlan = fc.oneof(
  fc.constant({}),
  fc.record({ trapWriteRatio: fc.double({ min: 0.05, max: 0.5, noNaN: true }), seed: fc.nat(1000) }),
  fc.nat({ max: 30 }).map((n) => ({ dropOnCommand: n + 1 })),
  fc.nat({ max: 30 }).map((n) => ({ unknownTagReply: n + 1 })),
  fc.constant({ splitTerminatorMs: 20 }),
);

describe('the adapter under a hostile router', () => {
  it(
    `${RUNS} episodes of corrupted replies and faults: bounded, contained, converging`,
    async () => {
      const began = Date.now();
      let corruptedChunks = 0;
      let faultyFailures = 0;
      await fc.assert(
        fc.asyncProperty(
          desiredAccessSetArbitrary({ routerId: ROUTER_ID, maxSubscribers: 6 }),
          corruptionPlan(),
          faultPlan,
          async (desired: DesiredAccess[], plan, faults) => {
            env.emulator.reset();
            env.emulator.faults.clear();
            env.proxy.setPlan([]);
            env.proxy.dropAll();
            await settle();
            plantTechnicianEntries();
            const technician = technicianRows();

            // The hostile episode.
            env.proxy.setPlan(plan);
            env.emulator.faults.set(faults);
            const started = Date.now();
            const faulty = await env.network.reconcile(ROUTER_ID, desired);
            expect(Date.now() - started).toBeLessThan(RECONCILE_BOUND_MS);
            if (faulty.isErr()) {
              faultyFailures += 1;
              expect(typeof faulty.error.type).toBe('string');
            }
            corruptedChunks += env.proxy.corrupted();

            // A clean router again: the next reconcile converges and a further one has nothing to do.
            env.proxy.setPlan([]);
            env.emulator.faults.clear();
            env.proxy.dropAll();
            await settle();
            const clean = await env.network.reconcile(ROUTER_ID, desired);
            expect(clean.isOk(), clean.isErr() ? `${clean.error.type}: ${clean.error.message}` : '').toBe(
              true,
            );
            expect(clean._unsafeUnwrap().outcomes.filter((o) => o.outcome === 'failed')).toEqual([]);
            const again = (await env.network.reconcile(ROUTER_ID, desired))._unsafeUnwrap();
            expect(again.plan.changes).toEqual([]);

            // No foreign or duplicate write, no uncaught exception.
            expect(JSON.parse(technicianRows())).toEqual(JSON.parse(technician));
            expect(duplicates()).toEqual([]);
            expect(uncaught).toEqual([]);
          },
        ),
        {
          numRuns: RUNS,
          ...(process.env['ISP_FUZZ_SEED'] ? { seed: Number(process.env['ISP_FUZZ_SEED']) } : {}),
        },
      );
      const figures = {
        kind: 'hostile-router',
        episodes: RUNS,
        corruptedChunks,
        failedAsAWhole: faultyFailures,
        seconds: Number(((Date.now() - began) / 1000).toFixed(1)),
      };
      process.stdout.write(`hostile router: ${JSON.stringify(figures)}\n`);
      const report = process.env['ISP_FUZZ_REPORT'];
      if (report !== undefined && report !== '') appendFileSync(report, `${JSON.stringify(figures)}\n`);
      expect(uncaught).toEqual([]);
    },
    60_000 + RUNS * 20_000,
  );
});
