import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { isNonBusinessDayBR } from '../../test/fixtures';
import { addDays } from '../dates/date-math';
import { invoiceArb } from '../testing/arbitraries';
import { invoiceSummary } from './invoice-summary';
import { readInvoice } from './read-invoice';
import { registerPayment } from './register-payment';

const cal = { isNonBusinessDay: isNonBusinessDayBR };

// registerPayment checks only what it appends and carries the sums forward: a full read of its result must
// agree with it.
test.prop([invoiceArb(), fc.integer({ min: -10, max: 120 }), fc.integer({ min: 1, max: 50_000 })])(
  'the invoice registerPayment returns reads back with the balance and status it reports',
  (invoice, offset, cents) => {
    const date = addDays(invoice.dueDate, offset)._unsafeUnwrap();
    const amount =
      invoice.currency === 'CLP' || invoice.currency === 'PYG' ? String(cents) : (cents / 100).toFixed(2);
    const r = registerPayment(invoice, { id: 'pay-check', date, amount }, cal);
    if (r.isErr()) {
      expect(['cancelled', 'transferred']).toContain(invoice.status);
      return;
    }
    expect(readInvoice(r.value.invoice).isOk()).toBe(true);
    const summary = invoiceSummary(r.value.invoice)._unsafeUnwrap();
    expect(summary.balance).toBe(r.value.balance);
    expect(summary.status).toBe(r.value.invoice.status);
  },
);
