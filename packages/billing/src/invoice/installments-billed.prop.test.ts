import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { shiftMonth } from '../dates/local-date';
import { sumMoney } from '../money/money';
import type { ContractBilling } from './contract-billing';
import { generateInvoice } from './generate-invoice';
import { mergeInvoices } from './merge-invoices';
import type { Invoice } from './types';

const monthOf = (offset: number): string => {
  const { year, month } = shiftMonth(2025, 1, offset);
  return `${year}-${String(month).padStart(2, '0')}`;
};

const scenario = fc.record({
  totalCents: fc.integer({ min: 100, max: 1_000_000 }),
  count: fc.integer({ min: 1, max: 12 }),
  startOffset: fc.integer({ min: 0, max: 6 }),
  /** Which of 30 months get an invoice (gaps: exempt, cancelled or skipped months). */
  issued: fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
  /** Months whose pending invoices are merged into that month's invoice right after it is issued. */
  merges: fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
  strategy: fc.constantFrom('spread-first', 'lump-first', 'lump-last' as const),
});

describe('installment parts over issued invoices (M5)', () => {
  test.prop([scenario])(
    'over any sequence of issued invoices (with gaps and merges) each part k/n appears once, in order, and the parts sum exactly to the total',
    ({ totalCents, count, startOffset, issued, merges, strategy }) => {
      const total = (totalCents / 100).toFixed(2);
      const contract: ContractBilling = {
        contractId: 'c1',
        currency: 'BRL',
        cycle: { closingDay: 1, dueDay: 10, periodReference: 'issue-date' },
        startDate: '2025-01-01',
        recurring: [{ id: 'plan', description: 'Internet', amount: '99.90' }],
        installmentPlans: [
          { id: 'p', description: 'Router', total, count, startMonth: monthOf(startOffset), strategy },
        ],
      };
      let invoices: Invoice[] = [];
      const generated: Invoice[] = [];
      let issuedFromStart = 0;
      for (let m = 0; m < 30; m++) {
        if (!issued[m]) continue;
        const r = generateInvoice(contract, monthOf(m), { previousInvoices: invoices })._unsafeUnwrap();
        if (r.kind !== 'invoice') throw new Error(r.reason);
        if (m >= startOffset) issuedFromStart++;
        generated.push(r.invoice);
        invoices = [...invoices, r.invoice];
        if (merges[m] && invoices.filter((i) => i.status === 'open').length >= 2)
          invoices = [...mergeInvoices(invoices, `${monthOf(m)}-02`)._unsafeUnwrap().invoices];
      }
      const parts = generated.flatMap((inv) => inv.lines.filter((l) => l.installment !== undefined));
      const expected = Math.min(count, issuedFromStart);
      expect(parts.map((l) => l.installment?.label)).toEqual(
        Array.from({ length: expected }, (_, i) => `${i + 1}/${count}`),
      );
      // Every invoice issued from the start month carries a part until all are billed.
      for (const inv of generated
        .filter((i) => i.period.start >= `${monthOf(startOffset)}-01`)
        .slice(0, count))
        expect(inv.lines.filter((l) => l.installment !== undefined)).toHaveLength(1);
      if (issuedFromStart >= count)
        expect(
          sumMoney(
            parts.map((l) => l.amount),
            'BRL',
          )._unsafeUnwrap(),
        ).toBe(total);
      // Idempotent per (contract, period): generating any issued month again with the whole history gives
      // the same invoice.
      for (const inv of generated) {
        const again = generateInvoice(contract, inv.period.start.slice(0, 7), {
          previousInvoices: invoices,
        })._unsafeUnwrap();
        expect(again).toEqual({ kind: 'invoice', invoice: inv });
      }
    },
  );
});
