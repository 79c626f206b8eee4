import { type Emulator, type EmulatorOptions, startEmulator } from '@isp/routeros-emulator';
import type { RouterOsAccessNetworkOptions } from '../adapter/options.js';
import {
  createRouterOsAccessNetwork,
  type RouterOsAccessNetwork,
} from '../adapter/routeros-access-network.js';
import type { TransportOptions } from '../transport/connection-settings.js';

/** Hosts the emulator-backed test adapters may dial. */
export const LOOPBACK_ONLY: readonly string[] = ['127.0.0.1'];

/** Short timeouts for tests: faults surface in milliseconds, not seconds. */
export const TEST_TRANSPORT: TransportOptions = {
  callTimeoutMs: 1500,
  connectTimeoutMs: 1500,
  keepaliveMs: 2000,
  connectAttempts: 3,
  backoffMs: 10,
  maxBackoffMs: 100,
};

export interface EmulatorNetworkOptions
  extends Partial<Omit<RouterOsAccessNetworkOptions, 'routers' | 'allowedHosts' | 'connect'>> {
  /** Router id the adapter knows the emulator by; default `router-1`. */
  readonly routerId?: string;
  /** An emulator already running (reused, not closed by `close()`); otherwise one is started. */
  readonly emulator?: Emulator;
  /** Options of the emulator started when none is given (e.g. `rosVersion: '6.49'`). */
  readonly emulatorOptions?: EmulatorOptions;
}

export interface EmulatorNetwork {
  readonly emulator: Emulator;
  readonly network: RouterOsAccessNetwork;
  readonly routerId: string;
  /** Closes the adapter's connections, and the emulator when `startEmulatorAccessNetwork` started it. */
  close(): Promise<void>;
}

/**
 * Starts (or reuses) a loopback RouterOS emulator and an adapter that knows it as `routerId`, customer
 * networks `10.0.0.0/16` by default and test timeouts. The adapter may only dial 127.0.0.1.
 */
export async function startEmulatorAccessNetwork(
  options: EmulatorNetworkOptions = {},
): Promise<EmulatorNetwork> {
  const owned = options.emulator === undefined;
  const emulator =
    options.emulator ?? (await startEmulator({ host: '127.0.0.1', ...options.emulatorOptions }));
  if (!LOOPBACK_ONLY.includes(emulator.host)) {
    if (owned) await emulator.close();
    throw new Error(`test emulator must listen on 127.0.0.1, not ${emulator.host}`);
  }
  const routerId = options.routerId ?? 'router-1';
  const { routerId: _id, emulator: _emulator, emulatorOptions: _eo, ...rest } = options;
  const created = createRouterOsAccessNetwork({
    customerNetworks: ['10.0.0.0/16'],
    ...rest,
    transport: { ...TEST_TRANSPORT, ...options.transport },
    allowedHosts: LOOPBACK_ONLY,
    routers: {
      [routerId]: {
        connection: {
          host: emulator.host,
          port: emulator.port,
          user: options.emulatorOptions?.user ?? 'admin',
          password: options.emulatorOptions?.password ?? '',
          ...(emulator.tls ? { tls: { allowSelfSigned: true } } : {}),
        },
      },
    },
  });
  if (created.isErr()) {
    if (owned) await emulator.close();
    throw new Error(`invalid adapter options: ${created.error.field}: ${created.error.message}`);
  }
  const network = created.value;
  return {
    emulator,
    network,
    routerId,
    async close() {
      await network.close();
      if (owned) await emulator.close();
    },
  };
}
