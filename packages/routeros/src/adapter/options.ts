import type { ProgressEvent } from '../apply/read-snapshot.js';
import type { PlanningOptions } from '../plan/planning-config.js';
import type { ConnectionSettings, TransportOptions } from '../transport/connection-settings.js';
import type { RouterConnection } from '../transport/router-connection.js';

/** One router the adapter may work on. */
export interface RouterDefinition {
  readonly connection: ConnectionSettings;
  /** Customer networks of this router (CIDR blocks); defaults to the adapter's `customerNetworks`. */
  readonly customerNetworks?: readonly string[];
}

/** Builds the connection of a router; the default opens the binary API with routeros-api. */
export type ConnectionFactory = (
  routerId: string,
  settings: ConnectionSettings,
  transport: TransportOptions,
) => RouterConnection;

export interface RouterOsAccessNetworkOptions extends PlanningOptions {
  /** The routers by id, or a lookup function (unknown id ⇒ `RouterUnknown`). */
  readonly routers:
    | Readonly<Record<string, RouterDefinition>>
    | ((routerId: string) => RouterDefinition | undefined);
  /** Customer networks (CIDR blocks): addresses outside are refused (X2). Required unless every router has its own. */
  readonly customerNetworks?: readonly string[];
  /** Per-call timeout, window (in-flight cap), keepalive, reconnect backoff. */
  readonly transport?: TransportOptions;
  /** Only these hosts may be dialled (tests pin `['127.0.0.1']`). */
  readonly allowedHosts?: readonly string[];
  /** Routers worked on in parallel by `reconcileMany`. Default 4. */
  readonly routerConcurrency?: number;
  /** Progress of every run. */
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Replaces the transport (a fake in unit tests, another client). */
  readonly connect?: ConnectionFactory;
}
