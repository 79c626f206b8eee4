import { describe, expect, test } from 'vitest';
import { makeInvoice, serviceLine } from '../../test/fixtures';
import { lateCharges } from '../late/late-charges';
import { cancelOpenInvoices } from './cancel-invoices';
import { invoiceSummary } from './invoice-summary';
import { mergeInvoices } from './merge-invoices';
import { registerPayment } from './register-payment';
import type { Invoice } from './types';

// V40/V41 (WispHub, MXN): A (May, pending) 350.00 + 30.00 late fee; B (June, new) 350.00.
const A: Invoice = makeInvoice({
  id: 'A',
  key: 'invoice:c-1:2026-05-01',
  currency: 'MXN',
  issueDate: '2026-05-01',
  dueDate: '2026-05-05',
  period: { start: '2026-05-01', end: '2026-06-01' },
  lines: [
    serviceLine('internet', '350.00', { description: 'Internet 10 Mbps' }),
    {
      id: 'late-fee',
      kind: 'fee',
      effect: 'charge',
      description: 'Cargo por mora',
      amount: '30.00',
      penalty: true,
    },
  ],
  terms: { fine: { kind: 'percent', percent: '10' } },
});
const B: Invoice = makeInvoice({
  id: 'B',
  key: 'invoice:c-1:2026-06-01',
  currency: 'MXN',
  issueDate: '2026-06-01',
  dueDate: '2026-06-05',
  period: { start: '2026-06-01', end: '2026-07-01' },
  lines: [serviceLine('internet', '350.00', { description: 'Internet 10 Mbps' })],
  terms: { fine: { kind: 'percent', percent: '10' } },
});

describe('V40: merge pending invoices into the latest', () => {
  const merged = mergeInvoices([A, B], '2026-06-02')._unsafeUnwrap();

  test('B holds the 3 lines, 730.00, keeps its due date', () => {
    expect(merged.target.id).toBe('B');
    expect(merged.target.lines).toHaveLength(3);
    expect(merged.balance).toBe('730.00');
    expect(merged.target.dueDate).toBe('2026-06-05');
  });

  test('lines are moved, keeping their period, original due date and source', () => {
    const moved = merged.target.lines.filter((l) => l.movedFrom === 'A');
    expect(moved.map((l) => l.id)).toEqual(['A/internet', 'A/late-fee']);
    expect(moved.every((l) => l.originalDueDate === '2026-05-05')).toBe(true);
    expect(moved[0]?.period).toEqual({ start: '2026-05-01', end: '2026-06-01' });
    expect(moved[1]?.penalty).toBe(true);
  });

  test('A is transferred with balance 0', () => {
    const a = merged.sources[0]!;
    expect(a.status).toBe('transferred');
    expect(a.lines).toHaveLength(0);
    expect(a.transfer).toEqual({
      to: 'B',
      on: '2026-06-02',
      amount: '380.00',
      lineIds: ['A/internet', 'A/late-fee'],
    });
    expect(invoiceSummary(a)._unsafeUnwrap().balance).toBe('0.00');
    expect(merged.invoices.map((i) => i.id)).toEqual(['A', 'B']);
  });

  test('one payment of 730.00 settles everything; 350.00 leaves 380.00', () => {
    const full = registerPayment(merged.target, {
      id: 'p',
      date: '2026-06-03',
      amount: '730.00',
    })._unsafeUnwrap();
    expect(full.invoice.status).toBe('paid');
    const part = registerPayment(merged.target, {
      id: 'p',
      date: '2026-06-03',
      amount: '350.00',
    })._unsafeUnwrap();
    expect(part.invoice.status).toBe('partially-paid');
    expect(part.balance).toBe('380.00');
  });

  test('a later % fine on B uses 700.00 (service items only), never the 30.00 penalty', () => {
    const c = lateCharges(merged.target, '2026-06-10')._unsafeUnwrap();
    expect(c.principal).toBe('700.00');
    expect(c.fine?.amount).toBe('70.00');
  });

  test('payments already made on a source move as a credit', () => {
    const paidA = registerPayment(A, { id: 'pa', date: '2026-05-04', amount: '100.00' })._unsafeUnwrap()
      .invoice;
    const m = mergeInvoices([paidA, B], '2026-06-02')._unsafeUnwrap();
    expect(m.balance).toBe('630.00');
    expect(m.target.lines.find((l) => l.id === 'A/payments')).toMatchObject({
      effect: 'credit',
      amount: '100.00',
    });
  });

  test('optionally puts the sources late charges on before moving them', () => {
    const m = mergeInvoices([A, B], '2026-06-02', { applyLateCharges: true })._unsafeUnwrap();
    expect(m.target.lines.find((l) => l.id === 'A/A:fine')).toMatchObject({
      kind: 'fine',
      amount: '35.00',
      penalty: true,
    });
    expect(m.balance).toBe('765.00');
  });

  test('needs two pending invoices of one contract', () => {
    expect(mergeInvoices([B], '2026-06-02')._unsafeUnwrapErr().type).toBe('NOTHING_TO_MERGE');
    expect(mergeInvoices([A, { ...B, currency: 'BRL' }], '2026-06-02')._unsafeUnwrapErr().type).toBe(
      'CURRENCY_MISMATCH',
    );
  });
});

describe('V41: cancel with "cancel pending invoices"', () => {
  test('A and B are cancelled, receivable 0.00', () => {
    const r = cancelOpenInvoices([A, B], '2026-06-02')._unsafeUnwrap();
    expect(r.cancelled).toEqual(['A', 'B']);
    for (const inv of r.invoices) {
      expect(inv.status).toBe('cancelled');
      expect(inv.cancelledOn).toBe('2026-06-02');
      expect(invoiceSummary(inv)._unsafeUnwrap().balance).toBe('0.00');
    }
    expect(
      registerPayment(r.invoices[0]!, { id: 'x', date: '2026-06-03', amount: '1.00' })._unsafeUnwrapErr()
        .type,
    ).toBe('INVOICE_NOT_PAYABLE');
  });
  test('without the option the debt stays collectable (730.00); on return merge A into the next invoice', () => {
    const total = [A, B].map((i) => invoiceSummary(i)._unsafeUnwrap().balance);
    expect(total).toEqual(['380.00', '350.00']);
    expect(mergeInvoices([A, B], '2026-07-01')._unsafeUnwrap().balance).toBe('730.00');
  });
  test('paid invoices are left alone', () => {
    const paid = registerPayment(A, { id: 'p', date: '2026-05-04', amount: '380.00' })._unsafeUnwrap()
      .invoice;
    const r = cancelOpenInvoices([paid, B], '2026-06-02')._unsafeUnwrap();
    expect(r.cancelled).toEqual(['B']);
    expect(r.invoices[0]?.status).toBe('paid');
  });
});
