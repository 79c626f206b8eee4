import { invoiceSummary, lateCharges } from '@isp/billing';
import { describe, expect, it } from 'vitest';
import { billingInvoice, makeContract, plans } from '../../test/fixtures';
import { cancelContract } from '../cancellation/cancel-contract';
import { reactivateContract } from './reactivate-contract';

const a = billingInvoice('A', '2026-05', [
  { description: 'Internet 10 Mbps', amount: '350.00' },
  { description: 'Cargo por mora', amount: '30.00', penalty: true },
]);
const b = billingInvoice('B', '2026-06', [{ description: 'Internet 10 Mbps', amount: '350.00' }]);
const pools = ['10.0.1.0/24'];

const released = () =>
  cancelContract(makeContract(), [a], {
    date: '2026-06-01',
    reason: 'left',
    network: 'release-ip',
    taken: new Set<string>(),
    plans,
  })._unsafeUnwrap().contract;

describe('reactivateContract', () => {
  it('V40 / W9: merges the pending invoice into the next one, gives the previous IP back, provisions again', () => {
    const r = reactivateContract(released(), [a], {
      date: '2026-06-05',
      settle: { kind: 'merge', nextInvoice: b },
      pools,
      taken: new Set<string>(),
      plans,
    })._unsafeUnwrap();
    const merged = r.invoices.find((i) => i.id === 'B')!;
    expect(merged.lines).toHaveLength(3);
    expect(invoiceSummary(merged)._unsafeUnwrap().balance).toBe('730.00');
    expect(merged.dueDate).toBe('2026-06-10');
    expect(r.invoices.find((i) => i.id === 'A')).toMatchObject({ status: 'transferred' });
    expect(r.contract.status).toBe('active');
    expect(r.ipChanges).toEqual([
      { accountId: 'acc-1', from: '127.0.1.10', to: '10.0.1.10', rule: 'previous-ip' },
    ]);
    expect(r.desired).toMatchObject([
      { subscriberId: 'acc-1', state: 'active', ipv4: '10.0.1.10', method: 'pppoe' },
    ]);
    expect(r.contract.history.at(-1)).toMatchObject({
      event: 'status-changed',
      from: 'cancelled',
      to: 'active',
    });
  });

  it('§7: the merge moves the late charges too (as of the merge date) and no later fine is charged on them', () => {
    const terms = {
      fine: { kind: 'percent', percent: '2' },
      interest: { monthlyPercent: '1' },
    } as const;
    const old = { ...billingInvoice('A', '2026-05', [{ description: 'Internet', amount: '100.00' }]), terms };
    const next = {
      ...billingInvoice('B', '2026-06', [{ description: 'Internet', amount: '100.00' }]),
      terms,
    };
    const contract = cancelContract(makeContract(), [old], {
      date: '2026-05-25',
      reason: 'left',
      plans,
    })._unsafeUnwrap().contract;
    // A is due 2026-05-10; merged on 2026-06-09: 30 days late → fine 2.00 + interest 1.00 (V15).
    const r = reactivateContract(contract, [old], {
      date: '2026-06-09',
      settle: { kind: 'merge', nextInvoice: next },
      pools,
      taken: new Set<string>(),
      plans,
    })._unsafeUnwrap();
    const merged = r.invoices.find((i) => i.id === 'B')!;
    expect(merged.lines.filter((l) => l.penalty).map((l) => [l.id, l.kind, l.amount, l.movedFrom])).toEqual([
      ['A/A:fine', 'fine', '2.00', 'A'],
      ['A/A:interest', 'interest', '1.00', 'A'],
    ]);
    expect(invoiceSummary(merged)._unsafeUnwrap().balance).toBe('203.00');
    expect(r.invoices.find((i) => i.id === 'A')?.transfer?.amount).toBe('103.00');
    // B unpaid 10 days after its due date: the fine counts the 200.00 of service, never the 3.00 moved.
    const later = lateCharges(merged, '2026-06-20')._unsafeUnwrap();
    expect(later.principal).toBe('200.00');
    expect(later.fine?.amount).toBe('4.00');
  });

  it('W9: pays what is pending, and takes a free IP from the pools when the previous one is taken', () => {
    const r = reactivateContract(released(), [a], {
      date: '2026-06-05',
      settle: {
        kind: 'payment',
        payments: [{ invoiceId: 'A', payment: { id: 'pix-1', date: '2026-06-05', amount: '380.00' } }],
      },
      pools,
      exclusions: ['10.0.1.1'],
      taken: new Set(['10.0.1.10']),
      plans,
    })._unsafeUnwrap();
    expect(r.invoices[0]?.status).toBe('paid');
    expect(r.ipChanges[0]?.to).toBe('10.0.1.2');
    expect(r.desired[0]).toMatchObject({ state: 'active', ipv4: '10.0.1.2' });
  });

  it('refuses while invoices remain pending, and for contracts that are not cancelled', () => {
    expect(
      reactivateContract(released(), [a], {
        date: '2026-06-05',
        pools,
        taken: new Set<string>(),
        plans,
      })._unsafeUnwrapErr(),
    ).toMatchObject({ type: 'PendingInvoicesRemain', invoiceIds: ['A'] });
    expect(
      reactivateContract(released(), [a], {
        date: '2026-06-05',
        settle: {
          kind: 'payment',
          payments: [{ invoiceId: 'A', payment: { id: 'p', date: '2026-06-05', amount: '100.00' } }],
        },
        pools,
        taken: new Set<string>(),
        plans,
      })._unsafeUnwrapErr().type,
    ).toBe('PendingInvoicesRemain');
    expect(
      reactivateContract(makeContract(), [], {
        date: '2026-06-05',
        pools,
        taken: new Set<string>(),
        plans,
      })._unsafeUnwrapErr().type,
    ).toBe('ContractNotCancelled');
  });

  it('reports an exhausted pool as NoFreeIp', () => {
    const r = reactivateContract(released(), [], {
      date: '2026-06-05',
      pools: ['10.0.1.8/30'],
      taken: new Set(['10.0.1.9', '10.0.1.10']),
      plans,
    });
    expect(r._unsafeUnwrapErr().type).toBe('NoFreeIp');
  });
});
