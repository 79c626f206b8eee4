import { describe, expect, test } from 'vitest';
import { isNonBusinessDayBR } from '../../test/fixtures';
import { effectiveDueDate } from '../dates/effective-due-date';
import type { ContractBilling } from './contract-billing';
import { generateInvoice } from './generate-invoice';
import { invoiceSummary } from './invoice-summary';
import type { Invoice } from './types';

const base: ContractBilling = {
  contractId: 'c-42',
  currency: 'BRL',
  cycle: { closingDay: 1, dueDay: 10, periodReference: 'issue-date' },
  startDate: '2017-03-01',
  recurring: [{ id: 'plan', description: 'Internet 10 Mbps', amount: '99.90' }],
};

const invoiceOf = (
  contract: ContractBilling,
  month: string,
  options?: Parameters<typeof generateInvoice>[2],
): Invoice => {
  const r = generateInvoice(contract, month, options)._unsafeUnwrap();
  if (r.kind !== 'invoice') throw new Error(`expected an invoice, got ${r.reason}`);
  return r.invoice;
};

describe('V25: router R$ 60,00 in 3 installments from April 2017 (closing 1, due 10)', () => {
  const contract: ContractBilling = {
    ...base,
    installmentPlans: [
      { id: 'router', description: 'Router', total: '60.00', count: 3, startMonth: '2017-04' },
    ],
  };
  test.each([
    ['2017-04', '2017-04-01', '2017-04-10', '2017-04-10', '1/3'],
    ['2017-05', '2017-05-01', '2017-05-10', '2017-05-10', '2/3'],
    ['2017-06', '2017-06-01', '2017-06-10', '2017-06-12', '3/3'],
  ])('%s: issued %s, due %s (effective %s), part %s', (month, issue, due, effective, label) => {
    const inv = invoiceOf(contract, month);
    expect([inv.issueDate, inv.dueDate]).toEqual([issue, due]);
    expect(effectiveDueDate(inv.dueDate, isNonBusinessDayBR)._unsafeUnwrap()).toBe(effective);
    const part = inv.lines.find((l) => l.kind === 'installment');
    expect(part?.amount).toBe('20.00');
    expect(part?.installment?.label).toBe(label);
    expect(part?.description).toBe(`Router ${label}`);
  });
  test('nothing before or after the plan', () => {
    expect(invoiceOf(contract, '2017-03').lines.some((l) => l.kind === 'installment')).toBe(false);
    expect(invoiceOf(contract, '2017-07').lines.some((l) => l.kind === 'installment')).toBe(false);
  });
});

describe('first invoice (M8)', () => {
  const contract: ContractBilling = {
    ...base,
    cycle: { closingDay: 1, dueDay: 10, periodReference: 'due-date' },
    startDate: '2025-03-20',
  };
  // due-date reference: the April cycle is issued 2025-04-01, due 04-10, period [03-10, 04-10).
  test('prorated: 21 of 31 days', () => {
    const inv = invoiceOf(contract, '2025-04');
    expect(inv.period).toEqual({ start: '2025-03-10', end: '2025-04-10' });
    expect(inv.lines).toHaveLength(1);
    expect(inv.lines[0]).toMatchObject({
      kind: 'proration',
      amount: '67.67',
      period: { start: '2025-03-20', end: '2025-04-10' },
    });
    expect(inv.lines[0]?.explanation?.code).toBe('proration.actual-days');
  });
  test('full', () => {
    expect(invoiceOf({ ...contract, firstInvoice: 'full' }, '2025-04').lines[0]?.amount).toBe('99.90');
  });
  test('skipped', () => {
    expect(generateInvoice({ ...contract, firstInvoice: 'skip' }, '2025-04')._unsafeUnwrap()).toMatchObject({
      kind: 'skipped',
      reason: 'first-invoice-skipped',
    });
    expect(invoiceOf({ ...contract, firstInvoice: 'skip' }, '2025-05').lines[0]?.amount).toBe('99.90');
  });
  test('not started yet', () => {
    expect(generateInvoice(contract, '2025-03')._unsafeUnwrap()).toMatchObject({
      kind: 'skipped',
      reason: 'not-started',
    });
  });
  test('stub: started after the previous cycle was issued, before this period (issue-date reference)', () => {
    // V01: active 2025-03-20, the March cycle was issued 2025-03-01; April carries the stub [03-20, 04-01).
    const c: ContractBilling = { ...base, startDate: '2025-03-20' };
    expect(generateInvoice(c, '2025-03')._unsafeUnwrap()).toMatchObject({
      kind: 'skipped',
      reason: 'not-started',
    });
    const inv = invoiceOf(c, '2025-04');
    expect(inv.lines.map((l) => [l.id, l.kind, l.amount])).toEqual([
      ['plan:stub', 'proration', '38.67'],
      ['plan', 'service', '99.90'],
    ]);
    expect(invoiceSummary(inv)._unsafeUnwrap().total).toBe('138.57');
  });
});

describe('issue modes (M6)', () => {
  test('exempt contracts get no invoice, even on demand', () => {
    expect(
      generateInvoice({ ...base, issueMode: 'exempt' }, '2025-04', { onDemand: true })._unsafeUnwrap(),
    ).toMatchObject({
      kind: 'skipped',
      reason: 'exempt',
    });
  });
  test('manual contracts only on demand, with their own issue date', () => {
    const c: ContractBilling = { ...base, issueMode: 'manual' };
    expect(generateInvoice(c, '2025-04')._unsafeUnwrap()).toMatchObject({
      kind: 'skipped',
      reason: 'manual',
    });
    const inv = invoiceOf(c, '2025-04', { onDemand: true, issueDate: '2025-04-12' });
    expect([inv.issueDate, inv.dueDate]).toEqual(['2025-04-12', '2025-05-10']);
  });
});

describe('lines and keys', () => {
  test('idempotency key per (contract, period start); recurring discount, extras, suspension credit', () => {
    const c: ContractBilling = {
      ...base,
      cycle: { closingDay: 1, dueDay: 10, periodReference: 'issue-date' },
      startDate: '2026-01-01',
      recurring: [
        { id: 'plan', description: 'Internet', amount: '100.00' },
        { id: 'loyalty', description: 'Loyalty discount', amount: '10.00', kind: 'discount' },
      ],
      extras: [
        { id: 'reconnect', description: 'Reconnection', amount: '15.00', kind: 'fee', penalty: false },
      ],
      suspensions: [{ start: '2026-06-22', end: '2026-07-05' }],
    };
    const inv = invoiceOf(c, '2026-07');
    expect(inv.id).toBe('invoice:c-42:2026-07-01');
    expect(inv.key).toBe(inv.id);
    const byId = Object.fromEntries(inv.lines.map((l) => [l.id, [l.effect, l.amount]]));
    expect(byId).toEqual({
      plan: ['charge', '100.00'],
      loyalty: ['credit', '10.00'],
      'suspension:2026-07-01': ['credit', '11.61'],
      reconnect: ['charge', '15.00'],
    });
    // (100 − 10) × 4 / 31 = 11.61 → total 100 − 10 − 11.61 + 15
    expect(invoiceSummary(inv)._unsafeUnwrap().total).toBe('93.39');
  });

  test('V10 through the contract: July after a suspension 06-22 → 07-05 is 87.10', () => {
    const c: ContractBilling = {
      ...base,
      recurring: [{ id: 'plan', description: 'Internet', amount: '100.00' }],
      startDate: '2026-01-01',
      suspensions: [{ start: '2026-06-22', end: '2026-07-05' }],
    };
    expect(invoiceSummary(invoiceOf(c, '2026-06'))._unsafeUnwrap().total).toBe('70.00');
    expect(invoiceSummary(invoiceOf(c, '2026-07'))._unsafeUnwrap().total).toBe('87.10');
    expect(invoiceSummary(invoiceOf({ ...c, proration: '30-day' }, '2026-07'))._unsafeUnwrap().total).toBe(
      '86.67',
    );
  });

  test('bad input names the field', () => {
    const bad = (patch: Record<string, unknown>) =>
      generateInvoice({ ...base, ...patch } as ContractBilling, '2025-04')._unsafeUnwrapErr();
    expect(bad({ currency: 'EUR' })).toMatchObject({ type: 'UNKNOWN_CURRENCY', field: 'contract.currency' });
    expect(bad({ startDate: '2025-02-30' })).toMatchObject({
      type: 'INVALID_DATE',
      field: 'contract.startDate',
    });
    expect(bad({ recurring: [{ id: 'p', description: 'x', amount: '-5.00' }] })).toMatchObject({
      type: 'NEGATIVE_AMOUNT',
      field: 'contract.recurring[0].amount',
    });
    expect(bad({ cycle: { closingDay: 32, dueDay: 1 } })).toMatchObject({
      field: 'contract.cycle.closingDay',
    });
    expect(
      bad({
        installmentPlans: [{ id: 'r', description: 'x', total: '0.02', count: 3, startMonth: '2025-04' }],
      }),
    ).toMatchObject({ type: 'INSTALLMENT_BELOW_MINOR_UNIT', field: 'contract.installmentPlans[0].total' });
    expect(bad({ suspensions: [{ start: '2025-05-01', end: '2025-04-01' }] })).toMatchObject({
      type: 'INVALID_PERIOD',
      field: 'contract.suspensions[0].end',
    });
    expect(
      generateInvoice(JSON.parse('{"__proto__": {"x": 1}}'), '2025-04')._unsafeUnwrapErr(),
    ).toMatchObject({
      type: 'INVALID_INPUT',
      field: 'contract.__proto__',
    });
  });
});
