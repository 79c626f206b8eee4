import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { executeCommand } from '../engine/execute-command';
import { resolvePath } from '../engine/resolve-path';
import { RouterState } from '../engine/router-state';
import {
  applySnapshot,
  type SeedResult,
  type SnapshotOptions,
  type StateSnapshot,
  takeSnapshot,
} from '../engine/snapshot';
import {
  type HotspotLogin,
  type LoginOutcome,
  listSessions,
  loginHotspot,
  loginPpp,
  type PppLogin,
  type SubscriberSession,
} from '../engine/subscribers';
import type { Trap } from '../engine/trap';
import { DEFAULT_DECODER_LIMITS } from '../protocol/sentence-decoder';
import { Connection, type ConnectionLimits } from './connection';
import { type CostModel, type CostModelInput, resolveCostModel } from './cost-model';
import { type FaultPlan, FaultState } from './faults';
import { parseRosVersion } from './ros-version';
import { Scheduler } from './scheduler';
import { type RecordedSentence, SentenceLog, type SentenceLogLimits } from './sentence-log';
import { copyStats, type EmulatorStats, emptyStats } from './stats';
import { TEST_TLS_CERT, TEST_TLS_KEY } from './test-certificate';
import type { UserAccount } from './users';
import { Worker } from './worker';

export interface EmulatorOptions {
  /** Address to bind; default `127.0.0.1`. */
  readonly host?: string;
  /** TCP port; default 0 (any free port). */
  readonly port?: number;
  /** Emulated RouterOS version, e.g. `6.42`, `6.49`, `7.16`, `7.18` (default `7.18`). */
  readonly rosVersion?: string;
  /** API user; default `admin` with an empty password. */
  readonly user?: string;
  readonly password?: string;
  /** Extra API users (e.g. a `read` group user). */
  readonly users?: readonly UserAccount[];
  /** API-SSL: `true` uses the bundled test certificate; or give your own PEM key and certificate. */
  readonly tls?: boolean | { readonly key: string | Buffer; readonly cert: string | Buffer };
  readonly cost?: CostModelInput;
  readonly faults?: FaultPlan;
  /** Initial state (as returned by `snapshot()`). */
  readonly state?: StateSnapshot;
  /** Interface names accepted as queue targets and tree parents. */
  readonly interfaces?: readonly string[];
  readonly limits?: Partial<ConnectionLimits>;
  readonly sentenceLog?: Partial<SentenceLogLimits> & { readonly recordSecrets?: boolean };
  /** Wall clock in ms (timeouts, uptimes, creation times); default `Date.now`. */
  readonly clock?: () => number;
}

export type OperatorResult =
  | { readonly ok: true; readonly id?: string; readonly rows?: readonly Readonly<Record<string, string>>[] }
  | { readonly ok: false; readonly traps: readonly Trap[] };

/** A technician editing the router between API calls (WinBox / terminal): drift for tests. */
export interface OperatorControls {
  /** Runs any menu command with operator rights (read-only fields writable, dynamic rows editable). */
  run(menu: string, command: string, attributes?: Readonly<Record<string, string>>): OperatorResult;
  add(menu: string, attributes: Readonly<Record<string, string>>): OperatorResult;
  set(menu: string, id: string, attributes: Readonly<Record<string, string>>): OperatorResult;
  remove(menu: string, id: string): OperatorResult;
}

export interface FaultControls {
  /** Replaces the fault plan (and restarts its counters). */
  set(plan: FaultPlan): void;
  clear(): void;
  current(): FaultPlan;
  /** Drops every open connection at once. */
  dropConnections(): void;
  /** Sends `!fatal <reason>` to every open connection, then closes them. */
  fatal(reason?: string): void;
}

export interface SubscriberControls {
  /** A PPP client dials in (creates a `/ppp/active` row; refused for unknown/disabled users or a bad password). */
  loginPpp(login: PppLogin): LoginOutcome;
  /** A HotSpot client logs in (creates `/ip/hotspot/active` and a cookie). */
  loginHotspot(login: HotspotLogin): LoginOutcome;
  /** Ends a session by active-row id (menu `/ppp/active` or `/ip/hotspot/active`). */
  logout(menu: '/ppp/active' | '/ip/hotspot/active', id: string): boolean;
  sessions(): SubscriberSession[];
}

export interface SentenceLogControls {
  list(): readonly RecordedSentence[];
  /** Only the command words with their attributes, for compact assertions. */
  commands(): readonly (readonly string[])[];
  clear(): void;
  dropped(): number;
  setLimits(limits: Partial<SentenceLogLimits>): void;
}

export interface Emulator {
  readonly host: string;
  readonly port: number;
  readonly tls: boolean;
  readonly rosVersion: string;
  snapshot(options?: SnapshotOptions): StateSnapshot;
  /** Replaces the menus named in the snapshot. */
  seed(snapshot: StateSnapshot): SeedResult;
  /** Back to factory state (built-in rows only). */
  reset(): void;
  /** Rows of a menu as `print` returns them. */
  rows(menu: string): Readonly<Record<string, string>>[];
  readonly operator: OperatorControls;
  readonly faults: FaultControls;
  readonly subscribers: SubscriberControls;
  readonly sentences: SentenceLogControls;
  setCost(cost: CostModelInput): void;
  cost(): CostModel;
  stats(): EmulatorStats;
  resetStats(): void;
  /** Open client connections. */
  connectionCount(): number;
  close(): Promise<void>;
}

export const DEFAULT_LIMITS: ConnectionLimits = {
  ...DEFAULT_DECODER_LIMITS,
  maxSentencesBeforeLogin: 32,
  maxPendingBytes: 32 * 1024 * 1024,
  maxOutputBytes: 64 * 1024 * 1024,
};

const DEFAULT_INTERFACES = ['ether1', 'ether2', 'ether3', 'ether4', 'ether5', 'bridge', 'wlan1'];

function invalidOption(message: string): TypeError {
  return new TypeError(`routeros-emulator: ${message}`);
}

function stringRecord(attributes: unknown): Map<string, string> | undefined {
  if (attributes === undefined) return new Map();
  if (typeof attributes !== 'object' || attributes === null) return undefined;
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(attributes)) {
    if (typeof value !== 'string') return undefined;
    out.set(key, value);
  }
  return out;
}

/**
 * Starts a RouterOS API server (TCP or API-SSL) on loopback. Rejects with a TypeError for invalid
 * options and with the listen error (e.g. EADDRINUSE) if the port cannot be bound.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const parsedVersion = parseRosVersion(options.rosVersion ?? '7.18');
  if (!parsedVersion.ok) throw invalidOption(parsedVersion.message);
  const version = parsedVersion.version;
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw invalidOption(`invalid port ${String(port)}`);
  const clock = options.clock ?? Date.now;
  const state = new RouterState({ version, clock, interfaces: options.interfaces ?? DEFAULT_INTERFACES });
  if (options.state !== undefined) {
    const seeded = applySnapshot(state, options.state);
    if (!seeded.ok) throw invalidOption(seeded.error.message);
  }
  const users = new Map<string, UserAccount>();
  users.set(options.user ?? 'admin', {
    name: options.user ?? 'admin',
    password: options.password ?? '',
    group: 'full',
  });
  for (const user of options.users ?? []) {
    if (typeof user?.name !== 'string' || typeof user.password !== 'string')
      throw invalidOption('invalid user entry');
    users.set(user.name, user);
  }
  let costModel = resolveCostModel(options.cost ?? {});
  const limits: ConnectionLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const scheduler = new Scheduler();
  let stats = emptyStats();
  const faults = new FaultState();
  if (options.faults) faults.set(options.faults);
  const log = new SentenceLog(
    {
      maxEntries: options.sentenceLog?.maxEntries ?? 10_000,
      maxBytes: options.sentenceLog?.maxBytes ?? 16 * 1024 * 1024,
    },
    options.sentenceLog?.recordSecrets === true,
  );
  const startedAt = Date.now();
  const worker = new Worker(
    scheduler,
    () => costModel.workers,
    (ms) => {
      stats.busyMs += ms;
    },
  );
  const connections = new Set<Connection>();
  let nextConnection = 1;

  const onSocket = (socket: Socket): void => {
    socket.on('error', () => socket.destroy());
    if (connections.size >= costModel.maxSessions) {
      stats.connections.rejected++;
      socket.destroy();
      return;
    }
    stats.connections.opened++;
    stats.connections.current++;
    if (costModel.connectMs > 0) socket.pause();
    const connection = new Connection({
      id: nextConnection++,
      socket,
      state,
      scheduler,
      worker,
      get stats() {
        return stats;
      },
      log,
      faults,
      cost: () => costModel,
      version,
      users: () => users,
      limits,
      startedAt,
      onClose: (closed) => {
        connections.delete(closed);
        stats.connections.current--;
      },
    });
    connections.add(connection);
    if (costModel.connectMs > 0) {
      scheduler.at(scheduler.now() + costModel.connectMs, () => socket.resume());
    }
  };

  let server: Server;
  const tlsOption = options.tls;
  if (tlsOption) {
    const credentials = tlsOption === true ? { key: TEST_TLS_KEY, cert: TEST_TLS_CERT } : tlsOption;
    server = createTlsServer({ key: credentials.key, cert: credentials.cert }, onSocket);
    server.on('tlsClientError', () => undefined);
  } else {
    server = createTcpServer(onSocket);
  }
  server.on('error', () => undefined);

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address !== null ? address.port : port;

  const operatorRun = (
    menu: string,
    command: string,
    attributes?: Readonly<Record<string, string>>,
  ): OperatorResult => {
    const words = stringRecord(attributes);
    if (!words) return { ok: false, traps: [{ message: 'attributes must be strings' }] };
    const resolved = resolvePath(`${menu}/${command}`);
    if (!resolved.ok) return { ok: false, traps: resolved.traps };
    const result = executeCommand(state, {
      menu: resolved.menu,
      command: resolved.command,
      attributes: words,
      queries: [],
      operator: true,
    });
    if (result.traps.length > 0) return { ok: false, traps: result.traps };
    const id = result.done.find(([key]) => key === 'ret')?.[1];
    return {
      ok: true,
      ...(id !== undefined ? { id } : {}),
      ...(result.kind === 'print' ? { rows: result.rows.map((row) => Object.fromEntries(row)) } : {}),
    };
  };

  let closed: Promise<void> | undefined;

  return {
    host,
    port: boundPort,
    tls: Boolean(tlsOption),
    rosVersion: version.text,
    snapshot: (snapshotOptions) => takeSnapshot(state, snapshotOptions),
    seed: (snapshot) => applySnapshot(state, snapshot),
    reset: () => state.reset(),
    rows: (menu) => {
      const result = operatorRun(menu, 'print');
      return result.ok ? [...(result.rows ?? [])] : [];
    },
    operator: {
      run: operatorRun,
      add: (menu, attributes) => operatorRun(menu, 'add', attributes),
      set: (menu, id, attributes) => operatorRun(menu, 'set', { ...attributes, '.id': id }),
      remove: (menu, id) => operatorRun(menu, 'remove', { '.id': id }),
    },
    faults: {
      set: (plan) => faults.set(plan),
      clear: () => faults.clear(),
      current: () => faults.current(),
      dropConnections: () => {
        for (const connection of [...connections]) connection.destroy();
      },
      fatal: (reason = 'router is shutting down') => {
        for (const connection of [...connections]) connection.fatal(reason, true);
      },
    },
    subscribers: {
      loginPpp: (login) => loginPpp(state, login),
      loginHotspot: (login) => loginHotspot(state, login),
      logout: (menu, id) => {
        if (menu !== '/ppp/active' && menu !== '/ip/hotspot/active') return false;
        if (!state.findById(menu, id)) return false;
        state.removeRow(menu, id);
        return true;
      },
      sessions: () => listSessions(state),
    },
    sentences: {
      list: () => log.list(),
      commands: () => log.list().map((entry) => entry.words),
      clear: () => log.clear(),
      dropped: () => log.droppedCount(),
      setLimits: (next) => log.setLimits(next),
    },
    setCost: (input) => {
      costModel = resolveCostModel(input, costModel);
    },
    cost: () => costModel,
    stats: () => copyStats(stats),
    resetStats: () => {
      stats = emptyStats(connections.size, stats.inFlight);
    },
    connectionCount: () => connections.size,
    close: () => {
      if (!closed) {
        closed = new Promise<void>((resolve) => {
          server.close(() => resolve());
          for (const connection of [...connections]) connection.destroy();
        }).then(() => scheduler.close());
      }
      return closed;
    },
  };
}
