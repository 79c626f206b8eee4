import type { Invoice } from '@isp/billing';
import { describe, expect, it } from 'vitest';
import { billingInvoice, brHolidays2026, numberedContract, plans } from '../../test/fixtures';
import type { Contract } from '../contract/types';
import { createInMemoryAccessNetwork } from '../testing/in-memory-access-network';
import { createRecordingNotifier } from '../testing/recording-notifier';
import { applyRun } from './apply-run';
import { planRun } from './plan-run';

const calendar = brHolidays2026;
const june = (contractId: string, status: Invoice['status'] = 'open') => ({
  ...billingInvoice(
    `inv-${contractId}`,
    '2026-06',
    [{ description: 'Internet', amount: '99.90' }],
    contractId,
    status,
  ),
  currency: 'BRL' as const,
});

function world() {
  const overdue = numberedContract(1);
  const quiet = numberedContract(2);
  const closing = numberedContract(3, { invoiceSettings: { closingDay: 22, dueDay: 5, ladder: {} } });
  const throttled: Contract = { ...numberedContract(4), status: 'throttled' };
  const contracts = [overdue, quiet, closing, throttled];
  const invoices = new Map<string, Invoice[]>([
    ['c1', [june('c1')]],
    ['c2', [june('c2', 'paid')]],
    ['c4', [june('c4', 'paid')]],
  ]);
  return { contracts, invoices };
}

describe('planRun (forecast, X8)', () => {
  it('lists invoices to issue, notices, suspensions, cancellations, restorations and the router plan', () => {
    const { contracts, invoices } = world();
    const plan = planRun({
      date: '2026-06-22',
      contracts,
      invoicesOf: (id) => invoices.get(id) ?? [],
      plans,
      calendar,
    })._unsafeUnwrap();
    expect(plan.evaluated).toBe(4);
    expect(plan.items.map((i) => i.contract.id)).toEqual(['c1', 'c3', 'c4']);
    expect(plan.suspensions).toEqual(['c1']);
    expect(plan.cancellations).toEqual(['c1']);
    expect(plan.restorations).toEqual(['c4']);
    expect(plan.throttles).toEqual([]);
    expect(plan.invoicesToIssue.map((i) => [i.contractId, i.issueDate])).toEqual([['c3', '2026-06-22']]);
    expect(plan.notices.map((n) => [n.contractId, n.kind])).toEqual([
      ['c1', 'overdue-notice'],
      ['c1', 'cancelled'],
      ['c4', 'restored'],
    ]);
    expect(plan.network.get('r1')?.map((d) => [d.subscriberId, d.state])).toEqual([
      ['acc-1', 'suspended'],
      ['acc-4', 'active'],
    ]);
    expect(plan.failures).toEqual([]);
  });

  it('M5: an installment part goes on the next invoice issued, even after a month without one', () => {
    const contract = numberedContract(1); // router 60.00 in 3 parts from 2026-02, closing day 1
    const run = (date: string, invoices: readonly Invoice[]) =>
      planRun({ date, contracts: [contract], invoicesOf: () => invoices, plans, calendar })._unsafeUnwrap()
        .invoicesToIssue[0]!;
    const parts = (invoice: Invoice) =>
      invoice.lines.flatMap((l) => (l.installment === undefined ? [] : [l.installment.label]));
    const february = run('2026-02-01', []);
    // No March invoice (cancelled that month, reactivated in April): April carries part 2, not 3.
    const april = run('2026-04-01', [{ ...february, status: 'paid' }]);
    expect([parts(february), parts(april)]).toEqual([['1/3'], ['2/3']]);
  });

  it('rejects bad input with typed errors', () => {
    const base = { contracts: [], invoicesOf: () => [], plans, calendar };
    expect(planRun({ ...base, date: '2026-13-01' })._unsafeUnwrapErr().type).toBe('InvalidDate');
    expect(planRun({ ...base, date: '2026-06-01', calendar: {} as never })._unsafeUnwrapErr()).toMatchObject({
      field: 'calendar',
    });
  });
});

describe('applyRun', () => {
  it('applies the plan through the ports, returns new values, and a second run does nothing', async () => {
    const { contracts, invoices } = world();
    const network = createInMemoryAccessNetwork({ routers: [{ routerId: 'r1' }] });
    const notifier = createRecordingNotifier();
    const plan = planRun({
      date: '2026-06-22',
      contracts,
      invoicesOf: (id) => invoices.get(id) ?? [],
      plans,
      calendar,
    })._unsafeUnwrap();
    const report = (await applyRun(plan, { network, notifier }))._unsafeUnwrap();
    expect(report.outcomes.every((o) => o.ok)).toBe(true);
    expect(report.contracts.map((c) => [c.id, c.status])).toEqual([
      ['c1', 'cancelled'],
      ['c4', 'active'],
    ]);
    expect(report.contracts[0]?.notices).toEqual([{ invoiceId: 'inv-c1', date: '2026-06-22' }]);
    expect(report.invoices.map((i) => i.contractId)).toEqual(['c3']);
    expect(notifier.sent.map((n) => `${n.contractId}:${n.kind}`).sort()).toEqual([
      'c1:cancelled',
      'c1:overdue-notice',
      'c4:restored',
    ]);
    expect(network.entries('r1').map((e) => [e.owner, e.state])).toEqual([
      ['acc-1', 'suspended'],
      ['acc-4', 'active'],
    ]);

    const updated = contracts.map((c) => report.contracts.find((n) => n.id === c.id) ?? c);
    const issued = new Map(invoices);
    for (const inv of report.invoices)
      issued.set(inv.contractId, [...(issued.get(inv.contractId) ?? []), inv]);
    const again = planRun({
      date: '2026-06-22',
      contracts: updated,
      invoicesOf: (id) => issued.get(id) ?? [],
      plans,
      calendar,
    })._unsafeUnwrap();
    expect(again.items).toEqual([]);
  });

  it('a failed router write is a visible outcome, keeps the contract as it was, and the next run retries it', async () => {
    const { contracts, invoices } = world();
    const network = createInMemoryAccessNetwork({ routers: [{ routerId: 'r1' }] });
    const notifier = createRecordingNotifier();
    network.failWritesFor('acc-1');
    const input = { date: '2026-06-22', invoicesOf: (id: string) => invoices.get(id) ?? [], plans, calendar };
    const first = (
      await applyRun(planRun({ ...input, contracts })._unsafeUnwrap(), { network, notifier })
    )._unsafeUnwrap();
    const failed = first.outcomes.find((o) => o.kind === 'transition' && o.contractId === 'c1');
    expect(failed).toMatchObject({ ok: false, errors: [{ type: 'RouterTrap' }] });
    const c1 = first.contracts.find((c) => c.id === 'c1');
    expect(c1?.status).toBe('active');
    expect(notifier.sent.filter((n) => n.contractId === 'c1').map((n) => n.kind)).toEqual(['overdue-notice']);

    const updated = contracts.map((c) => first.contracts.find((n) => n.id === c.id) ?? c);
    const second = (
      await applyRun(planRun({ ...input, contracts: updated })._unsafeUnwrap(), { network, notifier })
    )._unsafeUnwrap();
    expect(second.outcomes.filter((o) => o.contractId === 'c1').map((o) => [o.kind, o.ok])).toEqual([
      ['transition', true],
      ['notice', true],
    ]);
    expect(second.contracts.find((c) => c.id === 'c1')?.status).toBe('cancelled');
  });

  it('an unreachable router fails every transition on it, and a failed notice is retried next run', async () => {
    const { contracts, invoices } = world();
    const network = createInMemoryAccessNetwork({ routers: [{ routerId: 'r1' }] });
    network.setReachable('r1', false);
    const notifier = createRecordingNotifier();
    notifier.failFor('c1');
    const plan = planRun({
      date: '2026-06-22',
      contracts,
      invoicesOf: (id) => invoices.get(id) ?? [],
      plans,
      calendar,
    })._unsafeUnwrap();
    const report = (await applyRun(plan, { network, notifier }))._unsafeUnwrap();
    expect(report.outcomes.filter((o) => o.kind === 'transition').map((o) => [o.contractId, o.ok])).toEqual([
      ['c1', false],
      ['c4', false],
    ]);
    expect(report.outcomes.find((o) => o.kind === 'notice' && o.contractId === 'c1')).toMatchObject({
      ok: false,
      error: { type: 'NotifyFailed' },
    });
    expect(report.contracts.map((c) => c.id)).toEqual([]);
  });
});
