/** TLS (API-SSL) settings. Certificate verification is on unless `allowSelfSigned` is set explicitly. */
export interface TlsSettings {
  /** PEM certificate(s) of the router or its CA. */
  readonly ca?: string | readonly string[];
  /** Name to verify the certificate against, when it differs from `host`. */
  readonly servername?: string;
  /** Accept a certificate that does not verify (self-signed router certificate). Default `false`. */
  readonly allowSelfSigned?: boolean;
  /** OpenSSL cipher list, e.g. for anonymous DH on routers without a certificate (needs `allowSelfSigned`). */
  readonly ciphers?: string;
}

/** How to reach and log in to one router. The password is never logged or put in an error. */
export interface ConnectionSettings {
  readonly host: string;
  /** Default 8728, or 8729 with `tls`. */
  readonly port?: number;
  readonly user: string;
  readonly password: string;
  /** Use API-SSL. */
  readonly tls?: TlsSettings;
}

/** Tuning of one router connection. */
export interface TransportOptions {
  /**
   * Time limit of every call, in ms, counted from when the command is written to the router (time spent
   * waiting for a slot in the window is not counted). Default 15000.
   */
  readonly callTimeoutMs?: number;
  /** Time limit of connect + login, in ms. Default 10000. */
  readonly connectTimeoutMs?: number;
  /**
   * Most commands in flight at once on the connection: the cap of the adaptive window (or the fixed window
   * with `adaptiveWindow: false`). Default 128.
   */
  readonly maxInFlight?: number;
  /** Window at the start of a connection, grown or shrunk from there. Default 8 (capped by `maxInFlight`). */
  readonly initialInFlight?: number;
  /**
   * Adapt the window to the router (default `true`): grow while replies show no queue on the router, shrink
   * when they do, halve on a timeout or a lost connection. `false`: a fixed window of `maxInFlight`.
   */
  readonly adaptiveWindow?: boolean;
  /** Keepalive period in ms (an empty `#` command keeps the socket from idling out). Default 10000. */
  readonly keepaliveMs?: number;
  /** Connect attempts per call before failing, with exponential backoff between them. Default 3. */
  readonly connectAttempts?: number;
  /** First backoff delay in ms (doubles per attempt, capped by `maxBackoffMs`). Default 200. */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Called for connection events (no secrets). */
  readonly onEvent?: (event: TransportEvent) => void;
}

export type TransportEvent =
  | { readonly type: 'connected'; readonly routerId: string; readonly attempt: number }
  | {
      readonly type: 'connect-failed';
      readonly routerId: string;
      readonly attempt: number;
      readonly message: string;
    }
  | {
      readonly type: 'disconnected';
      readonly routerId: string;
      readonly reason: string;
      readonly failedCalls: number;
    }
  | { readonly type: 'protocol-error'; readonly routerId: string; readonly message: string };

export interface ResolvedTransportOptions {
  readonly callTimeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly maxInFlight: number;
  readonly initialInFlight: number;
  readonly adaptiveWindow: boolean;
  readonly keepaliveMs: number;
  readonly connectAttempts: number;
  readonly backoffMs: number;
  readonly maxBackoffMs: number;
  readonly onEvent: (event: TransportEvent) => void;
}

function positive(value: number | undefined, fallback: number, min = 1): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min ? Math.floor(value) : fallback;
}

export function resolveTransportOptions(options: TransportOptions = {}): ResolvedTransportOptions {
  const maxInFlight = positive(options.maxInFlight, 128);
  return {
    callTimeoutMs: positive(options.callTimeoutMs, 15000),
    connectTimeoutMs: positive(options.connectTimeoutMs, 10000),
    maxInFlight,
    initialInFlight: Math.min(maxInFlight, positive(options.initialInFlight, 8)),
    adaptiveWindow: options.adaptiveWindow !== false,
    keepaliveMs: positive(options.keepaliveMs, 10000, 100),
    connectAttempts: positive(options.connectAttempts, 3),
    backoffMs: positive(options.backoffMs, 200, 0),
    maxBackoffMs: positive(options.maxBackoffMs, 5000, 0),
    onEvent: options.onEvent ?? (() => undefined),
  };
}
