import { fc, test } from '@fast-check/vitest';
import Decimal from 'decimal.js';
import { expect } from 'vitest';
import { isNonBusinessDayBR } from '../../test/fixtures';
import { addDays } from '../dates/date-math';
import { effectiveDueDate } from '../dates/effective-due-date';
import { amountDueOn } from '../invoice/amount-due';
import { invoiceArb } from '../testing/arbitraries';
import { lateCharges } from './late-charges';

const cal = { isNonBusinessDay: isNonBusinessDayBR };

test.prop([invoiceArb(), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 60 })])(
  'fine + interest are non-decreasing in days late',
  (invoice, d1, step) => {
    const a = lateCharges(invoice, addDays(invoice.dueDate, d1)._unsafeUnwrap(), cal)._unsafeUnwrap();
    const b = lateCharges(invoice, addDays(invoice.dueDate, d1 + step)._unsafeUnwrap(), cal)._unsafeUnwrap();
    expect(new Decimal(b.total).greaterThanOrEqualTo(a.total)).toBe(true);
    expect(b.daysLate).toBeGreaterThanOrEqual(a.daysLate);
  },
);

test.prop([invoiceArb({ withPayments: false }), fc.integer({ min: -40, max: 0 })])(
  'zero when paid on time (on or before the effective due date)',
  (invoice, offset) => {
    const effective = effectiveDueDate(invoice.dueDate, isNonBusinessDayBR)._unsafeUnwrap();
    const date = addDays(effective, offset)._unsafeUnwrap();
    const c = lateCharges(invoice, date, cal)._unsafeUnwrap();
    expect(new Decimal(c.total).isZero()).toBe(true);
    expect(c.daysLate).toBe(0);
    const due = amountDueOn(invoice, date, cal)._unsafeUnwrap();
    expect(new Decimal(due.total).lessThanOrEqualTo(due.balance)).toBe(true);
  },
);
