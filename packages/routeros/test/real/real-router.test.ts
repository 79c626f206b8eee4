import type { AccessMethod } from '@isp/contracts';
import { describe, expect, it } from 'vitest';
import { createRouterOsAccessNetwork } from '../../src/adapter/routeros-access-network.js';
import { desiredAccessFor, SAMPLE_PLANS } from '../../src/testing/index.js';

/**
 * Runs against a real RouterOS (a CHR is ideal) only when ROUTEROS_URL (e.g. `api://192.0.2.1:8728` or
 * `api-ssl://router.example:8729`), ROUTEROS_USER and ROUTEROS_PASSWORD are set. It creates and then removes
 * entries marked `isp-realtest:` only, in 10.254.0.0/16 (override with ROUTEROS_CUSTOMER_NETWORK).
 */
const url = process.env['ROUTEROS_URL'];
const user = process.env['ROUTEROS_USER'];
const password = process.env['ROUTEROS_PASSWORD'];
const configured = url !== undefined && user !== undefined && password !== undefined;
const SKIP_MESSAGE =
  'real-router suite skipped: set ROUTEROS_URL, ROUTEROS_USER and ROUTEROS_PASSWORD to run it against a RouterOS device';

if (!configured) console.info(SKIP_MESSAGE);

describe.skipIf(!configured)('real RouterOS router (ROUTEROS_URL)', () => {
  const parsed = new URL(url ?? 'api://127.0.0.1');
  const tls = parsed.protocol === 'api-ssl:';
  const network = process.env['ROUTEROS_CUSTOMER_NETWORK'] ?? '10.254.0.0/16';
  const [a, b] = network.split('.');
  const created = createRouterOsAccessNetwork({
    prefix: 'isp-realtest',
    customerNetworks: [network],
    manageInfrastructure: true,
    transport: { callTimeoutMs: 10_000, connectTimeoutMs: 10_000 },
    routers: {
      real: {
        connection: {
          host: parsed.hostname,
          ...(parsed.port === '' ? {} : { port: Number(parsed.port) }),
          user: user ?? '',
          password: password ?? '',
          ...(tls ? { tls: { allowSelfSigned: process.env['ROUTEROS_TLS_SELF_SIGNED'] === '1' } } : {}),
        },
      },
    },
  });

  const methods: AccessMethod[] = ['simple-queue', 'pcq-address-list', 'pppoe', 'hotspot'];
  const desired = methods.map((m, n) =>
    desiredAccessFor(n, m, 'active', SAMPLE_PLANS[0] as (typeof SAMPLE_PLANS)[number], {
      routerId: 'real',
      network: `${a}.${b}`,
      idPrefix: 'realtest-',
    }),
  );

  it('provisions, suspends, reconciles idempotently and cleans up', async () => {
    const adapter = created._unsafeUnwrap();
    try {
      const first = (await adapter.reconcile('real', desired))._unsafeUnwrap();
      expect(first.outcomes.filter((o) => o.outcome === 'failed')).toEqual([]);
      const again = (await adapter.reconcile('real', desired))._unsafeUnwrap();
      expect(again.plan.changes).toEqual([]);
      const suspended = desired.map((d) => ({ ...d, state: 'suspended' as const }));
      const cut = (await adapter.sync('real', suspended))._unsafeUnwrap();
      expect(cut.outcomes.every((o) => o.outcome === 'updated')).toBe(true);
    } finally {
      const cleaned = await adapter.reconcile('real', []);
      expect(cleaned.isOk()).toBe(true);
      await adapter.close();
    }
  }, 120_000);
});

describe('real-router suite gate', () => {
  it('runs only with credentials, and says so otherwise', () => {
    expect(configured || SKIP_MESSAGE.includes('ROUTEROS_URL')).toBe(true);
  });
});
