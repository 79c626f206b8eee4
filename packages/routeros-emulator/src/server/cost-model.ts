import type { CommandKind } from '../engine/execute-command';

/** Router-side costs, in milliseconds (fractions allowed). All default to zero. */
export interface CostModel {
  /** Delay applied to every sentence in each direction (RTT/2). */
  readonly oneWayDelayMs: number;
  /** Service time per command, by kind, on the router's worker. */
  readonly serviceMs: Readonly<Record<CommandKind, number>>;
  /** `serial`: one worker for the whole router (default); `parallel`: every command runs at once. */
  readonly workers: 'serial' | 'parallel';
  /** Bulk print cost per returned row (r). */
  readonly printPerRowMs: number;
  /** Filtered print (any `?` query): q = q0 + q1 × table rows. */
  readonly filteredPrintBaseMs: number;
  readonly filteredPrintPerRowMs: number;
  /** Delay before a new connection is served. */
  readonly connectMs: number;
  /** Service time of a `/login`. */
  readonly loginMs: number;
  /** Open API sessions allowed at once; further connections are closed at once. */
  readonly maxSessions: number;
}

export type CostModelInput = Partial<Omit<CostModel, 'serviceMs'>> & {
  readonly serviceMs?: number | Partial<Record<CommandKind, number>>;
};

export const DEFAULT_MAX_SESSIONS = 100;

const ZERO_SERVICE: Record<CommandKind, number> = { print: 0, add: 0, set: 0, remove: 0, other: 0 };

/** Named starting points. `hex` is calibrated from public hEX figures (q ≈ 119 ms at 1.9k rows, r ≈ 0.64 ms). */
export const COST_PROFILES = {
  instant: {},
  lan: { oneWayDelayMs: 0.1, serviceMs: 0.5, printPerRowMs: 0.05, filteredPrintPerRowMs: 0.005 },
  hex: {
    oneWayDelayMs: 0.25,
    serviceMs: 2,
    printPerRowMs: 0.64,
    filteredPrintBaseMs: 0,
    filteredPrintPerRowMs: 0.0626,
    connectMs: 5,
    loginMs: 20,
  },
} as const satisfies Record<string, CostModelInput>;

const finite = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;

/** Fills a partial cost model with defaults; negative or non-numeric values fall back to the default. */
export function resolveCostModel(input: CostModelInput = {}, base?: CostModel): CostModel {
  const previous = base ?? {
    oneWayDelayMs: 0,
    serviceMs: ZERO_SERVICE,
    workers: 'serial',
    printPerRowMs: 0,
    filteredPrintBaseMs: 0,
    filteredPrintPerRowMs: 0,
    connectMs: 0,
    loginMs: 0,
    maxSessions: DEFAULT_MAX_SESSIONS,
  };
  let serviceMs = previous.serviceMs;
  if (typeof input.serviceMs === 'number') {
    const all = finite(input.serviceMs, 0);
    serviceMs = { print: all, add: all, set: all, remove: all, other: all };
  } else if (input.serviceMs && typeof input.serviceMs === 'object') {
    const given = input.serviceMs;
    serviceMs = {
      print: finite(given.print, previous.serviceMs.print),
      add: finite(given.add, previous.serviceMs.add),
      set: finite(given.set, previous.serviceMs.set),
      remove: finite(given.remove, previous.serviceMs.remove),
      other: finite(given.other, previous.serviceMs.other),
    };
  }
  return {
    oneWayDelayMs: finite(input.oneWayDelayMs, previous.oneWayDelayMs),
    serviceMs,
    workers: input.workers === 'parallel' || input.workers === 'serial' ? input.workers : previous.workers,
    printPerRowMs: finite(input.printPerRowMs, previous.printPerRowMs),
    filteredPrintBaseMs: finite(input.filteredPrintBaseMs, previous.filteredPrintBaseMs),
    filteredPrintPerRowMs: finite(input.filteredPrintPerRowMs, previous.filteredPrintPerRowMs),
    connectMs: finite(input.connectMs, previous.connectMs),
    loginMs: finite(input.loginMs, previous.loginMs),
    maxSessions:
      typeof input.maxSessions === 'number' && input.maxSessions >= 0
        ? Math.floor(input.maxSessions)
        : previous.maxSessions,
  };
}

/** Service time of one executed command. */
export function commandCost(
  model: CostModel,
  kind: CommandKind,
  work: { readonly scanned: number; readonly returned: number; readonly filtered: boolean },
): number {
  let cost = model.serviceMs[kind];
  if (kind === 'print') {
    cost += work.returned * model.printPerRowMs;
    if (work.filtered) cost += model.filteredPrintBaseMs + work.scanned * model.filteredPrintPerRowMs;
  }
  return cost;
}
