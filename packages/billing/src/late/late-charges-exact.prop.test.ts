import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { isNonBusinessDayBR } from '../../test/fixtures';
import { addDays } from '../dates/date-math';
import { readInvoice } from '../invoice/read-invoice';
import type { Invoice, InvoiceTerms, Payment } from '../invoice/types';
import { currencyArb, minorToAmount, roundingModeArb } from '../testing/arbitraries';
import { lateChargesCore } from './late-charges-core';

/** Percentages as written by people: integers, halves, tenths, three or more decimals (0.033, 2.5, 12). */
const percentArb = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom('0.033', '2.5', '12', '1', '0.5', '0.0333', '1.99', '33.333333', '0.000001', '1000'),
    fc
      .tuple(fc.integer({ min: 1, max: 2_000_000 }), fc.integer({ min: 0, max: 6 }))
      .map(([n, places]) => (n / 10 ** places).toFixed(places))
      .filter((p) => Number(p) > 0 && Number(p) <= 1000),
  );

const principalMinorArb = (): fc.Arbitrary<number> =>
  fc.oneof(
    fc.integer({ min: 1, max: 500_000 }),
    fc.integer({ min: 1, max: 1_000_000_000 }),
    // Large enough for some intermediate products to leave the safe integers (the decimal path then runs).
    fc.integer({ min: 1, max: 999_999_999_999_999 }),
  );

const termsArb = (): fc.Arbitrary<InvoiceTerms> =>
  fc.record({
    fine: fc.oneof(
      percentArb().map((percent) => ({ kind: 'percent' as const, percent })),
      fc.integer({ min: 1, max: 10_000 }).map((n) => ({ kind: 'fixed' as const, amount: String(n) })),
    ),
    interest: fc.record({
      monthlyPercent: percentArb(),
      basis: fc.constantFrom('30-day' as const, 'actual-month' as const, 'annual-365' as const),
      method: fc.constantFrom('rate' as const, 'value-per-day' as const),
      compounding: fc.constantFrom('simple' as const, 'simple' as const, 'compound' as const),
    }),
    lateFrom: fc.constantFrom('effective-due-date' as const, 'original-due-date' as const),
  });

const caseArb = fc.record({
  currency: currencyArb(),
  rounding: roundingModeArb(),
  principal: principalMinorArb(),
  terms: termsArb(),
  due: fc.integer({ min: 0, max: 3650 }),
  days: fc.integer({ min: 0, max: 400 }),
  payments: fc.array(
    fc.record({ offset: fc.integer({ min: -5, max: 400 }), share: fc.integer({ min: 1, max: 100 }) }),
    { maxLength: 3 },
  ),
});

test.prop([caseArb], { numRuns: 2000 })(
  'the integer path gives byte-identical charges and explanations to the decimal path',
  (c) => {
    const dueDate = addDays('2020-01-01', c.due)._unsafeUnwrap();
    const payments: Payment[] = [];
    let left = c.principal - 1;
    c.payments.forEach((p, i) => {
      const minor = Math.floor((left * p.share) / 100);
      if (minor <= 0) return;
      left -= minor;
      payments.push({
        id: `p${i}`,
        date: addDays(dueDate, p.offset)._unsafeUnwrap(),
        amount: minorToAmount(minor, c.currency),
      });
    });
    const invoice: Invoice = {
      id: 'inv-1',
      key: 'invoice:c-1:2020-01-01',
      contractId: 'c-1',
      currency: c.currency,
      rounding: c.rounding,
      issueDate: '2019-12-01',
      dueDate,
      period: { start: '2019-12-01', end: '2019-12-31' },
      lines: [
        {
          id: 'plan',
          kind: 'service',
          effect: 'charge',
          description: 'Internet',
          amount: minorToAmount(c.principal, c.currency),
          penalty: false,
        },
      ],
      payments,
      status: payments.length > 0 ? 'partially-paid' : 'open',
      terms: c.terms,
    };
    const parsed = readInvoice(invoice)._unsafeUnwrap();
    const asOf = addDays(dueDate, c.days)._unsafeUnwrap();
    const fast = lateChargesCore(parsed, asOf, isNonBusinessDayBR, true)._unsafeUnwrap();
    const slow = lateChargesCore(parsed, asOf, isNonBusinessDayBR, false)._unsafeUnwrap();
    expect(JSON.stringify(fast.result)).toBe(JSON.stringify(slow.result));
    expect(fast.result).toEqual(slow.result);
    expect(fast.fine.toString()).toBe(slow.fine.toString());
    expect(fast.interest.toString()).toBe(slow.interest.toString());
  },
);
