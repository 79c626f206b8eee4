/** B3: the @isp/routeros adapter's `reconcile` (bulk read, local diff, pipelined apply in an adaptive window). */
import type { AccessMethod, AccessPlanRates, DesiredAccess } from '@isp/contracts';
import {
  type ConnectionFactory,
  connectionLost,
  createApiConnection,
  createRouterOsAccessNetwork,
  type RouterConnection,
  type RouterOsAccessNetwork,
  type RunCounters,
} from '@isp/routeros';
import { errAsync } from 'neverthrow';
import { CUSTOMER_NETWORKS, ROUTER_ID } from './fixtures.js';
import type { RawTarget } from './raw-client.js';

export interface OursOptions {
  readonly target: RawTarget;
  /**
   * A fixed window (`transport.maxInFlight` with `adaptiveWindow: false`); undefined = the adapter's defaults
   * (adaptive window, default timeouts).
   */
  readonly window?: number;
  /** Simulated crash: after this many writes the connection is cut and nothing more reaches the router. */
  readonly crashAfterWrites?: number;
}

export interface OursResult {
  readonly writes: number;
  readonly crashed: boolean;
  readonly counters: RunCounters | undefined;
  readonly failedOutcomes: number;
  readonly infrastructureErrors: number;
  readonly error?: string;
}

const WRITE = /\/(add|set|remove)$/;

/** A connection that "crashes the process" after N writes: later commands never reach the router. */
function crashingFactory(limit: number, state: { crashed: boolean }): ConnectionFactory {
  return (routerId, settings, transport) => {
    const inner = createApiConnection({ ...transport, routerId, settings, allowedHosts: ['127.0.0.1'] });
    let writes = 0;
    const connection: RouterConnection = {
      routerId,
      close: () => inner.close(),
      command(words) {
        if (state.crashed) return errAsync(connectionLost(routerId, 'process crashed (simulated)'));
        if (WRITE.test(words[0] ?? '')) {
          if (writes >= limit) {
            state.crashed = true;
            void inner.close();
            return errAsync(connectionLost(routerId, 'process crashed (simulated)'));
          }
          writes++;
        }
        return inner.command(words);
      },
    };
    return connection;
  };
}

function adapter(options: OursOptions, connect?: ConnectionFactory): RouterOsAccessNetwork {
  const created = createRouterOsAccessNetwork({
    routers: {
      [ROUTER_ID]: {
        connection: {
          host: options.target.host,
          port: options.target.port,
          user: options.target.user,
          password: options.target.password,
        },
      },
    },
    customerNetworks: CUSTOMER_NETWORKS,
    allowedHosts: ['127.0.0.1'],
    ...(options.window === undefined
      ? {}
      : { transport: { maxInFlight: options.window, adaptiveWindow: false } }),
    ...(connect === undefined ? {} : { connect }),
  });
  if (created.isErr()) throw new Error(`adapter options refused: ${created.error.message}`);
  return created.value;
}

/** One `reconcile` of the whole router with a fresh adapter (as a fresh process would). */
export async function runOurs(options: OursOptions, desired: readonly DesiredAccess[]): Promise<OursResult> {
  const state = { crashed: false };
  const network = adapter(
    options,
    options.crashAfterWrites === undefined ? undefined : crashingFactory(options.crashAfterWrites, state),
  );
  try {
    const result = await network.reconcile(ROUTER_ID, desired);
    if (result.isErr()) {
      return {
        writes: 0,
        crashed: state.crashed,
        counters: undefined,
        failedOutcomes: 0,
        infrastructureErrors: 0,
        error: `${result.error.type}: ${result.error.message}`,
      };
    }
    const report = result.value;
    return {
      // Writes that reached the router: the adapter counts every write it issued.
      writes: report.counters.writesIssued,
      crashed: state.crashed,
      counters: report.counters,
      failedOutcomes: report.outcomes.filter((o) => o.outcome === 'failed').length,
      infrastructureErrors: report.infrastructureErrors.length,
    };
  } finally {
    await network.close();
  }
}

/** Puts the per-plan infrastructure on the router (used to prepare starting states). */
export async function ensureInfrastructure(
  target: RawTarget,
  usages: readonly { plan: AccessPlanRates; methods: readonly AccessMethod[] }[],
): Promise<void> {
  const network = adapter({ target });
  try {
    const result = await network.ensureInfrastructure(ROUTER_ID, usages);
    if (result.isErr()) throw new Error(`ensureInfrastructure failed: ${result.error.message}`);
    if (result.value.infrastructureErrors.length > 0)
      throw new Error(`ensureInfrastructure: ${JSON.stringify(result.value.infrastructureErrors[0])}`);
  } finally {
    await network.close();
  }
}
