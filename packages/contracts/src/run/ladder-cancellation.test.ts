import type { Invoice } from '@isp/billing';
import { describe, expect, it } from 'vitest';
import { billingInvoice, brHolidays2026, numberedContract, plans } from '../../test/fixtures';
import { cancelContract } from '../cancellation/cancel-contract';
import { desiredAccessOf } from '../desired-state/desired-access';
import { applyLadder } from '../ladder/apply-ladder';
import { evaluateLadder } from '../ladder/evaluate-ladder';
import { transitionContract } from '../lifecycle/transition-contract';
import { createInMemoryAccessNetwork } from '../testing/in-memory-access-network';
import { createRecordingNotifier } from '../testing/recording-notifier';
import { applyRun } from './apply-run';
import { planRun } from './plan-run';

const calendar = brHolidays2026;
const june = (contractId: string): Invoice => ({
  ...billingInvoice(
    `inv-${contractId}`,
    '2026-06',
    [{ description: 'Internet', amount: '99.90' }],
    contractId,
  ),
  currency: 'BRL',
});
// Due 2026-06-10, unpaid: on 2026-06-22 the WebMikrotik ladder suspends and cancels.
const date = '2026-06-22';
const releaseAndCancel = { network: 'release-ip', cancelPendingInvoices: true } as const;

describe("the ladder's cancellation policy (W3–W7 in the nightly run)", () => {
  it('keeps the IP and suspends by default, as before', () => {
    const c1 = numberedContract(1);
    const plan = planRun({
      date,
      contracts: [c1],
      invoicesOf: () => [june('c1')],
      plans,
      calendar,
    })._unsafeUnwrap();
    const item = plan.items[0]!;
    expect(item.next.cancellation).toMatchObject({
      network: 'keep-ip-and-suspend',
      accessBefore: 'suspended',
    });
    expect(item.desired.map((d) => [d.state, d.ipv4])).toEqual([['suspended', '10.0.1.1']]);
    expect([item.ipChanges, plan.ipChanges, plan.cancelledInvoices]).toEqual([[], [], []]);
  });

  it('release-ip: the forecast shows the new IP, the router plan removes the account, pending invoices are cancelled', () => {
    const c1 = numberedContract(1);
    const plan = planRun({
      date,
      contracts: [c1],
      invoicesOf: () => [june('c1')],
      plans,
      calendar,
      cancellation: releaseAndCancel,
      taken: new Set(['10.0.1.1']),
    })._unsafeUnwrap();
    const item = plan.items[0]!;
    expect(item.transition?.steps).toEqual([
      { from: 'active', to: 'suspended' },
      { from: 'suspended', to: 'cancelled' },
    ]);
    expect(plan.ipChanges).toEqual([
      { contractId: 'c1', accountId: 'acc-1', from: '10.0.1.1', to: '127.0.1.1', rule: 'wisphub-10' },
    ]);
    expect(item.ipChanges).toEqual([
      { accountId: 'acc-1', from: '10.0.1.1', to: '127.0.1.1', rule: 'wisphub-10' },
    ]);
    const account = item.next.items[0]?.kind === 'internet' ? item.next.items[0].account : undefined;
    expect(account).toMatchObject({ ipv4: '127.0.1.1', previousIpv4: '10.0.1.1' });
    expect(plan.network.get('r1')).toEqual([
      expect.objectContaining({ subscriberId: 'acc-1', state: 'absent' }),
    ]);
    expect(plan.network.get('r1')?.[0]).not.toHaveProperty('ipv4');
    expect(item.cancelledInvoiceIds).toEqual(['inv-c1']);
    expect(plan.cancelledInvoices.map((i) => [i.id, i.status])).toEqual([['inv-c1', 'cancelled']]);
    expect(item.next.history.slice(-4).map((h) => h.event)).toEqual([
      'status-changed',
      'status-changed',
      'ip-changed',
      'invoices-cancelled',
    ]);
  });

  it('takes the same path as cancelContract (same contract, same invoices)', () => {
    const c1 = numberedContract(1);
    const plan = planRun({
      date,
      contracts: [c1],
      invoicesOf: () => [june('c1')],
      plans,
      calendar,
      cancellation: releaseAndCancel,
      taken: new Set<string>(),
    })._unsafeUnwrap();
    const item = plan.items[0]!;
    const suspended = transitionContract(c1, 'suspended', {
      date,
      reason: item.evaluation.reason,
    })._unsafeUnwrap();
    const byHand = cancelContract(suspended, [june('c1')], {
      date,
      reason: item.evaluation.reason,
      network: 'release-ip',
      cancelPendingInvoices: true,
      taken: new Set<string>(),
      plans,
    })._unsafeUnwrap();
    const withoutRefs = (c: typeof c1) => ({ ...c, history: c.history.map(({ refs: _, ...h }) => h) });
    expect(withoutRefs(item.next)).toEqual(withoutRefs(byHand.contract));
    expect(item.invoices).toEqual(byHand.invoices);
    expect(item.desired).toEqual(byHand.desired);
  });

  it('release-ip without a taken set is a typed error; a bad policy too', () => {
    const base = { date, contracts: [], invoicesOf: () => [], plans, calendar };
    expect(planRun({ ...base, cancellation: { network: 'release-ip' } })._unsafeUnwrapErr()).toMatchObject({
      type: 'InvalidInput',
      field: 'taken',
    });
    expect(planRun({ ...base, cancellation: { network: 'drop' } as never })._unsafeUnwrapErr()).toMatchObject(
      { type: 'InvalidInput', field: 'cancellation.network' },
    );
    expect(
      planRun({ ...base, cancellation: { cancelPendingInvoices: 'yes' } as never })._unsafeUnwrapErr(),
    ).toMatchObject({ type: 'InvalidInput', field: 'cancellation.cancelPendingInvoices' });
  });

  it('no free release IP: the cancellation is a failure of the run and the service is suspended meanwhile', () => {
    const c1 = numberedContract(1);
    const plan = planRun({
      date,
      contracts: [c1],
      invoicesOf: () => [june('c1')],
      plans,
      calendar,
      cancellation: releaseAndCancel,
      taken: new Set(['127.0.1.1', '100.64.1.1']),
    })._unsafeUnwrap();
    expect(plan.failures).toEqual([
      { contractId: 'c1', error: expect.objectContaining({ type: 'ManualIpRequired' }) },
    ]);
    expect(plan.suspensions).toEqual(['c1']);
    expect(plan.cancellations).toEqual([]);
    expect(plan.items[0]?.next.status).toBe('suspended');
    expect(plan.notices.map((n) => n.kind)).toEqual(['overdue-notice', 'suspended']);
  });

  it('applyRun removes the released account from the router and returns the cancelled invoices to persist', async () => {
    const c1 = numberedContract(1);
    const network = createInMemoryAccessNetwork({
      routers: [{ routerId: 'r1', customerNetworks: ['10.0.0.0/16'] }],
    });
    await network.sync('r1', desiredAccessOf(c1, plans)._unsafeUnwrap());
    const plan = planRun({
      date,
      contracts: [c1],
      invoicesOf: () => [june('c1')],
      plans,
      calendar,
      cancellation: releaseAndCancel,
      taken: new Set<string>(),
    })._unsafeUnwrap();
    const notifier = createRecordingNotifier();
    const report = (await applyRun(plan, { network, notifier }))._unsafeUnwrap();
    expect(report.outcomes.every((o) => o.ok)).toBe(true);
    expect(network.entries('r1')).toEqual([]);
    expect(report.contracts.map((c) => c.status)).toEqual(['cancelled']);
    expect(report.invoices.map((i) => [i.id, i.status])).toEqual([['inv-c1', 'cancelled']]);

    // A failed router write keeps the contract and its invoices as they were.
    const again = createInMemoryAccessNetwork({ routers: [{ routerId: 'r1' }] });
    await again.sync('r1', desiredAccessOf(c1, plans)._unsafeUnwrap());
    again.failWritesFor('acc-1');
    const failed = (await applyRun(plan, { network: again, notifier }))._unsafeUnwrap();
    expect(failed.invoices).toEqual([]);
    expect(failed.contracts.map((c) => c.status)).toEqual(['active']);
  });

  it('applyLadder takes the same policy', () => {
    const c1 = numberedContract(1);
    const e = evaluateLadder(c1, [june('c1')], date, { calendar })._unsafeUnwrap();
    const r = applyLadder(c1, e, {
      cancellation: releaseAndCancel,
      taken: new Set<string>(),
      invoices: [june('c1')],
    })._unsafeUnwrap();
    expect(r.ipChanges.map((c) => c.to)).toEqual(['127.0.1.1']);
    expect(r.invoices?.map((i) => i.status)).toEqual(['cancelled']);
    expect(
      applyLadder(c1, e, { cancellation: releaseAndCancel, taken: new Set<string>() })._unsafeUnwrapErr(),
    ).toMatchObject({
      field: 'invoices',
    });
    expect(applyLadder(c1, e, { cancellation: { network: 'release-ip' } })._unsafeUnwrapErr()).toMatchObject({
      field: 'taken',
    });
  });
});
