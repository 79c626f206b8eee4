// Secret hygiene: the router password and every PPPoE / Hotspot password must never appear in an error, a
// report, a rendered plan, a transport or progress event, console output or the emulator's sentence log —
// through clean runs, faults, corrupted replies, invalid desired access and technician entries.

import type { DesiredAccess } from '@isp/contracts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverAccounts, renderAccessPlan, resolvePlanningConfig } from '../../src/index';
import { SAMPLE_PLANS } from '../../src/testing/index';
import { corruptionPlan } from './corrupting-proxy';
import { type HostileEnv, ROUTER_ID, ROUTER_PASSWORD, safeJson, startHostileEnv } from './hostile-env';

const RUNS = Math.max(1, Number(process.env['ISP_HOSTILE_RUNS'] ?? 4) || 4);

let env: HostileEnv;
beforeAll(async () => {
  env = await startHostileEnv();
});
afterAll(async () => {
  await env.close();
});

/** Subscribers with distinctive passwords, every method and state, plus invalid ones that carry passwords too. */
function subscribers(tag: string): { desired: unknown[]; secrets: string[] } {
  const plan = SAMPLE_PLANS[0]!;
  const secrets: string[] = [];
  const desired: unknown[] = [];
  const methods = ['pppoe', 'hotspot', 'simple-queue', 'pcq-address-list'] as const;
  const states = ['active', 'throttled', 'suspended', 'absent'] as const;
  for (let n = 0; n < 8; n++) {
    const password = `S3cr3t-${tag}-${n}-pw`;
    const method = methods[n % 4]!;
    const base: DesiredAccess = {
      subscriberId: `sec-${n}`,
      routerId: ROUTER_ID,
      method,
      state: states[(n >> 1) % 4]!,
      ipv4: `10.0.9.${n + 2}`,
      plan,
    };
    if (method === 'pppoe' || method === 'hotspot') {
      secrets.push(password);
      desired.push({ ...base, credentials: { username: `secuser${n}`, password } });
    } else desired.push(base);
  }
  // Invalid desired access: refused per subscriber, and the error must not echo the password.
  const bad = `S3cr3t-${tag}-invalid-pw`;
  secrets.push(bad);
  desired.push({
    subscriberId: 'sec-bad',
    routerId: ROUTER_ID,
    method: 'pppoe',
    state: 'active',
    ipv4: '192.168.1.1',
    plan,
    credentials: { username: 'bad user\u0000', password: bad },
  });
  return { desired, secrets };
}

function leaks(texts: readonly string[], secrets: readonly string[]): string[] {
  const found: string[] = [];
  for (const text of texts)
    for (const s of secrets) if (text.includes(s)) found.push(`${s} in ${text.slice(0, 200)}`);
  return found;
}

describe('secret hygiene of the adapter', () => {
  it('clean runs, dry runs, discovery and adoption: no secret in any text produced', async () => {
    env.emulator.reset();
    env.emulator.sentences.clear();
    // A technician's secret with its own password, to be discovered.
    const techPassword = 'S3cr3t-technician-pw';
    env.emulator.operator.add('/ppp/secret', { name: 'tech-user', password: techPassword, service: 'pppoe' });
    const { desired, secrets } = subscribers('clean');
    const texts = env.texts;
    const dry = await env.network.reconcile(ROUTER_ID, desired as DesiredAccess[], { dryRun: true });
    texts.push(safeJson(dry), renderAccessPlan(dry._unsafeUnwrap().plan));
    const applied = await env.network.reconcile(ROUTER_ID, desired as DesiredAccess[]);
    texts.push(safeJson(applied), renderAccessPlan(applied._unsafeUnwrap().plan));
    // Change every password: updates are planned, rendered and applied.
    const changed = (desired as Record<string, unknown>[]).map((d) =>
      d['credentials'] === undefined
        ? d
        : {
            ...d,
            credentials: {
              ...(d['credentials'] as object),
              password: `${(d['credentials'] as { password: string }).password}-2`,
            },
          },
    );
    const changedSecrets = secrets.map((s) => `${s}-2`);
    const update = await env.network.reconcile(ROUTER_ID, changed as unknown as DesiredAccess[], {
      dryRun: true,
    });
    texts.push(safeJson(update), renderAccessPlan(update._unsafeUnwrap().plan));
    texts.push(safeJson(await env.network.sync(ROUTER_ID, changed as unknown as DesiredAccess[])));
    const discovered = await env.network.discover(ROUTER_ID);
    texts.push(safeJson(discovered));
    const tech = discovered._unsafeUnwrap().find((a) => a.username === 'tech-user');
    if (tech !== undefined) texts.push(safeJson(await env.network.adopt(ROUTER_ID, tech, 'sec-adopted')));
    texts.push(safeJson(discoverAccounts(ROUTER_ID, { menus: new Map() }, resolvePlanningConfig())));
    texts.push(...env.emulator.sentences.list().map((s) => safeJson(s)));
    const all = [ROUTER_PASSWORD, techPassword, ...secrets, ...changedSecrets];
    // The secrets did reach the router (so the texts above had every chance to carry them).
    const stored = JSON.stringify(env.emulator.snapshot());
    expect(stored).toContain(changedSecrets[0]);
    expect(stored).toContain(techPassword);
    expect(texts.length).toBeGreaterThan(10);
    expect(leaks(texts, all)).toEqual([]);
  });

  it(
    'faults and corrupted replies: errors, events and reports stay free of secrets',
    async () => {
      await fc.assert(
        fc.asyncProperty(corruptionPlan(), fc.nat({ max: 20 }), async (plan, nth) => {
          env.emulator.reset();
          env.proxy.setPlan([]);
          env.proxy.dropAll();
          await new Promise((resolve) => setTimeout(resolve, 50));
          const { desired, secrets } = subscribers(`fault${nth}`);
          env.proxy.setPlan(plan);
          env.emulator.faults.set({ trapOnWrite: nth + 1, dropAfterCommands: nth + 5 });
          const before = env.texts.length;
          const report = await env.network.reconcile(ROUTER_ID, desired as DesiredAccess[]);
          const texts = [...env.texts.slice(before), safeJson(report)];
          if (report.isOk()) texts.push(renderAccessPlan(report.value.plan));
          else texts.push(`${report.error.type}: ${report.error.message}`);
          env.emulator.faults.clear();
          env.proxy.setPlan([]);
          expect(leaks(texts, [ROUTER_PASSWORD, ...secrets])).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    },
    60_000 + RUNS * 10_000,
  );

  it('a wrong router password: the login failure names neither password', async () => {
    const other = await startHostileEnv({
      routers: {
        [ROUTER_ID]: {
          connection: {
            host: '127.0.0.1',
            port: env.proxy.port,
            user: 'isp-api',
            password: 'S3cr3t-wrong-router-pw',
          },
        },
      },
    });
    try {
      const result = await other.network.reconcile(ROUTER_ID, []);
      expect(result.isErr()).toBe(true);
      const texts = [...other.texts, safeJson(result)];
      expect(leaks(texts, [ROUTER_PASSWORD, 'S3cr3t-wrong-router-pw'])).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
