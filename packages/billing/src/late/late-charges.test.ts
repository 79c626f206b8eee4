import { describe, expect, test } from 'vitest';
import { BR_TERMS, isNonBusinessDayBR, makeInvoice } from '../../test/fixtures';
import { amountDueOn } from '../invoice/amount-due';
import type { InvoiceTerms } from '../invoice/types';
import type { RoundingMode } from '../money/rounding';
import { daysLate } from './days-late';
import { lateCharges } from './late-charges';

const cal = { isNonBusinessDay: isNonBusinessDayBR };

interface Row {
  readonly id: string;
  readonly principal: string;
  readonly due: string;
  readonly paid: string;
  readonly fine: string | undefined;
  readonly interest: string | undefined;
  readonly total: string;
  readonly terms?: InvoiceTerms;
  readonly rounding?: RoundingMode;
}

// billing-rules.md §8.2 — due Wed 2026-06-10 unless stated.
const rows: Row[] = [
  {
    id: 'V11',
    principal: '100.00',
    due: '2026-06-10',
    paid: '2026-06-10',
    fine: undefined,
    interest: undefined,
    total: '100.00',
  },
  {
    id: 'V12',
    principal: '100.00',
    due: '2026-06-10',
    paid: '2026-06-11',
    fine: '2.00',
    interest: '0.03',
    total: '102.03',
  },
  {
    id: 'V13',
    principal: '100.00',
    due: '2026-06-10',
    paid: '2026-06-15',
    fine: '2.00',
    interest: '0.17',
    total: '102.17',
  },
  {
    id: 'V13 truncate',
    principal: '100.00',
    due: '2026-06-10',
    paid: '2026-06-15',
    fine: '2.00',
    interest: '0.16',
    total: '102.16',
    rounding: 'truncate',
  },
  {
    id: 'V14',
    principal: '100.00',
    due: '2026-06-10',
    paid: '2026-06-20',
    fine: '2.00',
    interest: '0.33',
    total: '102.33',
  },
  {
    id: 'V14 value per day',
    principal: '100.00',
    due: '2026-06-10',
    paid: '2026-06-20',
    fine: '2.00',
    interest: '0.30',
    total: '102.30',
    terms: { ...BR_TERMS, interest: { monthlyPercent: '1', method: 'value-per-day' } },
  },
  {
    id: 'V15',
    principal: '100.00',
    due: '2026-06-10',
    paid: '2026-07-10',
    fine: '2.00',
    interest: '1.00',
    total: '103.00',
  },
  {
    id: 'V16',
    principal: '100.00',
    due: '2026-06-10',
    paid: '2026-07-25',
    fine: '2.00',
    interest: '1.50',
    total: '103.50',
  },
  {
    id: 'V17',
    principal: '99.90',
    due: '2026-06-10',
    paid: '2026-06-27',
    fine: '2.00',
    interest: '0.57',
    total: '102.47',
  },
  {
    id: 'V18',
    principal: '99.90',
    due: '2026-06-10',
    paid: '2026-07-03',
    fine: '2.00',
    interest: '0.77',
    total: '102.67',
  },
  {
    id: 'V18 annual/365',
    principal: '99.90',
    due: '2026-06-10',
    paid: '2026-07-03',
    fine: '2.00',
    interest: '0.76',
    total: '102.66',
    terms: { ...BR_TERMS, interest: { monthlyPercent: '1', basis: 'annual-365' } },
  },
  {
    id: 'V19 half-up',
    principal: '75.00',
    due: '2026-06-10',
    paid: '2026-06-15',
    fine: undefined,
    interest: '0.13',
    total: '75.13',
    terms: { interest: { monthlyPercent: '1' } },
  },
  {
    id: 'V19 half-even',
    principal: '75.00',
    due: '2026-06-10',
    paid: '2026-06-15',
    fine: undefined,
    interest: '0.12',
    total: '75.12',
    terms: { interest: { monthlyPercent: '1' } },
    rounding: 'half-even',
  },
  {
    id: 'V20',
    principal: '100.00',
    due: '2025-05-10',
    paid: '2025-05-12',
    fine: undefined,
    interest: undefined,
    total: '100.00',
  },
  {
    id: 'V20b',
    principal: '100.00',
    due: '2025-05-10',
    paid: '2025-05-13',
    fine: '2.00',
    interest: '0.03',
    total: '102.03',
  },
  {
    id: 'V20b original due date',
    principal: '100.00',
    due: '2025-05-10',
    paid: '2025-05-13',
    fine: '2.00',
    interest: '0.10',
    total: '102.10',
    terms: { ...BR_TERMS, lateFrom: 'original-due-date' },
  },
  {
    id: 'V21',
    principal: '100.00',
    due: '2026-10-10',
    paid: '2026-10-13',
    fine: undefined,
    interest: undefined,
    total: '100.00',
  },
  {
    id: 'V21b',
    principal: '100.00',
    due: '2026-10-10',
    paid: '2026-10-15',
    fine: '2.00',
    interest: '0.07',
    total: '102.07',
  },
  {
    id: 'V21b original due date',
    principal: '100.00',
    due: '2026-10-10',
    paid: '2026-10-15',
    fine: '2.00',
    interest: '0.17',
    total: '102.17',
    terms: { ...BR_TERMS, lateFrom: 'original-due-date' },
  },
];

describe('fine + interest vectors (V11–V21b)', () => {
  test.each(rows)('$id', (row) => {
    const invoice = makeInvoice({
      principal: row.principal,
      dueDate: row.due,
      terms: row.terms ?? BR_TERMS,
      rounding: row.rounding ?? 'half-up',
    });
    const charges = lateCharges(invoice, row.paid, cal)._unsafeUnwrap();
    expect(charges.fine?.amount).toBe(row.fine);
    expect(charges.interest?.amount).toBe(row.interest);
    expect(amountDueOn(invoice, row.paid, cal)._unsafeUnwrap().total).toBe(row.total);
  });
});

describe('lateCharges', () => {
  test('V17: fine and interest are rounded per line, not on their sum', () => {
    const c = lateCharges(makeInvoice({ principal: '99.90' }), '2026-06-27', cal)._unsafeUnwrap();
    expect(c.daysLate).toBe(17);
    expect(c.total).toBe('2.57');
    expect(c.fine?.explanation?.raw).toBe('1.998');
    expect(c.interest?.explanation?.raw.startsWith('0.5661')).toBe(true);
    expect(c.interest?.penalty).toBe(true);
    expect(c.interest?.explanation?.text).toContain('17 days late');
  });

  test('V21: chained non-business days give the effective due date', () => {
    const c = lateCharges(makeInvoice({ dueDate: '2026-10-10' }), '2026-10-15', cal)._unsafeUnwrap();
    expect(c.effectiveDueDate).toBe('2026-10-13');
    expect(c.daysLate).toBe(2);
  });

  test('a fixed fine (MX/CO style)', () => {
    const c = lateCharges(
      makeInvoice({ currency: 'MXN', terms: { fine: { kind: 'fixed', amount: '30.00' } } }),
      '2026-06-20',
    )._unsafeUnwrap();
    expect(c.fine?.amount).toBe('30.00');
    expect(c.interest).toBeUndefined();
  });

  test('actual days of the month: 10 days of June (30 days) and 5 of July (31 days)', () => {
    const c = lateCharges(
      makeInvoice({
        principal: '310.00',
        dueDate: '2026-06-20',
        terms: { interest: { monthlyPercent: '3', basis: 'actual-month' } },
      }),
      '2026-07-05',
    )._unsafeUnwrap();
    // 310 × 3 % × (10/30 + 5/31) = 3.10 + 1.50 = 4.60
    expect(c.interest?.amount).toBe('4.60');
  });

  test('compound interest over one 30-day month equals the monthly rate', () => {
    const c = lateCharges(
      makeInvoice({ terms: { interest: { monthlyPercent: '10', compounding: 'compound' } } }),
      '2026-08-09',
    )._unsafeUnwrap();
    // 60 days: 100 × (1.1² − 1) = 21.00
    expect(c.interest?.amount).toBe('21.00');
  });

  test('a partial payment after the due date reduces the principal from its date on', () => {
    const invoice = makeInvoice({
      payments: [{ id: 'p1', date: '2026-06-25', amount: '50.00' }],
      status: 'partially-paid',
    });
    const c = lateCharges(invoice, '2026-07-10')._unsafeUnwrap();
    // fine 2 % of 100; interest 100 × 15 d + 50 × 15 d at 1 %/30 = 0.50 + 0.25
    expect(c.fine?.amount).toBe('2.00');
    expect(c.interest?.amount).toBe('0.75');
  });

  test('no charges for cancelled invoices or when paid on time', () => {
    expect(lateCharges(makeInvoice({ status: 'cancelled' }), '2026-07-10')._unsafeUnwrap().total).toBe(
      '0.00',
    );
    const paid = makeInvoice({
      payments: [{ id: 'p', date: '2026-06-09', amount: '100.00' }],
      status: 'paid',
    });
    expect(lateCharges(paid, '2026-07-10')._unsafeUnwrap().total).toBe('0.00');
  });

  test('bad input is a typed error', () => {
    expect(lateCharges(makeInvoice(), '2026-13-01')._unsafeUnwrapErr()).toMatchObject({
      type: 'INVALID_DATE',
      field: 'asOf',
    });
    expect(lateCharges(makeInvoice({ principal: '-1.00' }), '2026-07-01')._unsafeUnwrapErr()).toMatchObject({
      type: 'NEGATIVE_AMOUNT',
      field: 'invoice.lines[0].amount',
    });
    const bad = { ...makeInvoice(), currency: 'USD' } as unknown as Parameters<typeof lateCharges>[0];
    expect(lateCharges(bad, '2026-07-01')._unsafeUnwrapErr()).toMatchObject({
      type: 'UNKNOWN_CURRENCY',
      field: 'invoice.currency',
    });
    const throwing = () => {
      throw new Error('boom');
    };
    expect(
      lateCharges(makeInvoice(), '2026-07-01', { isNonBusinessDay: throwing })._unsafeUnwrapErr().type,
    ).toBe('CALENDAR_FAILED');
  });
});

describe('daysLate', () => {
  test('counts from the effective due date, or from the original one', () => {
    expect(daysLate({ dueDate: '2025-05-10', date: '2025-05-12', ...cal })._unsafeUnwrap()).toBe(0);
    expect(daysLate({ dueDate: '2025-05-10', date: '2025-05-13', ...cal })._unsafeUnwrap()).toBe(1);
    expect(
      daysLate({
        dueDate: '2025-05-10',
        date: '2025-05-13',
        ...cal,
        lateFrom: 'original-due-date',
      })._unsafeUnwrap(),
    ).toBe(3);
    expect(daysLate({ dueDate: '2025-05-10', date: '2025-05-13' })._unsafeUnwrap()).toBe(3);
    expect(daysLate({ dueDate: '2025-05-10', date: 'nope' })._unsafeUnwrapErr().field).toBe('date');
  });
});
