// The adapter wired to an emulator through a corrupting proxy, with every text it produces captured (events,
// progress, reports, errors, rendered plans, console output) so that suites can look for leaked secrets.
import { type Emulator, startEmulator } from '@isp/routeros-emulator';
import {
  createRouterOsAccessNetwork,
  type RouterOsAccessNetwork,
  type RouterOsAccessNetworkOptions,
} from '../../src/index';
import { LOOPBACK_ONLY } from '../../src/testing/index';
import { type CorruptingProxy, startCorruptingProxy } from './corrupting-proxy';

export const ROUTER_ID = 'pop-hostile';
export const CALL_TIMEOUT_MS = 400;
/** Distinctive secrets: none of them may appear in any text the adapter produces. */
export const ROUTER_PASSWORD = `S3cr3t-router-${process.pid}-x9`;

export interface HostileEnv {
  readonly emulator: Emulator;
  readonly proxy: CorruptingProxy;
  readonly network: RouterOsAccessNetwork;
  /** Every text produced so far: events, progress, console output. Reports are added by the suites. */
  readonly texts: string[];
  close(): Promise<void>;
}

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

export async function startHostileEnv(
  options: Partial<RouterOsAccessNetworkOptions> = {},
): Promise<HostileEnv> {
  const emulator = await startEmulator({ host: '127.0.0.1', user: 'isp-api', password: ROUTER_PASSWORD });
  const proxy = await startCorruptingProxy(emulator.port);
  const texts: string[] = [];
  const record = (value: unknown): void => {
    texts.push(typeof value === 'string' ? value : safeJson(value));
  };
  const saved = CONSOLE_METHODS.map((m) => [m, console[m]] as const);
  for (const m of CONSOLE_METHODS)
    console[m] = (...args: unknown[]) => {
      for (const a of args) record(a instanceof Error ? `${a.name}: ${a.message}\n${a.stack ?? ''}` : a);
    };
  const created = createRouterOsAccessNetwork({
    customerNetworks: ['10.0.0.0/16'],
    allowedHosts: LOOPBACK_ONLY,
    routers: {
      [ROUTER_ID]: {
        connection: { host: '127.0.0.1', port: proxy.port, user: 'isp-api', password: ROUTER_PASSWORD },
      },
    },
    transport: {
      callTimeoutMs: CALL_TIMEOUT_MS,
      connectTimeoutMs: CALL_TIMEOUT_MS,
      connectAttempts: 2,
      backoffMs: 5,
      maxBackoffMs: 20,
      keepaliveMs: 2000,
      onEvent: record,
    },
    onProgress: record,
    ...options,
  });
  if (created.isErr()) throw new Error(`adapter options: ${created.error.message}`);
  const network = created.value;
  return {
    emulator,
    proxy,
    network,
    texts,
    async close() {
      await network.close();
      await proxy.close();
      await emulator.close();
      for (const [m, f] of saved) console[m] = f;
    },
  };
}

export function safeJson(value: unknown): string {
  try {
    return (
      JSON.stringify(value, (_k, v) =>
        v instanceof Map
          ? Object.fromEntries(v)
          : v instanceof Set
            ? [...v]
            : v instanceof Error
              ? `${v.name}: ${v.message}`
              : v,
      ) ?? String(value)
    );
  } catch {
    return String(value);
  }
}
