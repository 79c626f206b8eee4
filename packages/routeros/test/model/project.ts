import { expect } from 'vitest';
import { type Model, type Real, subscriberId } from './model.js';

const CONFIG_MENUS = ['/queue/simple', '/ip/firewall/address-list', '/ppp/secret', '/ip/hotspot/user'];

/** The facts the router must show for the model — written from the recipes, not from the adapter's code. */
function expectedFacts(model: Model): Map<string, string[]> {
  const facts = new Map<string, string[]>();
  for (const s of model.subscribers.values()) {
    const id = subscriberId(s.n);
    const ip = `10.0.${Math.floor(s.n / 250)}.${(s.n % 250) + 2}`;
    const throttled = s.state === 'throttled';
    const suspended = s.state === 'suspended';
    const rate = throttled ? s.plan.throttledRate : s.plan.rate;
    const list: string[] = [];
    const plan = s.plan.planId;
    if (s.method === 'simple-queue') {
      list.push(
        `/queue/simple target=${ip}/32 max-limit=${rate.uploadBps}/${rate.downloadBps} disabled=false`,
      );
    }
    if (s.method === 'pcq-address-list')
      list.push(
        `/ip/firewall/address-list list=isp-plan-${plan}${throttled ? '-throttled' : ''} address=${ip}`,
      );
    if (s.method === 'simple-queue' || s.method === 'pcq-address-list') {
      if (suspended) list.push(`/ip/firewall/address-list list=morosos address=${ip}`);
      if (throttled) list.push(`/ip/firewall/address-list list=isp-throttled address=${ip}`);
    }
    if (s.method === 'pppoe' || s.method === 'hotspot') {
      const menu = s.method === 'pppoe' ? '/ppp/secret' : '/ip/hotspot/user';
      const profile = suspended ? 'isp-suspended' : `isp-${plan}${throttled ? '-throttled' : ''}`;
      list.push(`${menu} name=user${s.n} profile=${profile} disabled=false`);
    }
    facts.set(id, list.sort());
  }
  return facts;
}

function describeRow(menu: string, row: Readonly<Record<string, string>>): string {
  switch (menu) {
    case '/queue/simple':
      return `${menu} target=${row['target']} max-limit=${row['max-limit']} disabled=${row['disabled']}`;
    case '/ip/firewall/address-list':
      return `${menu} list=${row['list']} address=${row['address']}`;
    default:
      return `${menu} name=${row['name']} profile=${row['profile']} disabled=${row['disabled']}`;
  }
}

/** Asserts the router's owned subscriber entries equal the model, and foreign entries are untouched. */
export function assertRouterMatchesModel(model: Model, real: Real): void {
  const actual = new Map<string, string[]>();
  for (const menu of CONFIG_MENUS) {
    for (const row of real.emulator.rows(menu)) {
      const match = /^isp:(.+):([a-z]+)$/.exec(row['comment'] ?? '');
      if (match === null || match[1] === 'infra') continue;
      const id = match[1] as string;
      const list = actual.get(id) ?? [];
      list.push(describeRow(menu, row));
      actual.set(id, list);
    }
  }
  for (const list of actual.values()) list.sort();
  expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expectedFacts(model)));
  for (const foreign of model.foreign) {
    const row = real.emulator.rows(foreign.menu).find((r) => r['.id'] === foreign.id);
    expect(row, `foreign ${foreign.menu} ${foreign.id}`).toBeDefined();
    for (const [key, value] of Object.entries(foreign.attributes)) {
      expect([foreign.menu, key, row?.[key]]).toEqual([foreign.menu, key, value]);
    }
  }
}
