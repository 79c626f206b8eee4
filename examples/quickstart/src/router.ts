import { randomBytes } from 'node:crypto';
import type { ConnectionSettings, RouterOsAccessNetwork } from '@isp/routeros';
import { createRouterOsAccessNetwork } from '@isp/routeros';
import { type Emulator, startEmulator } from '@isp/routeros-emulator';
import { CUSTOMER_NETWORKS, ROUTER_ID } from './config';

/** Where the demo's router is: the emulator started in this process, or a real router from the environment. */
export interface RouterTarget {
  readonly routerId: string;
  readonly network: RouterOsAccessNetwork;
  /** The in-process emulator (absent for a real router). */
  readonly emulator?: Emulator;
  /** Where it is, without the password. */
  readonly description: string;
  close(): Promise<void>;
}

export interface RealRouterSettings {
  readonly url: string;
  readonly user: string;
  readonly password: string;
}

/** Reads `ROUTEROS_URL`, `ROUTEROS_USER`, `ROUTEROS_PASSWORD`. Without a URL the demo uses the emulator. */
export function realRouterFromEnv(env: NodeJS.ProcessEnv): RealRouterSettings | undefined | Error {
  const url = env['ROUTEROS_URL'];
  if (url === undefined || url === '') return undefined;
  const user = env['ROUTEROS_USER'];
  const password = env['ROUTEROS_PASSWORD'];
  if (user === undefined || user === '' || password === undefined) {
    return new Error('ROUTEROS_URL is set: set ROUTEROS_USER and ROUTEROS_PASSWORD too');
  }
  return { url, user, password };
}

/**
 * Parses `api://host:8728`, `api-ssl://host:8729` or `host[:port]` into connection settings. API-SSL accepts
 * the router's self-signed certificate only when `allowSelfSigned` is true.
 */
export function parseRouterUrl(
  settings: RealRouterSettings,
  allowSelfSigned: boolean,
): ConnectionSettings | Error {
  const raw = settings.url.includes('://') ? settings.url : `api://${settings.url}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return new Error('ROUTEROS_URL must look like api://192.0.2.1:8728 or api-ssl://192.0.2.1:8729');
  }
  if (url.protocol !== 'api:' && url.protocol !== 'api-ssl:') {
    return new Error('ROUTEROS_URL must use api:// or api-ssl://');
  }
  const tls = url.protocol === 'api-ssl:';
  const port = url.port === '' ? (tls ? 8729 : 8728) : Number(url.port);
  return {
    host: url.hostname,
    port,
    user: settings.user,
    password: settings.password,
    ...(tls ? { tls: { allowSelfSigned } } : {}),
  };
}

/**
 * Opens the router the demo works on. By default a RouterOS emulator is started in this process on
 * 127.0.0.1 and the real adapter talks to it over the API, exactly as it would to a router; the adapter may
 * dial nothing but 127.0.0.1. With `real`, the adapter dials that router only.
 */
export async function openRouter(real?: ConnectionSettings): Promise<RouterTarget> {
  let emulator: Emulator | undefined;
  let connection: ConnectionSettings;
  if (real === undefined) {
    const password = randomPassword();
    emulator = await startEmulator({ host: '127.0.0.1', rosVersion: '7.18', user: 'api', password });
    connection = { host: emulator.host, port: emulator.port, user: 'api', password };
  } else {
    connection = real;
  }
  const created = createRouterOsAccessNetwork({
    routers: { [ROUTER_ID]: { connection } },
    customerNetworks: CUSTOMER_NETWORKS,
    allowedHosts: [connection.host],
    suspensionList: 'morosos',
    transport: { callTimeoutMs: 5000, connectTimeoutMs: 5000, connectAttempts: 2, backoffMs: 50 },
  });
  if (created.isErr()) {
    await emulator?.close();
    throw new Error(`invalid adapter options: ${created.error.field}: ${created.error.message}`);
  }
  const network = created.value;
  const where = `${connection.host}:${connection.port ?? 8728}`;
  return {
    routerId: ROUTER_ID,
    network,
    ...(emulator === undefined ? {} : { emulator }),
    description:
      emulator === undefined
        ? `RouterOS at ${where} (user ${connection.user})`
        : `RouterOS ${emulator.rosVersion} emulator in this process at ${where}`,
    async close() {
      await network.close();
      await emulator?.close();
    },
  };
}

/** The emulator gets a fresh random API password each run; it is never printed. */
function randomPassword(): string {
  return `emu-${randomBytes(12).toString('base64url')}`;
}
