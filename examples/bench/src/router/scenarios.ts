/** The scenarios: starting router state, desired state, and whether the apply crashes part-way. */
import type { DesiredAccess } from '@isp/contracts';
import type { StateSnapshot } from '@isp/routeros-emulator';
import { sampleIndexes, seededRandom } from '../shared/random.js';
import type { OperatorOp } from './emulator-protocol.js';
import { ownerOf, PLANNING, type Row, renderDesired } from './expected.js';
import { baseDesired, churnDesired, type Mode, PLANS } from './fixtures.js';
import { ensureInfrastructure } from './ours.js';
import type { RemoteEmulator } from './remote-emulator.js';

export type ScenarioId = 'cold' | 'churn-1' | 'churn-3' | 'noop' | 'drift' | 'crash' | 'cold-factory';

export const SCENARIO_LABELS: Readonly<Record<ScenarioId, string>> = {
  cold: 'cold provision',
  'churn-1': 'daily churn 1 %',
  'churn-3': 'daily churn 3 %',
  noop: 'no-op resync',
  drift: 'drift repair (1 % deleted, 1 % modified, 1 % foreign)',
  crash: 'crash at 40 % of a cold provision, then rerun',
  'cold-factory': 'cold provision on a factory router (infrastructure included)',
};

export interface Scenario {
  readonly id: ScenarioId;
  readonly start: StateSnapshot;
  readonly desired: readonly DesiredAccess[];
  /** Crash after this fraction of the needed writes, then rerun. */
  readonly crashAt?: number;
  readonly note: string;
}

export const ZERO_COST = {
  oneWayDelayMs: 0,
  serviceMs: 0,
  printPerRowMs: 0,
  filteredPrintBaseMs: 0,
  filteredPrintPerRowMs: 0,
  connectMs: 0,
  loginMs: 0,
} as const;

export interface Target {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
}

/** Builds the starting states once per (mode, size) on the emulator at zero cost. */
export class ScenarioFactory {
  private factory: StateSnapshot | undefined;
  private infra: StateSnapshot | undefined;
  private converged: StateSnapshot | undefined;
  readonly base: readonly DesiredAccess[];

  constructor(
    private readonly em: RemoteEmulator,
    private readonly target: Target,
    readonly mode: Mode,
    readonly size: number,
  ) {
    this.base = baseDesired(size, mode);
  }

  private async factoryState(): Promise<StateSnapshot> {
    if (this.factory === undefined) {
      await this.em.setCost(ZERO_COST);
      await this.em.reset();
      this.factory = await this.em.snapshot();
    }
    return this.factory;
  }

  private async infraState(): Promise<StateSnapshot> {
    if (this.infra === undefined) {
      await this.em.seed(await this.factoryState());
      await ensureInfrastructure(
        this.target,
        PLANS.map((plan) => ({ plan, methods: [this.mode] })),
      );
      this.infra = await this.em.snapshot();
    }
    return this.infra;
  }

  private async convergedState(): Promise<StateSnapshot> {
    if (this.converged === undefined) {
      await this.em.seed(await this.infraState());
      const ops = [...renderDesired(this.base).values()]
        .flat()
        .map((entry) => ({ op: 'add' as const, menu: entry.path, attributes: entry.fields }));
      const results = await this.em.operator(ops);
      const failed = results.find((r) => !r.ok);
      if (failed !== undefined && !failed.ok)
        throw new Error(`seeding subscribers failed: ${failed.message}`);
      this.converged = await this.em.snapshot();
    }
    return this.converged;
  }

  /** 1 % of subscribers lose their main row, 1 % get it edited, and 1 % foreign rows appear. */
  private async driftState(): Promise<{ state: StateSnapshot; note: string }> {
    await this.em.seed(await this.convergedState());
    const random = seededRandom(99);
    const mainMenu = this.mode === 'simple-queue' ? '/queue/simple' : '/ip/firewall/address-list';
    const role = this.mode === 'simple-queue' ? ':queue' : ':plan';
    const owned = (await this.em.rows(mainMenu)).filter(
      (row: Row) => ownerOf(row) !== null && (row['comment'] ?? '').endsWith(role),
    );
    const count = Math.max(1, Math.round(this.size * 0.01));
    const picked = sampleIndexes(random, owned.length, count * 2).map((i) => owned[i] as Row);
    const deleted = picked.slice(0, count);
    const modified = picked.slice(count);
    const ops: OperatorOp[] = [
      ...deleted.map((row) => ({ op: 'remove' as const, menu: mainMenu, id: row['.id'] ?? '' })),
      ...modified.map((row) => ({
        op: 'set' as const,
        menu: mainMenu,
        id: row['.id'] ?? '',
        attributes:
          this.mode === 'simple-queue'
            ? { 'max-limit': '1000000/1000000' }
            : { list: row['list'] === 'isp-plan-p5' ? 'isp-plan-p10' : 'isp-plan-p5' },
      })),
    ];
    for (let i = 0; i < count; i++) {
      const host = `${Math.floor(i / 250)}.${(i % 250) + 1}`;
      if (i % 3 === 0) {
        // A technician's entry inside one of our lists, without our marker: not ours, must stay.
        ops.push({
          op: 'add' as const,
          menu: '/ip/firewall/address-list',
          attributes: {
            list: `${PLANNING.prefix}-plan-p10`,
            address: `10.120.${host}`,
            comment: 'manual entry',
          },
        });
      } else if (i % 3 === 1 || this.mode !== 'simple-queue') {
        ops.push({
          op: 'add' as const,
          menu: '/ip/firewall/address-list',
          attributes: { list: 'tech-allow', address: `192.168.${host}`, comment: 'tech: allow' },
        });
      } else {
        ops.push({
          op: 'add' as const,
          menu: '/queue/simple',
          attributes: { name: `tech-q-${i}`, target: `172.16.${host}/32`, 'max-limit': '2000000/2000000' },
        });
      }
    }
    const results = await this.em.operator(ops);
    const failed = results.find((r) => !r.ok);
    if (failed !== undefined && !failed.ok) throw new Error(`drift failed: ${failed.message}`);
    return {
      state: await this.em.snapshot(),
      note: `${deleted.length} owned rows deleted, ${modified.length} modified, ${count} foreign rows added`,
    };
  }

  async build(id: ScenarioId): Promise<Scenario> {
    switch (id) {
      case 'cold':
        return {
          id,
          start: await this.infraState(),
          desired: this.base,
          note: 'plan infrastructure in place',
        };
      case 'cold-factory':
        return { id, start: await this.factoryState(), desired: this.base, note: 'factory router' };
      case 'crash':
        return {
          id,
          start: await this.infraState(),
          desired: this.base,
          crashAt: 0.4,
          note: 'the client dies after 40 % of the needed writes; a fresh client reruns',
        };
      case 'noop':
        return { id, start: await this.convergedState(), desired: this.base, note: 'nothing changed' };
      case 'churn-1':
      case 'churn-3': {
        const churn = churnDesired(this.base, id === 'churn-1' ? 0.01 : 0.03);
        const kinds = Object.entries(churn.summary.byKind)
          .map(([k, v]) => `${v} ${k}`)
          .join(', ');
        return { id, start: await this.convergedState(), desired: churn.desired, note: kinds };
      }
      case 'drift': {
        const drift = await this.driftState();
        return { id, start: drift.state, desired: this.base, note: drift.note };
      }
    }
  }
}
