import { fc, test } from '@fast-check/vitest';
import { afterAll, expect } from 'vitest';
import {
  amountDueOn,
  billingCycle,
  daysBetween,
  effectiveDueDate,
  generateInvoice,
  lateCharges,
  prorate,
} from '../src/index';
import { contractBillingArb, invoiceArb, localDateArb } from '../src/testing/arbitraries';
import { isNonBusinessDayBR } from './fixtures';

const ZONES = [
  'UTC',
  'America/Sao_Paulo',
  'America/Mexico_City',
  'Asia/Tokyo',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
];
const original = process.env.TZ;
afterAll(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

/** Runs `compute` once per time zone (Node applies process.env.TZ changes at once) and returns the JSON of each. */
function underEveryZone(compute: () => unknown): string[] {
  return ZONES.map((zone) => {
    process.env.TZ = zone;
    return JSON.stringify(compute());
  });
}

test('changing process.env.TZ really changes local time in this process', () => {
  const at = new Date(Date.UTC(2026, 0, 1, 1, 0, 0));
  process.env.TZ = 'UTC';
  const utc = at.getHours();
  process.env.TZ = 'America/Sao_Paulo';
  const sp = at.getHours();
  expect([utc, sp]).toEqual([1, 22]);
});

// Dates across every month of 2023–2029 (leap years 2024 and 2028).
const dates = localDateArb({ minYear: 2023, maxYear: 2029 });

test.prop([contractBillingArb(), fc.integer({ min: 2023, max: 2029 }), fc.integer({ min: 1, max: 12 })], {
  numRuns: 60,
})('cycles and invoices are identical under every TZ', (contract, year, month) => {
  const m = `${year}-${String(month).padStart(2, '0')}`;
  const results = underEveryZone(() => [billingCycle(contract.cycle, m), generateInvoice(contract, m)]);
  expect(new Set(results).size).toBe(1);
});

test.prop([invoiceArb(), dates], { numRuns: 60 })(
  'late charges and amounts due are identical under every TZ',
  (invoice, date) => {
    const results = underEveryZone(() => [
      lateCharges(invoice, date, { isNonBusinessDay: isNonBusinessDayBR }),
      amountDueOn(invoice, date, { isNonBusinessDay: isNonBusinessDayBR }),
      effectiveDueDate(date, isNonBusinessDayBR),
    ]);
    expect(new Set(results).size).toBe(1);
  },
);

test.prop([dates, dates], { numRuns: 60 })(
  'proration and day counts are identical under every TZ',
  (a, b) => {
    const [start, end] = a < b ? [a, b] : [b, a];
    if (start === end) return;
    const results = underEveryZone(() => [
      daysBetween(start, end),
      prorate({ price: '99.90', currency: 'BRL', period: { start, end }, billed: { start, end } }),
      prorate({
        price: '99.90',
        currency: 'BRL',
        convention: '30-day',
        period: { start, end },
        billed: { start, end },
      }),
    ]);
    expect(new Set(results).size).toBe(1);
  },
);
