import type { ResultAsync } from 'neverthrow';
import type { RouterError } from '../errors.js';
import type { RouterConnection, Sentence } from '../transport/router-connection.js';

export type CommandKind = 'print' | 'add' | 'set' | 'remove' | 'other';

/** What one run sent and read: the figures a benchmark needs. */
export interface RunCounters {
  /** Commands sent (each is one API round trip), by kind. */
  readonly commands: Record<CommandKind, number>;
  /** Total commands sent. */
  roundTrips: number;
  /** Rows received from prints. */
  rowsRead: number;
  /** Writes issued (add, set, remove — kicks included). */
  writesIssued: number;
  /** Traps received. */
  traps: number;
  /** Calls that failed with a timeout. */
  timeouts: number;
  /** Writes retried after a trap (re-read and converge). */
  retries: number;
  /**
   * Highest number of commands outstanding at once seen by the engine: on the wire or waiting for a slot in the
   * connection's window (the window itself adapts; the emulator's statistics show what reached the router).
   */
  maxInFlight: number;
}

export interface RunTimings {
  readMs: number;
  planMs: number;
  applyMs: number;
  totalMs: number;
}

export function emptyCounters(): RunCounters {
  return {
    commands: { print: 0, add: 0, set: 0, remove: 0, other: 0 },
    roundTrips: 0,
    rowsRead: 0,
    writesIssued: 0,
    traps: 0,
    timeouts: 0,
    retries: 0,
    maxInFlight: 0,
  };
}

export function commandKind(word: string): CommandKind {
  const verb = word.slice(word.lastIndexOf('/') + 1);
  return verb === 'print' || verb === 'add' || verb === 'set' || verb === 'remove' ? verb : 'other';
}

/** Wraps a connection so that every command is counted into `counters`. */
export function countingConnection(connection: RouterConnection, counters: RunCounters): RouterConnection {
  let inFlight = 0;
  return {
    routerId: connection.routerId,
    close: () => connection.close(),
    command(words: readonly string[]): ResultAsync<readonly Sentence[], RouterError> {
      const kind = commandKind(words[0] ?? '');
      counters.commands[kind] += 1;
      counters.roundTrips += 1;
      if (kind === 'add' || kind === 'set' || kind === 'remove') counters.writesIssued += 1;
      inFlight += 1;
      counters.maxInFlight = Math.max(counters.maxInFlight, inFlight);
      return connection
        .command(words)
        .map((rows) => {
          inFlight -= 1;
          if (kind === 'print') counters.rowsRead += rows.length;
          return rows;
        })
        .mapErr((error) => {
          inFlight -= 1;
          if (error.type === 'RouterTrap') counters.traps += 1;
          if (error.type === 'RouterTimeout') counters.timeouts += 1;
          return error;
        });
    },
  };
}
