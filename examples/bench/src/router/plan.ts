/** Which lanes the router suite runs, full and quick. */
import type { LaneSpec } from './lane-spec.js';
import type { StrategySpec } from './measure.js';
import type { ScenarioId } from './scenarios.js';

export const ALL_SCENARIOS: readonly ScenarioId[] = ['cold', 'churn-1', 'churn-3', 'noop', 'drift', 'crash'];

const B0: StrategySpec = { label: 'B0 phpnuxbill pattern', kind: 'B0' };
const B1: StrategySpec = { label: 'B1 lookup + write', kind: 'B1' };
const B2: StrategySpec = { label: 'B2 bulk read + sequential writes', kind: 'B2' };
export const OURS_DEFAULT = 'B3 ours (defaults)';
export const oursFixedLabel = (window: number): string => `B3 ours (fixed W=${window})`;
const ours = (window?: number): StrategySpec =>
  window === undefined
    ? { label: OURS_DEFAULT, kind: 'B3' }
    : { label: oursFixedLabel(window), kind: 'B3', window };

export interface RouterPlan {
  /** Latency-bound sequential baselines: run concurrently, each lane with its own emulator process. */
  readonly concurrent: readonly Omit<LaneSpec, 'out'>[];
  /** Everything else, one lane at a time. */
  readonly sequential: readonly Omit<LaneSpec, 'out'>[];
  readonly small: number;
  readonly big: number;
}

export function routerPlan(quick: boolean): RouterPlan {
  const mid = quick ? 60 : 500;
  const big = quick ? 400 : 10_000;
  const small = quick ? 20 : 100;
  const point = (rttMs: number, size: number) => ({ rttMs, size, serviceMs: 2 });
  const pcq = 'pcq-address-list' as const;
  const sq = 'simple-queue' as const;
  const firstHalf: ScenarioId[] = ['cold', 'churn-1', 'churn-3'];
  const secondHalf: ScenarioId[] = ['noop', 'drift', 'crash'];
  const concurrent: Omit<LaneSpec, 'out'>[] = [];
  for (const mode of [pcq, sq]) {
    for (const strategy of [B0, B1]) {
      for (const [half, scenarios] of [
        ['a', firstHalf],
        ['b', secondHalf],
      ] as const) {
        concurrent.push({
          lane: `${strategy.kind}-${mode === pcq ? 'pcq' : 'sq'}-${half}`,
          mode,
          ...point(20, mid),
          scenarios,
          strategies: [strategy],
        });
      }
    }
  }
  concurrent.push({
    lane: 'baselines-80ms',
    mode: pcq,
    ...point(80, small),
    scenarios: ['cold', 'noop', 'churn-3'],
    strategies: [B0, B1, B2, ours()],
  });
  const sequential: Omit<LaneSpec, 'out'>[] = [
    {
      lane: 'ours-pcq-20ms',
      mode: pcq,
      ...point(20, mid),
      scenarios: [...ALL_SCENARIOS, 'cold-factory'],
      strategies: [B2, ours(), ours(64)],
      calibrate: true,
    },
    {
      lane: 'ours-sq-20ms',
      mode: sq,
      ...point(20, mid),
      scenarios: ALL_SCENARIOS,
      strategies: [B2, ours()],
    },
    {
      lane: 'ours-pcq-80ms',
      mode: pcq,
      ...point(80, big),
      scenarios: [...ALL_SCENARIOS, 'cold-factory'],
      strategies: [ours()],
      calibrate: true,
    },
    {
      lane: 'ours-pcq-80ms-fixed64',
      mode: pcq,
      ...point(80, big),
      scenarios: ['cold', 'noop'],
      strategies: [ours(64)],
    },
    {
      lane: 'ours-sq-80ms',
      mode: sq,
      ...point(80, big),
      scenarios: ['cold', 'noop', 'churn-3'],
      strategies: [ours()],
    },
  ];
  return { concurrent, sequential, small, big };
}
