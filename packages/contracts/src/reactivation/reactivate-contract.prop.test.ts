import { fc, test } from '@fast-check/vitest';
import {
  applyLateCharges,
  type Invoice,
  type InvoiceTerms,
  invoiceSummary,
  lateCharges,
  sumMoney,
} from '@isp/billing';
import { describe, expect } from 'vitest';
import { billingInvoice, makeContract, plans } from '../../test/fixtures';
import { cancelContract } from '../cancellation/cancel-contract';
import { reactivateContract } from './reactivate-contract';

const money = fc.integer({ min: 1, max: 500_000 }).map((cents) => (cents / 100).toFixed(2));
const percent = fc.integer({ min: 0, max: 1000 }).map((hundredths) => (hundredths / 100).toFixed(2));
const terms: fc.Arbitrary<InvoiceTerms> = fc.record({
  fine: percent.map((p) => ({ kind: 'percent' as const, percent: p })),
  interest: percent.map((p) => ({ monthlyPercent: p })),
});
/** Months 2026-01 … 2026-06 for the pending invoices; the target is 2026-08, the merge in July. */
const source = fc.record({
  month: fc.integer({ min: 1, max: 6 }),
  lines: fc.array(fc.record({ amount: money, penalty: fc.boolean() }), { minLength: 1, maxLength: 3 }),
  terms,
});

const pools = ['10.0.1.0/24'];
const nonPenaltyTotal = (invoice: Invoice): string =>
  sumMoney(
    invoice.lines.filter((l) => !l.penalty && l.effect === 'charge').map((l) => l.amount),
    'MXN',
  )._unsafeUnwrap();

describe('reactivateContract, merge (billing-rules §7)', () => {
  test.prop([
    fc.uniqueArray(source, { minLength: 1, maxLength: 4, selector: (s) => s.month }),
    fc.array(money, { minLength: 1, maxLength: 2 }),
    terms,
    fc.integer({ min: 1, max: 31 }),
  ])(
    'the merged total is the sum of the sources owed on the merge date, late charges included, and no later fine counts a penalty line',
    (sources, targetAmounts, targetTerms, mergeDay) => {
      const date = `2026-07-${String(mergeDay).padStart(2, '0')}`;
      const pending = sources.map((s) => ({
        ...billingInvoice(
          `S${s.month}`,
          `2026-0${s.month}`,
          s.lines.map((l, i) => ({ description: `line ${i}`, ...l })),
        ),
        terms: s.terms,
      }));
      const target = {
        ...billingInvoice(
          'T',
          '2026-08',
          targetAmounts.map((amount) => ({ description: 'Internet', amount })),
        ),
        terms: targetTerms,
      };
      const contract = cancelContract(makeContract(), pending, {
        date: '2026-06-30',
        reason: 'left',
        plans,
      })._unsafeUnwrap().contract;
      const r = reactivateContract(contract, pending, {
        date,
        settle: { kind: 'merge', nextInvoice: target },
        pools,
        taken: new Set<string>(),
        plans,
      })._unsafeUnwrap();

      const owed = [...pending.map((p) => applyLateCharges(p, date)._unsafeUnwrap()), target].map(
        (i) => invoiceSummary(i)._unsafeUnwrap().balance,
      );
      const merged = r.invoices.find((i) => i.id === 'T')!;
      expect(invoiceSummary(merged)._unsafeUnwrap().balance).toBe(sumMoney(owed, 'MXN')._unsafeUnwrap());
      for (const p of pending) {
        const moved = r.invoices.find((i) => i.id === p.id)!;
        expect(moved.status).toBe('transferred');
        expect(invoiceSummary(moved)._unsafeUnwrap().balance).toBe('0.00');
      }
      // Every source's fine and interest as of the merge date moved along, as penalty lines.
      for (const p of pending) {
        const charged = applyLateCharges(p, date)
          ._unsafeUnwrap()
          .lines.filter((l) => l.asOf !== undefined);
        for (const line of charged) {
          expect(merged.lines.find((l) => l.id === `${p.id}/${line.id}`)).toMatchObject({
            amount: line.amount,
            penalty: true,
            movedFrom: p.id,
          });
        }
      }
      // Later, with the target late too, its fine and interest count only non-penalty lines.
      const later = lateCharges(merged, '2026-09-30')._unsafeUnwrap();
      expect(later.principal).toBe(nonPenaltyTotal(merged));
    },
  );
});
