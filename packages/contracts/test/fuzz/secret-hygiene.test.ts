// Secret hygiene: portal passwords and PPPoE / Hotspot passwords never appear in an error, a rendered plan,
// a notice, a run's outcomes, a sync report or console output — for valid and invalid inputs alike.
// (Contracts and desired access carry account passwords as data, because the router needs them; those
// values are not texts a person reads, so they are not searched.)
import { fc, test } from '@fast-check/vitest';
import { afterEach, beforeEach, describe, expect } from 'vitest';
import {
  type AccessMethod,
  applyRun,
  cancelContract,
  createContract,
  createCustomer,
  createPlanCatalog,
  hashPortalPassword,
  planRun,
  reactivateContract,
  renderAccessPlan,
  setPortalPassword,
  validateDesiredAccess,
  verifyPortalPassword,
} from '../../src/index';
import {
  createFixedHolidayCalendar,
  createInMemoryAccessNetwork,
  createRecordingNotifier,
  validCustomer,
  validPlan,
} from '../../src/testing/index';
import { safeText } from './text';

const FAST = { parameters: { N: 16, r: 1, p: 1 } };
const secret = (): fc.Arbitrary<string> => fc.stringMatching(/^[A-Za-z0-9]{6,12}$/).map((s) => `S3cr3t-${s}`);

let texts: string[] = [];
const saved = { ...console };
beforeEach(() => {
  texts = [];
  for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const)
    console[m] = (...args: unknown[]) => {
      texts.push(...args.map(safeText));
    };
});
afterEach(() => {
  Object.assign(console, saved);
});

function expectNoSecret(found: readonly string[], secrets: readonly string[]): void {
  expect(found.length).toBeGreaterThan(0);
  for (const text of found)
    for (const s of secrets) expect(text.includes(s), `${s} leaked into ${text.slice(0, 160)}`).toBe(false);
}

describe('portal passwords', () => {
  test.prop([validCustomer(), secret(), fc.constantFrom('', 'short', 'x'.repeat(300), 42, null)], {
    numRuns: 40,
  })('customers, hashes and every password error are free of the password', (input, password, badOptions) => {
    const out: unknown[] = [];
    out.push(createCustomer({ ...input, portal: { username: 'maria', password } }, FAST));
    out.push(createCustomer({ ...input, portal: { username: 'bad user\u0000', password } }, FAST));
    out.push(
      createCustomer({ ...input, taxId: 'not-a-tax-id', portal: { username: 'maria', password } }, FAST),
    );
    out.push(
      createCustomer(
        { ...input, portal: { username: 'maria', password } },
        { parameters: { N: 3, r: 1, p: 1 } },
      ),
    );
    out.push(createCustomer({ ...input, portal: { username: 'maria', password: badOptions } }, FAST));
    const hash = hashPortalPassword(password, FAST);
    out.push(hash);
    out.push(hashPortalPassword(password, { salt: 'salt' as never }));
    out.push(verifyPortalPassword(password, 'scrypt$16$1$1$broken'));
    out.push(verifyPortalPassword(password, `${hash._unsafeUnwrap()}x`));
    const customer = createCustomer(input, FAST)._unsafeUnwrap();
    out.push(setPortalPassword(customer, 'maria', password, FAST));
    out.push(setPortalPassword(customer, '', password, FAST));
    expectNoSecret([...out.map(safeText), ...texts], [password]);
  });
});

const calendar = createFixedHolidayCalendar([]);

describe('account passwords', () => {
  test.prop(
    [
      validPlan('p1'),
      fc.constantFrom<AccessMethod>('pppoe', 'hotspot'),
      secret(),
      fc.integer({ min: 0, max: 90 }),
    ],
    { numRuns: 25 },
  )(
    'errors, rendered plans, notices, outcomes and sync reports are free of subscriber passwords',
    async (plan, method, password, late) => {
      const plans = createPlanCatalog([plan])._unsafeUnwrap();
      const account = { id: 'acc-1', routerId: 'r1', method, username: 'alice', password, ipv4: '10.0.1.10' };
      const input = {
        id: 'c1',
        customerId: 'cust-1',
        layoutId: 'default',
        startDate: '2026-01-05',
        installationAddress: {
          street: 'Rua A',
          number: '1',
          city: 'Campinas',
          state: 'SP',
          postalCode: '13010-000',
          country: 'BR',
        },
        items: [{ id: 'net', kind: 'internet', description: 'Internet', planId: 'p1', account }],
        invoiceSettings: {
          closingDay: 1,
          dueDay: 10,
          ladder: {
            noticeAfterDays: 1,
            throttleAfterDays: 3,
            suspendAfterDays: 10,
            cancelAfterDays: 30,
            suspendExceptWeekdays: [],
          },
        },
      };
      const found: unknown[] = [];
      // Invalid contracts whose errors sit next to the password.
      for (const bad of [
        { ...account, ipv4: '2001:db8::1' },
        { ...account, username: '' },
        { ...account, method: 'carrier-pigeon' },
        { ...account, macAddress: 'zz' },
        { ...account, password: `${password}\u0000` },
      ])
        found.push(createContract({ ...input, items: [{ ...input.items[0], account: bad }] }, plans));
      const contract = createContract(input, plans)._unsafeUnwrap();
      // Desired access refused by the port's validation.
      found.push(
        validateDesiredAccess(
          {
            subscriberId: 'acc-1',
            routerId: 'r1',
            method,
            state: 'active',
            ipv4: '192.168.9.9',
            plan: { planId: 'p1', rate: plan['rate'], throttledRate: plan['throttledRate'] },
            credentials: { username: 'alice', password },
          },
          { customerNetworks: ['10.0.0.0/16'] },
        ),
      );
      // Tonight's run over an in-memory network: rendered plans, notices and outcomes.
      const date = `2026-0${2 + Math.floor(late / 30)}-${String(10 + (late % 18)).padStart(2, '0')}`;
      const run = planRun({ date, contracts: [contract], invoicesOf: () => [], plans, calendar });
      found.push(run.isErr() ? run.error : run.value.notices);
      const network = createInMemoryAccessNetwork({ routers: [{ routerId: 'r1' }] });
      const notifier = createRecordingNotifier();
      if (run.isOk()) {
        const report = (await applyRun(run.value, { network, notifier }))._unsafeUnwrap();
        found.push(report.outcomes, notifier.sent);
      }
      const desired = [
        {
          subscriberId: 'acc-1',
          routerId: 'r1',
          method,
          state: 'active' as const,
          ipv4: '10.0.1.10',
          plan: { planId: 'p1', rate: plan['rate'] as never, throttledRate: plan['throttledRate'] as never },
          credentials: { username: 'alice', password },
        },
      ];
      const dry = await network.reconcile('r1', desired, { dryRun: true });
      found.push(dry, dry.isOk() ? renderAccessPlan(dry.value.plan) : dry.error);
      const synced = await network.sync('r1', desired);
      found.push(synced, synced.isOk() ? renderAccessPlan(synced.value.plan) : synced.error);
      // Cancellation and reactivation results: warnings, IP changes and errors.
      const cancelled = cancelContract(contract, [], {
        date: '2026-03-01',
        reason: 'moved',
        network: 'release-ip',
        taken: new Set<string>(),
        plans,
      });
      found.push(cancelled.isOk() ? [cancelled.value.warnings, cancelled.value.ipChanges] : cancelled.error);
      if (cancelled.isOk()) {
        const back = reactivateContract(cancelled.value.contract, [], {
          date: '2026-03-05',
          pools: ['10.0.0.0/16'],
          taken: new Set<string>(),
          plans,
        });
        found.push(back.isOk() ? back.value.ipChanges : back.error);
      }
      found.push(
        reactivateContract(contract, [], {
          date: '2026-03-05',
          pools: 'garbage',
          taken: new Set<string>(),
          plans,
        }),
      );
      expectNoSecret([...found.map(safeText), ...texts], [password]);
    },
  );
});
