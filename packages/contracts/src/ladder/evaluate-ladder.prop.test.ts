import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { brHolidays2026, contractInput, plans } from '../../test/fixtures';
import { createContract } from '../contract/create-contract';
import type { Contract } from '../contract/types';
import { addDays, toEpochDay } from '../internal/local-date';
import { validLadder } from '../testing/arbitraries';
import { applyLadder } from './apply-ladder';
import { evaluateLadder } from './evaluate-ladder';
import type { LadderInvoice } from './invoice-view';
import { recordNotice } from './record-notice';
import type { OverdueLadder } from './types';

const calendar = brHolidays2026;
const start = '2026-03-01';

const contractWith = (ladder: OverdueLadder): Contract =>
  createContract(contractInput({}, ladder), plans)._unsafeUnwrap();

const invoicesArb = fc.array(
  fc.record({
    offset: fc.integer({ min: -40, max: 60 }),
    status: fc.constantFrom<LadderInvoice['status']>(
      'open',
      'open',
      'partially-paid',
      'paid',
      'cancelled',
      'transferred',
    ),
  }),
  { maxLength: 4 },
);
const toInvoices = (list: readonly { offset: number; status: LadderInvoice['status'] }[]): LadderInvoice[] =>
  list.map((x, i) => ({
    id: `inv-${i}`,
    contractId: 'c1',
    dueDate: addDays(start, x.offset),
    status: x.status,
  }));

const promiseArb = fc.option(
  fc.record({ from: fc.integer({ min: 0, max: 60 }), length: fc.integer({ min: 0, max: 7 }) }),
  { nil: undefined },
);

function simulate(contract: Contract, invoices: readonly LadderInvoice[], days: number) {
  let c = contract;
  const histories: number[] = [];
  const firsts: Record<string, number> = {};
  for (let d = 0; d <= days; d++) {
    const date = addDays(start, d);
    const e = evaluateLadder(c, invoices, date, { calendar })._unsafeUnwrap();
    if (e.noticesDue.length > 0) c = recordNotice(c, e.noticesDue, date)._unsafeUnwrap();
    const applied = applyLadder(c, e)._unsafeUnwrap();
    for (const s of applied.steps) firsts[s.to] ??= d;
    const prev = c.history;
    c = applied.contract;
    expect(c.history.slice(0, prev.length)).toEqual(prev);
    histories.push(c.history.length);
    const again = evaluateLadder(c, invoices, date, { calendar })._unsafeUnwrap();
    expect(again.target).toBe(c.status);
  }
  return { contract: c, histories, firsts };
}

test.prop([validLadder(), invoicesArb, promiseArb], { numRuns: 60 })(
  'evaluating every day from D to D+90 ends where evaluating once at D+90 does (notices aside); history only grows',
  (ladder, list, promise) => {
    const base = contractWith(ladder);
    const contract =
      promise === undefined
        ? base
        : {
            ...base,
            paymentPromises: [
              {
                grantedOn: addDays(start, promise.from),
                until: addDays(start, promise.from + promise.length),
              },
            ],
          };
    const invoices = toInvoices(list);
    const daily = simulate(contract, invoices, 90);
    const end = addDays(start, 90);
    const once = applyLadder(
      contract,
      evaluateLadder(contract, invoices, end, { calendar })._unsafeUnwrap(),
    )._unsafeUnwrap();
    expect(daily.contract.status).toBe(once.contract.status);
    for (let i = 1; i < daily.histories.length; i++)
      expect(daily.histories[i]).toBeGreaterThanOrEqual(daily.histories[i - 1]!);
  },
);

test.prop([validLadder(), invoicesArb], { numRuns: 60 })(
  'cancellation never precedes suspension',
  (ladder, list) => {
    const { contract, firsts } = simulate(contractWith(ladder), toInvoices(list), 120);
    if (firsts['cancelled'] !== undefined) {
      expect(firsts['suspended']).toBeDefined();
      expect(firsts['suspended']!).toBeLessThanOrEqual(firsts['cancelled']);
      const toCancel = contract.history.findIndex((h) => h.to === 'cancelled');
      const toSuspend = contract.history.findIndex((h) => h.to === 'suspended');
      expect(toSuspend).toBeGreaterThanOrEqual(0);
      expect(toSuspend).toBeLessThan(toCancel);
    }
  },
);

test.prop(
  [
    validLadder(),
    fc.array(
      fc.record({
        offset: fc.integer({ min: -60, max: 60 }),
        status: fc.constantFrom<LadderInvoice['status']>(
          'open',
          'partially-paid',
          'paid',
          'cancelled',
          'transferred',
        ),
      }),
      { maxLength: 5 },
    ),
    fc.integer({ min: 0, max: 400 }),
  ],
  { numRuns: 100 },
)('a contract with nothing overdue never gets an action', (ladder, list, day) => {
  const date = addDays(start, day);
  const invoices = toInvoices(list).map((i) =>
    (i.status === 'open' || i.status === 'partially-paid') && toEpochDay(i.dueDate) < toEpochDay(date)
      ? { ...i, status: 'paid' as const }
      : i,
  );
  const c = contractWith(ladder);
  const e = evaluateLadder(c, invoices, date, { calendar })._unsafeUnwrap();
  expect(e).toMatchObject({ target: 'active', noticesDue: [], overdueInvoiceIds: [], daysOverdue: 0 });
  expect(applyLadder(c, e)._unsafeUnwrap()).toEqual({
    contract: c,
    steps: [],
    ipChanges: [],
    cancelledInvoiceIds: [],
  });
});
