import type { AccessMethod, AccessPlanRates } from '@isp/contracts';
import type { FaultPlan } from '@isp/routeros-emulator';
import fc from 'fast-check';
import { expect } from 'vitest';
import { SAMPLE_PLANS } from '../../src/testing/index.js';
import { desiredAll, desiredOf, type Model, type Real, type SubscriberModel, subscriberId } from './model.js';
import { assertRouterMatchesModel } from './project.js';

type Cmd = fc.AsyncCommand<Model, Real>;

/** Runs one single-subscriber sync the way an app would; it may fail while a fault is armed, never throw. */
async function syncOne(
  real: Real,
  s: SubscriberModel,
  state = s.state as SubscriberModel['state'] | 'absent',
): Promise<void> {
  const result = await real.network.sync(real.routerId, [desiredOf(s, state)]);
  if (result.isOk()) expect(result.value.outcomes).toHaveLength(1);
  else expect(typeof result.error.type).toBe('string');
}

class AddCommand implements Cmd {
  constructor(
    readonly n: number,
    readonly method: AccessMethod,
    readonly plan: AccessPlanRates,
  ) {}
  check = (m: Readonly<Model>) => !m.subscribers.has(this.n);
  async run(m: Model, r: Real) {
    const s: SubscriberModel = { n: this.n, method: this.method, state: 'active', plan: this.plan };
    m.subscribers.set(this.n, s);
    await syncOne(r, s);
  }
  toString = () => `add(${subscriberId(this.n)}, ${this.method}, ${this.plan.planId})`;
}

class StateCommand implements Cmd {
  constructor(
    readonly pick: number,
    readonly to: 'active' | 'throttled' | 'suspended',
    readonly label: string,
  ) {}
  private target(m: Readonly<Model>): SubscriberModel | undefined {
    const all = [...m.subscribers.values()];
    return all[this.pick % Math.max(all.length, 1)];
  }
  check = (m: Readonly<Model>) => this.target(m) !== undefined;
  resolved = '';
  async run(m: Model, r: Real) {
    const s = this.target(m) as SubscriberModel;
    const next = { ...s, state: this.to };
    m.subscribers.set(s.n, next);
    this.resolved = subscriberId(s.n);
    await syncOne(r, next);
  }
  toString = () => `${this.label}(${this.resolved || `#${this.pick}`})`;
}

class ChangePlanCommand implements Cmd {
  constructor(
    readonly pick: number,
    readonly plan: AccessPlanRates,
  ) {}
  resolved = '';
  check = (m: Readonly<Model>) => m.subscribers.size > 0;
  async run(m: Model, r: Real) {
    const all = [...m.subscribers.values()];
    const s = all[this.pick % all.length] as SubscriberModel;
    const next = { ...s, plan: this.plan };
    m.subscribers.set(s.n, next);
    this.resolved = subscriberId(s.n);
    await syncOne(r, next);
  }
  toString = () => `changePlan(${this.resolved || `#${this.pick}`}, ${this.plan.planId})`;
}

class ReleaseCommand implements Cmd {
  constructor(readonly pick: number) {}
  resolved = '';
  check = (m: Readonly<Model>) => m.subscribers.size > 0;
  async run(m: Model, r: Real) {
    const all = [...m.subscribers.values()];
    const s = all[this.pick % all.length] as SubscriberModel;
    m.subscribers.delete(s.n);
    this.resolved = subscriberId(s.n);
    await syncOne(r, s, 'absent');
  }
  toString = () => `release(${this.resolved || `#${this.pick}`})`;
}

const OWNED_MENUS = [
  '/queue/simple',
  '/ip/firewall/address-list',
  '/ppp/secret',
  '/ip/hotspot/user',
  '/ip/firewall/filter',
  '/queue/type',
  '/ppp/profile',
];
const TAMPER: Readonly<Record<string, Record<string, string>>> = {
  '/queue/simple': { 'max-limit': '1000/1000' },
  '/ip/firewall/address-list': { list: 'tampered' },
  '/ppp/secret': { profile: 'default', disabled: 'yes' },
  '/ip/hotspot/user': { profile: 'default', disabled: 'yes' },
  '/ip/firewall/filter': { disabled: 'yes' },
  '/queue/type': { 'pcq-rate': '1000' },
  '/ppp/profile': { 'rate-limit': '1k/1k' },
};

/** A technician in WinBox: deletes or edits one of our entries, or adds an entry of their own. */
class DriftCommand implements Cmd {
  constructor(
    readonly kind: 'delete' | 'edit' | 'foreign',
    readonly pick: number,
  ) {}
  done = '';
  check = () => true;
  async run(m: Model, r: Real) {
    const op = r.emulator.operator;
    if (this.kind === 'foreign') {
      const k = m.nextForeign++;
      const choices: [string, Record<string, string>][] = [
        [
          '/queue/simple',
          {
            name: `tech-${k}`,
            target: `10.0.200.${k + 1}/32`,
            'max-limit': '1000000/2000000',
            comment: 'by hand',
          },
        ],
        ['/ip/firewall/address-list', { list: 'tech', address: `10.0.201.${k + 1}` }],
        ['/ppp/secret', { name: `tech-${k}`, password: 'tech-pw', profile: 'default' }],
        [
          '/ip/firewall/address-list',
          { list: 'morosos', address: `10.0.202.${k + 1}`, comment: 'manual cut' },
        ],
      ];
      const [menu, attributes] = choices[this.pick % choices.length] as [string, Record<string, string>];
      const added = op.add(menu, attributes);
      expect(added.ok).toBe(true);
      if (added.ok && added.id !== undefined) {
        const { password: _p, ...visible } = attributes;
        m.foreign.push({ menu, id: added.id, attributes: visible });
      }
      this.done = `foreign ${menu}`;
      return;
    }
    const owned = OWNED_MENUS.flatMap((menu) =>
      r.emulator
        .rows(menu)
        .filter((row) => (row['comment'] ?? '').startsWith('isp:') || (row['name'] ?? '').startsWith('isp-'))
        .map((row) => [menu, row] as const),
    );
    const target = owned[this.pick % Math.max(owned.length, 1)];
    if (target === undefined) {
      this.done = 'nothing owned';
      return;
    }
    const [menu, row] = target;
    const id = row['.id'] ?? '';
    const result = this.kind === 'delete' ? op.remove(menu, id) : op.set(menu, id, TAMPER[menu] ?? {});
    this.done = `${this.kind} ${menu} ${row['comment'] ?? row['name']} (${result.ok ? 'ok' : 'refused'})`;
  }
  toString = () => `drift(${this.done || this.kind})`;
}

/** Arms one transport fault; the next commands meet it. */
class FaultCommand implements Cmd {
  constructor(
    readonly plan: FaultPlan,
    readonly label: string,
  ) {}
  check = () => true;
  async run(_m: Model, r: Real) {
    r.emulator.faults.set(this.plan);
  }
  toString = () => `fault(${this.label})`;
}

/** Clears faults and reconciles everything; the router must then equal the model, and a second run is empty. */
export class ReconcileCommand implements Cmd {
  check = () => true;
  async run(m: Model, r: Real) {
    r.emulator.faults.clear();
    const desired = desiredAll(m);
    const result = await r.network.reconcile(r.routerId, desired);
    expect(result.isOk(), result.isErr() ? `${result.error.type}: ${result.error.message}` : '').toBe(true);
    const report = result._unsafeUnwrap();
    expect(
      report.outcomes.filter((o) => o.outcome === 'failed').map((o) => [o.subscriberId, o.error?.message]),
    ).toEqual([]);
    expect(report.infrastructureErrors).toEqual([]);
    assertRouterMatchesModel(m, r);
    const again = (await r.network.reconcile(r.routerId, desired))._unsafeUnwrap();
    expect(again.plan.changes).toEqual([]);
  }
  toString = () => 'reconcile';
}

const METHODS: readonly AccessMethod[] = ['simple-queue', 'pcq-address-list', 'pppoe', 'hotspot'];

export function allCommands(): fc.Arbitrary<Cmd>[] {
  const plan = fc.constantFrom(...SAMPLE_PLANS);
  const pick = fc.nat({ max: 50 });
  const nth = fc.integer({ min: 1, max: 6 });
  return [
    fc
      .tuple(fc.nat({ max: 12 }), fc.constantFrom(...METHODS), plan)
      .map(([n, method, p]) => new AddCommand(n, method, p)),
    fc.tuple(pick, plan).map(([i, p]) => new ChangePlanCommand(i, p)),
    pick.map((i) => new StateCommand(i, 'throttled', 'throttle')),
    pick.map((i) => new StateCommand(i, 'suspended', 'suspend')),
    pick.map((i) => new StateCommand(i, 'active', 'unsuspend')),
    pick.map((i) => new ReleaseCommand(i)),
    fc
      .tuple(fc.constantFrom('delete' as const, 'edit' as const, 'foreign' as const), pick)
      .map(([k, i]) => new DriftCommand(k, i)),
    fc
      .oneof(
        nth.map((n) => new FaultCommand({ dropOnCommand: n }, `drop@${n}`)),
        nth.map((n) => new FaultCommand({ fatalOnCommand: n }, `fatal@${n}`)),
        nth.map((n) => new FaultCommand({ unknownTagReply: n }, `unknown-tag@${n}`)),
        nth.map((n) => new FaultCommand({ unknownReplyWord: n }, `unknown-word@${n}`)),
        nth.map((n) => new FaultCommand({ trapOnWrite: n }, `trap-write@${n}`)),
        fc.constant(new FaultCommand({ trapWriteRatio: 0.3, seed: 7 }, 'trap-30%')),
      )
      .map((c) => c as Cmd),
    fc.constant(new ReconcileCommand()),
  ];
}
