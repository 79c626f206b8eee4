import type { Mode } from './fixtures.js';
import type { StrategySpec } from './measure.js';
import type { ScenarioId } from './scenarios.js';

export interface LaneSpec {
  readonly lane: string;
  readonly mode: Mode;
  readonly size: number;
  readonly rttMs: number;
  readonly serviceMs: number;
  readonly scenarios: readonly ScenarioId[];
  readonly strategies: readonly StrategySpec[];
  /** Measure the sequential round-trip overhead of the emulator at this point first. */
  readonly calibrate?: boolean;
  /** JSON-lines output file. */
  readonly out: string;
}

export interface CalibrationRecord {
  readonly suite: 'calibration';
  readonly rttMs: number;
  readonly serviceMs: number;
  readonly overheadMs: number;
}

export function calibrationRecord(spec: LaneSpec, overheadMs: number): CalibrationRecord {
  return { suite: 'calibration', rttMs: spec.rttMs, serviceMs: spec.serviceMs, overheadMs };
}
