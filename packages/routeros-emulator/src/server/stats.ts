import type { CommandKind } from '../engine/execute-command';

/** Counters a benchmark reads. All are cumulative since start or the last reset. */
export interface EmulatorStats {
  readonly commands: Readonly<Record<CommandKind, number>> & { readonly total: number };
  readonly sentencesIn: number;
  readonly sentencesOut: number;
  readonly bytesIn: number;
  readonly bytesOut: number;
  /** Sum of service times run on the worker(s): the router-CPU proxy. */
  readonly busyMs: number;
  /** Commands received and not yet finished (`!done` written), now and at most. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  readonly connections: { readonly opened: number; readonly current: number; readonly rejected: number };
  readonly logins: { readonly succeeded: number; readonly failed: number };
  readonly traps: number;
  readonly fatals: number;
  readonly protocolErrors: number;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };

export type StatsCounters = Mutable<EmulatorStats>;

export function emptyStats(currentConnections = 0, inFlight = 0): StatsCounters {
  return {
    commands: { print: 0, add: 0, set: 0, remove: 0, other: 0, total: 0 },
    sentencesIn: 0,
    sentencesOut: 0,
    bytesIn: 0,
    bytesOut: 0,
    busyMs: 0,
    inFlight,
    maxInFlight: inFlight,
    connections: { opened: 0, current: currentConnections, rejected: 0 },
    logins: { succeeded: 0, failed: 0 },
    traps: 0,
    fatals: 0,
    protocolErrors: 0,
  };
}

export function copyStats(stats: StatsCounters): EmulatorStats {
  return {
    ...stats,
    commands: { ...stats.commands },
    connections: { ...stats.connections },
    logins: { ...stats.logins },
  };
}
