/**
 * The baselines' client: routeros-api 1.0.2 with raw `write()` only (no menu helpers, which coerce values),
 * and `setNoDelay(true)` on its socket — without it every sequential command waits ~40 ms for the peer's
 * delayed ACK (Nagle), and the baselines would measure that instead of their own round trips.
 */
import type { Socket } from 'node:net';
import { RouterOSAPI } from 'routeros-api';

export type Row = Readonly<Record<string, string>>;

export interface RawTarget {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
}

/** A failed command: the router's trap message. */
export class TrapError extends Error {
  override readonly name = 'TrapError';
}

interface Internals {
  connector?: { socket?: Socket };
}

function toRow(item: unknown): Row {
  const out: Record<string, string> = {};
  if (typeof item !== 'object' || item === null) return out;
  for (const [key, value] of Object.entries(item))
    out[key] = typeof value === 'string' ? value : String(value);
  return out;
}

export class RawClient {
  private aborted = false;
  private constructor(private readonly api: RouterOSAPI) {}

  /** Opens a TCP connection and logs in (two steps the router charges separately). */
  static async connect(target: RawTarget): Promise<RawClient> {
    const api = new RouterOSAPI({
      host: target.host,
      port: target.port,
      user: target.user,
      password: target.password,
      timeout: 60,
      keepalive: true,
    });
    api.on('error', () => undefined);
    const connecting = api.connect();
    // The socket exists once connect() has been called; turn Nagle off before the login is sent.
    (api as unknown as Internals).connector?.socket?.setNoDelay(true);
    await connecting;
    (api as unknown as Internals).connector?.socket?.setNoDelay(true);
    return new RawClient(api);
  }

  async command(words: readonly string[]): Promise<Row[]> {
    try {
      const rows = (await this.api.write([...words])) as unknown[];
      return rows.map(toRow);
    } catch (error) {
      throw new TrapError(error instanceof Error ? error.message : String(error));
    }
  }

  async close(): Promise<void> {
    if (this.aborted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, 5_000);
    });
    try {
      await Promise.race([this.api.close().catch(() => undefined), limit]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Drops the socket without a goodbye: what a crashed process leaves behind. */
  abort(): void {
    this.aborted = true;
    (this.api as unknown as Internals).connector?.socket?.destroy();
  }
}
