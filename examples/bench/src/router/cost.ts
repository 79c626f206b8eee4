/**
 * The router's cost model for one benchmark point, and the physical floor that follows from it.
 * Profile: hEX-calibrated print costs (bulk print r = 0.64 ms per row, filtered print q = 0.0626 ms per
 * scanned row — public hEX figures), the given service time s for every command on one serial worker,
 * a TCP handshake of one RTT plus 5 ms to accept, and a 20 ms login.
 */
import type { CostModelInput } from '@isp/routeros-emulator';

export interface Point {
  readonly size: number;
  readonly rttMs: number;
  readonly serviceMs: number;
}

export interface CostParameters {
  readonly rttMs: number;
  readonly serviceMs: number;
  readonly printPerRowMs: number;
  readonly filteredPrintPerRowMs: number;
  readonly connectMs: number;
  readonly loginMs: number;
}

export function costParameters(point: Point): CostParameters {
  return {
    rttMs: point.rttMs,
    serviceMs: point.serviceMs,
    printPerRowMs: 0.64,
    filteredPrintPerRowMs: 0.0626,
    connectMs: point.rttMs + 5,
    loginMs: 20,
  };
}

export function costModel(parameters: CostParameters): CostModelInput {
  return {
    oneWayDelayMs: parameters.rttMs / 2,
    serviceMs: parameters.serviceMs,
    workers: 'serial',
    printPerRowMs: parameters.printPerRowMs,
    filteredPrintBaseMs: 0,
    filteredPrintPerRowMs: parameters.filteredPrintPerRowMs,
    connectMs: parameters.connectMs,
    loginMs: parameters.loginMs,
    maxSessions: 100,
  };
}

/**
 * The least time any client needs for the job on this router: connect and log in once, read every menu
 * that holds desired entries once (all reads in flight together: one RTT plus their service), then send
 * the needed writes back to back (one RTT plus k·s on the serial worker). Planning time counts as zero.
 * A run interrupted by a crash needs a second session and a second read on top.
 */
export function physicalFloorMs(
  parameters: CostParameters,
  work: {
    /** Per session (one, or two after a crash): the rows of each menu that session must read. */
    readonly sessions: readonly (readonly number[])[];
    readonly writes: number;
  },
): number {
  const login = parameters.connectMs + parameters.rttMs + parameters.loginMs;
  let total = 0;
  for (const rowsPerMenu of work.sessions) {
    total +=
      login +
      parameters.rttMs +
      rowsPerMenu.reduce((sum, rows) => sum + parameters.serviceMs + rows * parameters.printPerRowMs, 0);
  }
  if (work.writes > 0) total += parameters.rttMs + work.writes * parameters.serviceMs;
  return total;
}
