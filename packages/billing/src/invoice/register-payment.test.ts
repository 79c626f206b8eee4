import { describe, expect, test } from 'vitest';
import { isNonBusinessDayBR, makeInvoice } from '../../test/fixtures';
import { amountDueOn } from './amount-due';
import { applyLateCharges } from './apply-late-charges';
import { invoiceSummary } from './invoice-summary';
import { registerPayment } from './register-payment';

const cal = { isNonBusinessDay: isNonBusinessDayBR };

describe('registerPayment', () => {
  test('partial, then the rest', () => {
    const first = registerPayment(makeInvoice(), {
      id: 'p1',
      date: '2026-06-05',
      amount: '40.00',
    })._unsafeUnwrap();
    expect(first).toMatchObject({ applied: '40.00', credit: '0.00', balance: '60.00', registered: true });
    expect(first.invoice.status).toBe('partially-paid');
    const second = registerPayment(first.invoice, {
      id: 'p2',
      date: '2026-06-09',
      amount: '60.00',
    })._unsafeUnwrap();
    expect(second.invoice.status).toBe('paid');
  });

  test('overpayment is reported as credit, never lost', () => {
    const r = registerPayment(makeInvoice(), {
      id: 'p1',
      date: '2026-06-05',
      amount: '120.00',
    })._unsafeUnwrap();
    expect(r).toMatchObject({ applied: '100.00', credit: '20.00', balance: '0.00' });
    expect(invoiceSummary(r.invoice)._unsafeUnwrap().credit).toBe('20.00');
  });

  test('idempotent by payment id', () => {
    const once = registerPayment(makeInvoice(), {
      id: 'p1',
      date: '2026-06-05',
      amount: '40.00',
    })._unsafeUnwrap();
    const twice = registerPayment(once.invoice, {
      id: 'p1',
      date: '2026-06-05',
      amount: '40.00',
    })._unsafeUnwrap();
    expect(twice.registered).toBe(false);
    expect(twice.invoice).toBe(once.invoice);
  });

  test('a late payment first puts the fine and interest on the invoice (V13: 5 days → 102.17)', () => {
    const r = registerPayment(
      makeInvoice(),
      { id: 'p1', date: '2026-06-15', amount: '102.17' },
      cal,
    )._unsafeUnwrap();
    expect(r.invoice.status).toBe('paid');
    expect(r.invoice.lines.map((l) => [l.kind, l.amount])).toEqual([
      ['service', '100.00'],
      ['fine', '2.00'],
      ['interest', '0.17'],
    ]);
  });

  test('status as of a date', () => {
    const r = registerPayment(makeInvoice(), {
      id: 'p1',
      date: '2026-06-05',
      amount: '100.00',
    })._unsafeUnwrap();
    expect(invoiceSummary(r.invoice, '2026-06-04')._unsafeUnwrap().status).toBe('open');
    expect(invoiceSummary(r.invoice, '2026-06-05')._unsafeUnwrap().status).toBe('paid');
  });

  test('bad payments', () => {
    const inv = makeInvoice();
    expect(
      registerPayment(inv, { id: 'p', date: '2026-06-05', amount: '-1.00' })._unsafeUnwrapErr(),
    ).toMatchObject({
      type: 'NEGATIVE_AMOUNT',
      field: 'payment.amount',
    });
    expect(
      registerPayment(inv, { id: 'p', date: '2026-02-30', amount: '1.00' })._unsafeUnwrapErr().field,
    ).toBe('payment.date');
    expect(
      registerPayment(inv, { id: '', date: '2026-06-05', amount: '1.00' })._unsafeUnwrapErr().field,
    ).toBe('payment.id');
  });
});

describe('applyLateCharges', () => {
  test('idempotent for a date; a later date raises the interest line', () => {
    const once = applyLateCharges(makeInvoice(), '2026-06-20')._unsafeUnwrap();
    const twice = applyLateCharges(once, '2026-06-20')._unsafeUnwrap();
    expect(twice).toBe(once);
    expect(invoiceSummary(once)._unsafeUnwrap().total).toBe('102.33');
    const later = applyLateCharges(once, '2026-07-10')._unsafeUnwrap();
    expect(invoiceSummary(later)._unsafeUnwrap().total).toBe('103.00');
    expect(later.lines.filter((l) => l.kind === 'interest')).toHaveLength(1);
    // amount due counts only what is not yet on the invoice
    expect(amountDueOn(later, '2026-07-10')._unsafeUnwrap()).toMatchObject({
      newCharges: '0.00',
      total: '103.00',
    });
  });
});
