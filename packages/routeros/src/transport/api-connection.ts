/**
 * The only module that imports `routeros-api` (pinned at exactly 1.0.2: this module relies on private fields
 * of that version, see docs/routeros.md). It uses the raw `write()` only and works around the client's known
 * failure modes: Nagle latency (`setNoDelay`), calls that never settle (own timeout per call, every in-flight
 * call failed on close/`!fatal`), exceptions thrown inside the socket data handler for unknown tags or reply
 * words (contained and surfaced as `ProtocolError` + reconnect), idle timeouts (keepalive + an `error`
 * listener always attached).
 */
import type { Socket } from 'node:net';
import { err, errAsync, ok, type Result, ResultAsync } from 'neverthrow';
import { RouterOSAPI } from 'routeros-api';
import {
  connectionLost,
  protocolError,
  type RouterError,
  redact,
  routerAuthFailed,
  routerTimeout,
  routerTrap,
  routerUnreachable,
} from '../errors.js';
import {
  type ConnectionSettings,
  type ResolvedTransportOptions,
  resolveTransportOptions,
  type TransportOptions,
} from './connection-settings.js';
import type { RouterConnection, Sentence } from './router-connection.js';
import {
  createWindowController,
  type WindowController,
  type WindowOutcome,
  type WindowTicket,
} from './window-controller.js';

/** Private fields of routeros-api 1.0.2 this module touches. */
interface ReceiverInternals {
  processRawData(data: Buffer): void;
}
interface ConnectorInternals {
  socket?: Socket;
  receiver?: ReceiverInternals;
  destroy(): void;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}
interface ApiInternals {
  connector?: ConnectorInternals;
  keptaliveby?: ReturnType<typeof setTimeout>;
  connectionHoldInterval?: ReturnType<typeof setTimeout>;
  closing: boolean;
}

interface Call {
  readonly words: readonly string[];
  readonly secrets: readonly string[];
  readonly resolve: (result: Result<readonly Sentence[], RouterError>) => void;
  timer: ReturnType<typeof setTimeout> | undefined;
  settled: boolean;
  dispatched: boolean;
  /** Set when the command is written to the router: the window's record of it. */
  ticket: WindowTicket | undefined;
}

export interface ApiConnectionOptions extends TransportOptions {
  readonly routerId: string;
  readonly settings: ConnectionSettings;
  /** When set, refuse to dial any host not in this list (tests use `['127.0.0.1']`). */
  readonly allowedHosts?: readonly string[];
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
]);

function errnoOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const record = error as { errno?: unknown; code?: unknown };
  if (typeof record.errno === 'string') return record.errno;
  if (typeof record.code === 'string') return record.code;
  return undefined;
}

function messageOf(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error instanceof Error) return error.message;
  return 'unknown error';
}

/** Password-bearing attribute values in a command's words. */
function secretValues(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    const match = /^=(password|secret|response)=(.*)$/s.exec(word);
    if (match?.[2] !== undefined && match[2] !== '') out.push(match[2]);
  }
  return out;
}

function toSentence(row: unknown): Sentence {
  const out: Record<string, string> = {};
  if (typeof row !== 'object' || row === null) return out;
  for (const [key, value] of Object.entries(row)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    out[key] = typeof value === 'string' ? value : String(value);
  }
  return out;
}

/** Writes give the window its latency samples; a print's service time grows with the table it reads. */
function isWrite(command: string): boolean {
  return /\/(add|set|remove|unset|enable|disable|move)$/.test(command);
}

/** How a settled call counts for the window. */
function windowOutcome(call: Call, result: Result<readonly Sentence[], RouterError>): WindowOutcome {
  if (result.isOk()) return { type: 'reply', sample: isWrite(call.words[0] ?? '') };
  switch (result.error.type) {
    case 'RouterTrap':
      return { type: 'trap' };
    case 'RouterTimeout':
      return { type: 'timeout' };
    default:
      return { type: 'lost' };
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A multiplexed, self-healing connection to one router over the binary API (or API-SSL). */
class ApiConnection implements RouterConnection {
  readonly routerId: string;
  private readonly settings: ConnectionSettings;
  private readonly options: ResolvedTransportOptions;
  private readonly allowedHosts: readonly string[] | undefined;
  private api: RouterOSAPI | undefined;
  private connecting: Promise<Result<void, RouterError>> | undefined;
  private closed = false;
  private readonly queue: Call[] = [];
  private readonly inFlight = new Set<Call>();
  private readonly window: WindowController | undefined;

  constructor(options: ApiConnectionOptions) {
    this.routerId = options.routerId;
    this.settings = options.settings;
    this.options = resolveTransportOptions(options);
    this.allowedHosts = options.allowedHosts;
    this.window = this.options.adaptiveWindow
      ? createWindowController({
          initial: this.options.initialInFlight,
          max: this.options.maxInFlight,
          // Keep the queue on the router well inside the call timeout.
          latencyLimitMs: this.options.callTimeoutMs / 3,
        })
      : undefined;
  }

  /** Commands that may be in flight now: the adaptive window, or the fixed `maxInFlight`. */
  private windowSize(): number {
    return this.window?.size() ?? this.options.maxInFlight;
  }

  command(words: readonly string[]): ResultAsync<readonly Sentence[], RouterError> {
    if (words.length === 0 || words.some((word) => typeof word !== 'string' || word === '')) {
      return errAsync(protocolError(this.routerId, 'refused to send a command with an empty word'));
    }
    const promise = new Promise<Result<readonly Sentence[], RouterError>>((resolve) => {
      const call: Call = {
        words: [...words],
        secrets: [this.settings.password, ...secretValues(words)],
        resolve,
        timer: undefined,
        settled: false,
        dispatched: false,
        ticket: undefined,
      };
      if (this.closed) {
        this.settle(call, err(connectionLost(this.routerId, 'the connection was closed')));
        return;
      }
      this.queue.push(call);
      this.pump();
    });
    return ResultAsync.fromSafePromise(promise).andThen((result) => result);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const failure = connectionLost(this.routerId, 'the connection was closed');
    for (const call of [...this.queue, ...this.inFlight]) this.settle(call, err(failure));
    if (this.api !== undefined) this.teardown(this.api);
    this.api = undefined;
  }

  private settle(call: Call, result: Result<readonly Sentence[], RouterError>): void {
    if (call.settled) return;
    call.settled = true;
    if (call.timer !== undefined) clearTimeout(call.timer);
    if (call.ticket !== undefined && this.window !== undefined && !this.closed)
      this.window.settled(call.ticket, windowOutcome(call, result), performance.now());
    this.inFlight.delete(call);
    const index = this.queue.indexOf(call);
    if (index >= 0) this.queue.splice(index, 1);
    call.resolve(result);
    if (!this.closed) this.pump();
  }

  private pump(): void {
    if (this.closed || this.queue.length === 0) return;
    if (this.api === undefined) {
      if (this.connecting !== undefined) return;
      this.connecting = this.connectWithRetry();
      void this.connecting.then((result) => {
        this.connecting = undefined;
        if (result.isErr()) {
          for (const call of [...this.queue]) this.settle(call, err(result.error));
          return;
        }
        this.pump();
      });
      return;
    }
    while (this.inFlight.size < this.windowSize() && this.queue.length > 0) {
      const call = this.queue.shift();
      if (call === undefined) break;
      this.dispatch(this.api, call);
    }
  }

  private dispatch(api: RouterOSAPI, call: Call): void {
    call.dispatched = true;
    this.inFlight.add(call);
    const command = call.words[0] ?? '';
    // The time limit runs from the moment the command is written: waiting for a slot is not the router's.
    call.timer = setTimeout(() => {
      this.settle(call, err(routerTimeout(this.routerId, command, this.options.callTimeoutMs)));
    }, this.options.callTimeoutMs);
    call.ticket = this.window?.sent(performance.now());
    let written: Promise<unknown>;
    try {
      written = api.write([...call.words]);
    } catch (error) {
      this.settle(call, err(protocolError(this.routerId, redact(messageOf(error), call.secrets))));
      return;
    }
    written.then(
      (rows) => {
        const list = Array.isArray(rows) ? rows : [];
        this.settle(call, ok(list.map(toSentence)));
      },
      (error: unknown) => {
        this.settle(call, err(routerTrap(this.routerId, command, redact(messageOf(error), call.secrets))));
      },
    );
  }

  private async connectWithRetry(): Promise<Result<void, RouterError>> {
    let last: RouterError = routerUnreachable(this.routerId, 'not connected');
    for (let attempt = 1; attempt <= this.options.connectAttempts; attempt += 1) {
      if (attempt > 1) {
        const delay = Math.min(this.options.backoffMs * 2 ** (attempt - 2), this.options.maxBackoffMs);
        await sleep(delay);
      }
      if (this.closed) return err(connectionLost(this.routerId, 'the connection was closed'));
      const result = await this.connectOnce();
      if (result.isOk()) {
        this.options.onEvent({ type: 'connected', routerId: this.routerId, attempt });
        return ok(undefined);
      }
      last = result.error;
      this.options.onEvent({
        type: 'connect-failed',
        routerId: this.routerId,
        attempt,
        message: last.message,
      });
      if (last.type === 'RouterAuthFailed') break;
    }
    return err(last);
  }

  private connectOnce(): Promise<Result<void, RouterError>> {
    const { host, user, password, tls } = this.settings;
    const port = this.settings.port ?? (tls === undefined ? 8728 : 8729);
    if (this.allowedHosts !== undefined && !this.allowedHosts.includes(host)) {
      return Promise.resolve(
        err(
          routerUnreachable(
            this.routerId,
            `refused to dial ${host}: not in the allowed hosts of this process`,
          ),
        ),
      );
    }
    const idleSeconds = (this.options.keepaliveMs * 2) / 1000;
    const api = new RouterOSAPI({
      host,
      port,
      user,
      password,
      timeout: idleSeconds,
      keepalive: true,
      ...(tls === undefined
        ? {}
        : {
            tls: {
              rejectUnauthorized: tls.allowSelfSigned !== true,
              ...(tls.ca === undefined ? {} : { ca: typeof tls.ca === 'string' ? tls.ca : [...tls.ca] }),
              ...(tls.servername === undefined ? {} : { servername: tls.servername }),
              ...(tls.ciphers === undefined ? {} : { ciphers: tls.ciphers }),
            },
          }),
    });
    // An 'error' listener is always attached: without one an idle timeout or socket error kills the process.
    api.on('error', (error: unknown) =>
      this.onLost(api, `connection error (${errnoOf(error) ?? 'unknown'})`),
    );
    api.on('close', () => this.onLost(api, 'connection closed by the router'));
    const connected = api.connect();
    const internals = api as unknown as ApiInternals;
    const connector = internals.connector;
    const socket = connector?.socket;
    // One socket.write per word + Nagle + delayed ACK costs ~40 ms per sequential command.
    socket?.setNoDelay(true);
    socket?.on('close', () => this.onLost(api, 'socket closed'));
    this.guardReceiver(api, connector);

    return new Promise((resolve) => {
      let done = false;
      const finish = (result: Result<void, RouterError>): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        if (result.isOk() && this.closed) {
          this.teardown(api);
          resolve(err(connectionLost(this.routerId, 'the connection was closed')));
          return;
        }
        if (result.isErr()) this.teardown(api);
        else this.api = api;
        resolve(result);
      };
      const timer = setTimeout(
        () => finish(err(routerTimeout(this.routerId, 'connect', this.options.connectTimeoutMs))),
        this.options.connectTimeoutMs,
      );
      connected.then(
        () => finish(ok(undefined)),
        (error: unknown) => finish(err(this.connectError(error, host, port))),
      );
    });
  }

  private connectError(error: unknown, host: string, port: number): RouterError {
    const code = errnoOf(error);
    if (code === 'CANTLOGIN') return routerAuthFailed(this.routerId);
    const message = redact(messageOf(error), [this.settings.password]);
    if (/invalid user name or password|cannot log in/.test(message)) return routerAuthFailed(this.routerId);
    if (code === 'SOCKTMOUT') return routerTimeout(this.routerId, 'connect', this.options.connectTimeoutMs);
    if (code !== undefined && NETWORK_CODES.has(code)) {
      return routerUnreachable(this.routerId, `cannot connect to ${host}:${port} (${code})`);
    }
    if (code !== undefined && /CERT|TLS|SSL|SIGNATURE|ISSUER/.test(code)) {
      return routerUnreachable(this.routerId, `TLS handshake with ${host}:${port} failed (${code})`);
    }
    if (typeof error === 'string')
      return routerUnreachable(this.routerId, `cannot connect to ${host}:${port} (${error})`);
    if (code !== undefined)
      return routerUnreachable(this.routerId, `cannot connect to ${host}:${port} (${code})`);
    return routerTrap(this.routerId, '/login', message);
  }

  /**
   * routeros-api throws UNREGISTEREDTAG / UNKNOWNREPLY from inside its socket `data` handler, which would be
   * an uncaught exception. The receiver's processing function is wrapped on this instance so that such a
   * reply becomes a `ProtocolError` for the calls in flight and the connection is rebuilt.
   */
  private guardReceiver(api: RouterOSAPI, connector: ConnectorInternals | undefined): void {
    const receiver = connector?.receiver;
    if (receiver === undefined) return;
    const original = receiver.processRawData.bind(receiver);
    receiver.processRawData = (data: Buffer): void => {
      try {
        original(data);
      } catch (error) {
        const code = errnoOf(error);
        const reason =
          code === 'UNREGISTEREDTAG'
            ? 'the router sent a reply with an unknown tag'
            : code === 'UNKNOWNREPLY'
              ? `the router sent an unknown reply word (${messageOf(error).slice(0, 60)})`
              : `the reply could not be parsed (${messageOf(error).slice(0, 60)})`;
        this.onProtocolFault(api, reason);
      }
    };
  }

  private onProtocolFault(api: RouterOSAPI, reason: string): void {
    this.options.onEvent({ type: 'protocol-error', routerId: this.routerId, message: reason });
    this.drop(api, protocolError(this.routerId, reason));
  }

  private onLost(api: RouterOSAPI, reason: string): void {
    this.drop(api, connectionLost(this.routerId, reason));
  }

  /** Fails every in-flight call of this api instance, tears it down; queued calls reconnect. */
  private drop(api: RouterOSAPI, error: RouterError): void {
    if (this.api !== api) {
      this.teardown(api);
      return;
    }
    this.api = undefined;
    const failed = [...this.inFlight];
    this.teardown(api);
    this.options.onEvent({
      type: 'disconnected',
      routerId: this.routerId,
      reason: error.message,
      failedCalls: failed.length,
    });
    for (const call of failed) this.settle(call, err(error));
    this.pump();
  }

  private teardown(api: RouterOSAPI): void {
    const internals = api as unknown as ApiInternals;
    internals.closing = true;
    if (internals.keptaliveby !== undefined) clearTimeout(internals.keptaliveby);
    if (internals.connectionHoldInterval !== undefined) clearTimeout(internals.connectionHoldInterval);
    const connector = internals.connector;
    if (connector !== undefined) {
      try {
        connector.destroy();
      } catch {
        // already destroyed
      }
      // A late socket error after destroy must not reach an EventEmitter without listeners.
      connector.on('error', () => undefined);
      connector.on('timeout', () => undefined);
      connector.on('close', () => undefined);
    }
  }
}

/** Opens (lazily, on the first command) a connection to one router over routeros-api. */
export function createApiConnection(options: ApiConnectionOptions): RouterConnection {
  return new ApiConnection(options);
}
