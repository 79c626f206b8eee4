import { RouterOSAPI } from 'routeros-api';
import type { Emulator } from '../../src/index';

/** Connects the real routeros-api client with its quirks handled: explicit port, keepalive, 'error' listener. */
export async function connectRos(
  emulator: Emulator,
  options: { user?: string; password?: string; timeout?: number; noDelay?: boolean } = {},
): Promise<RouterOSAPI> {
  const api = new RouterOSAPI({
    host: '127.0.0.1',
    port: emulator.port,
    user: options.user ?? 'admin',
    password: options.password ?? '',
    timeout: options.timeout ?? 10,
    keepalive: true,
    ...(emulator.tls ? { tls: { rejectUnauthorized: false } } : {}),
  });
  api.on('error', () => undefined);
  await api.connect();
  if (options.noDelay !== false) {
    // The client writes one word per socket.write and never disables Nagle (pitfall C1): reach its socket.
    const internals = api as unknown as { connector?: { socket?: { setNoDelay(on: boolean): void } } };
    internals.connector?.socket?.setNoDelay(true);
  }
  return api;
}

/** Resolves with the trap message of a write that must fail. */
export async function trapOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected a trap, the command succeeded');
}

export async function closeRos(api: RouterOSAPI): Promise<void> {
  try {
    await api.close();
  } catch {
    // already closed
  }
}
