import { describe, expect, test } from 'vitest';
import { BR_TERMS, isNonBusinessDayBR, makeInvoice } from '../../test/fixtures';
import { amountDueOn } from '../invoice/amount-due';
import { registerPayment } from '../invoice/register-payment';
import { earlyPaymentDiscount } from './early-payment-discount';

const cal = { isNonBusinessDay: isNonBusinessDayBR };

describe('V23: R$ 5,00 if paid by the due date (Wed 2026-06-10)', () => {
  const invoice = makeInvoice({
    terms: { ...BR_TERMS, earlyPaymentDiscount: { kind: 'fixed', amount: '5.00' } },
  });
  test.each([
    ['2026-06-09', '95.00'],
    ['2026-06-10', '95.00'],
    ['2026-06-11', '102.03'],
  ])('paid %s → %s', (date, total) => {
    expect(amountDueOn(invoice, date, cal)._unsafeUnwrap().total).toBe(total);
  });

  test('paying 95.00 on the due date settles the invoice with a discount line', () => {
    const r = registerPayment(
      invoice,
      { id: 'p1', date: '2026-06-10', amount: '95.00' },
      cal,
    )._unsafeUnwrap();
    expect(r.invoice.status).toBe('paid');
    expect(r.balance).toBe('0.00');
    expect(r.invoice.lines.find((l) => l.kind === 'discount')?.amount).toBe('5.00');
  });

  test('late: the discount is lost and the fine is on the full 100.00 (STJ REsp 1.745.916)', () => {
    const r = registerPayment(
      invoice,
      { id: 'p1', date: '2026-06-11', amount: '102.03' },
      cal,
    )._unsafeUnwrap();
    expect(r.invoice.status).toBe('paid');
    expect(r.invoice.lines.find((l) => l.kind === 'fine')?.amount).toBe('2.00');
    expect(r.invoice.lines.some((l) => l.kind === 'discount')).toBe(false);
  });

  test('the deadline follows the effective due date', () => {
    const sat = makeInvoice({
      dueDate: '2025-05-10',
      terms: { earlyPaymentDiscount: { kind: 'fixed', amount: '5.00' } },
    });
    expect(amountDueOn(sat, '2025-05-12', cal)._unsafeUnwrap().total).toBe('95.00');
    expect(amountDueOn(sat, '2025-05-13', cal)._unsafeUnwrap().total).toBe('100.00');
  });
});

describe('V24: 5 % discount on 109.70', () => {
  const base = {
    amount: '109.70',
    currency: 'BRL' as const,
    discount: { kind: 'percent' as const, percent: '5' },
    dueDate: '2026-06-10',
    paidOn: '2026-06-10',
  };
  test('half-up 5.49 (pay 104.21)', () => {
    const r = earlyPaymentDiscount(base)._unsafeUnwrap();
    expect(r).toMatchObject({ applies: true, discount: '5.49', payable: '104.21' });
    expect(r.explanation.raw).toBe('5.485');
  });
  test('half-even 5.48 (pay 104.22)', () => {
    expect(earlyPaymentDiscount({ ...base, rounding: 'half-even' })._unsafeUnwrap()).toMatchObject({
      discount: '5.48',
      payable: '104.22',
    });
  });
  test('lost the day after', () => {
    expect(earlyPaymentDiscount({ ...base, paidOn: '2026-06-11' })._unsafeUnwrap()).toMatchObject({
      applies: false,
      discount: '0.00',
      payable: '109.70',
    });
  });
  test('a fixed discount never exceeds the amount', () => {
    const r = earlyPaymentDiscount({ ...base, amount: '3.00', discount: { kind: 'fixed', amount: '5.00' } });
    expect(r._unsafeUnwrap().payable).toBe('0.00');
  });
  test('bad input', () => {
    expect(earlyPaymentDiscount({ ...base, amount: '1e3' })._unsafeUnwrapErr()).toMatchObject({
      type: 'INVALID_AMOUNT',
      field: 'amount',
    });
  });
});
