import { describe, expect, it } from 'vitest';
import { brHolidays2026, invoice, makeContract } from '../../test/fixtures';
import type { Contract } from '../contract/types';
import { addDays } from '../internal/local-date';
import { applyLadder } from './apply-ladder';
import { evaluateLadder } from './evaluate-ladder';
import type { LadderInvoice } from './invoice-view';
import { recordNotice } from './record-notice';
import { BR_CONSUMER_LADDER, type OverdueLadder, WEBMIKROTIK_LADDER } from './types';

const calendar = brHolidays2026;

/** Runs the ladder every day from `from` to `to`, recording the first day each event happened. */
function daily(
  contract: Contract,
  invoices: (date: string) => readonly LadderInvoice[],
  from: string,
  to: string,
) {
  const firsts: Record<string, string> = {};
  let c = contract;
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const e = evaluateLadder(c, invoices(d), d, { calendar })._unsafeUnwrap();
    if (e.noticesDue.length > 0) {
      firsts['notice'] ??= d;
      c = recordNotice(c, e.noticesDue, d)._unsafeUnwrap();
    }
    const applied = applyLadder(c, e)._unsafeUnwrap();
    for (const step of applied.steps) firsts[step.to === 'active' ? 'restored' : step.to] ??= d;
    c = applied.contract;
  }
  return { firsts, contract: c };
}

describe('evaluateLadder — golden vectors (billing-rules §8.6)', () => {
  const ladderB: OverdueLadder = { ...WEBMIKROTIK_LADDER, cancelAnchor: 'suspension' };

  it('V36: due Wed 2026-06-10, never paid — suspension deferred from Sat 06-20 to Mon 06-22, cancel with it (A)', () => {
    const { firsts } = daily(
      makeContract(),
      () => [invoice('inv-jun', '2026-06-10')],
      '2026-06-10',
      '2026-08-31',
    );
    expect(firsts).toEqual({
      notice: '2026-06-11',
      throttled: '2026-06-13',
      suspended: '2026-06-22',
      cancelled: '2026-06-22',
    });
  });

  it('V36 under interpretation B: cancel 10 days after the suspension, Thu 07-02', () => {
    const { firsts } = daily(
      makeContract({}, ladderB),
      () => [invoice('inv-jun', '2026-06-10')],
      '2026-06-10',
      '2026-08-31',
    );
    expect(firsts['suspended']).toBe('2026-06-22');
    expect(firsts['cancelled']).toBe('2026-07-02');
  });

  it('V37: due Tue 2026-11-10 — day 10 is Consciência Negra, suspension Mon 11-23 (day 13)', () => {
    const { firsts } = daily(
      makeContract(),
      () => [invoice('inv-nov', '2026-11-10')],
      '2026-11-10',
      '2026-12-31',
    );
    expect(firsts).toEqual({
      notice: '2026-11-11',
      throttled: '2026-11-13',
      suspended: '2026-11-23',
      cancelled: '2026-11-23',
    });
    const b = daily(
      makeContract({}, ladderB),
      () => [invoice('inv-nov', '2026-11-10')],
      '2026-11-10',
      '2026-12-31',
    );
    expect(b.firsts['cancelled']).toBe('2026-12-03');
  });

  it('V37b: due Fri 2026-04-10 (control) — no deferral, suspension Mon 04-20 (day 10)', () => {
    const { firsts } = daily(
      makeContract(),
      () => [invoice('inv-apr', '2026-04-10')],
      '2026-04-10',
      '2026-05-31',
    );
    expect(firsts).toEqual({
      notice: '2026-04-11',
      throttled: '2026-04-13',
      suspended: '2026-04-20',
      cancelled: '2026-04-20',
    });
    const b = daily(
      makeContract({}, ladderB),
      () => [invoice('inv-apr', '2026-04-10')],
      '2026-04-10',
      '2026-05-31',
    );
    expect(b.firsts['cancelled']).toBe('2026-04-30');
  });

  it('V38: V36 paid Mon 06-15 — noticed, throttled, restored on payment, never suspended', () => {
    const invoices = (d: string) => [invoice('inv-jun', '2026-06-10', d >= '2026-06-15' ? 'paid' : 'open')];
    const { firsts, contract } = daily(makeContract(), invoices, '2026-06-10', '2026-08-31');
    expect(firsts).toEqual({ notice: '2026-06-11', throttled: '2026-06-13', restored: '2026-06-15' });
    expect(contract.status).toBe('active');
  });

  it('V39: the BR-consumer ladder on V36 — suspension Mon 06-29, rescission Fri 08-28', () => {
    const { firsts } = daily(
      makeContract({}, BR_CONSUMER_LADDER),
      () => [invoice('inv-jun', '2026-06-10')],
      '2026-06-10',
      '2026-09-30',
    );
    expect(firsts).toEqual({ notice: '2026-06-11', suspended: '2026-06-29', cancelled: '2026-08-28' });
  });
});

describe('evaluateLadder — behaviour', () => {
  it('with nothing overdue the target is active and nothing is due', () => {
    const e = evaluateLadder(
      makeContract(),
      [invoice('a', '2026-06-10', 'paid'), invoice('b', '2026-07-10')],
      '2026-07-10',
      {
        calendar,
      },
    )._unsafeUnwrap();
    expect(e).toMatchObject({ target: 'active', daysOverdue: 0, noticesDue: [], overdueInvoiceIds: [] });
  });

  it('counts from the effective due date: due Sat 2026-10-10, Mon 10-12 holiday → effective Tue 10-13', () => {
    const e = evaluateLadder(makeContract(), [invoice('a', '2026-10-10')], '2026-10-13', {
      calendar,
    })._unsafeUnwrap();
    expect(e.daysOverdue).toBe(0);
    const next = evaluateLadder(makeContract(), [invoice('a', '2026-10-10')], '2026-10-14', {
      calendar,
    })._unsafeUnwrap();
    expect(next).toMatchObject({
      daysOverdue: 1,
      noticesDue: ['a'],
      schedule: { effectiveDueDate: '2026-10-13' },
    });
    const original = evaluateLadder(makeContract(), [invoice('a', '2026-10-10')], '2026-10-13', {
      calendar,
      lateFrom: 'original-due-date',
    })._unsafeUnwrap();
    expect(original.daysOverdue).toBe(3);
  });

  it('uses the oldest unpaid invoice and lists every overdue one', () => {
    const e = evaluateLadder(
      makeContract(),
      [invoice('b', '2026-07-10'), invoice('a', '2026-06-10'), invoice('c', '2026-05-10', 'transferred')],
      '2026-07-14',
      { calendar },
    )._unsafeUnwrap();
    expect(e).toMatchObject({
      oldestOverdueInvoiceId: 'a',
      overdueInvoiceIds: ['a', 'b'],
      target: 'cancelled',
    });
  });

  it('a payment promise holds the ladder until its date, then catches up', () => {
    const c = { ...makeContract(), paymentPromises: [{ grantedOn: '2026-06-20', until: '2026-06-25' }] };
    const held = evaluateLadder(c, [invoice('a', '2026-06-10')], '2026-06-24', { calendar })._unsafeUnwrap();
    expect(held).toMatchObject({ target: 'active', promiseUntil: '2026-06-25', noticesDue: [] });
    const after = evaluateLadder(c, [invoice('a', '2026-06-10')], '2026-06-26', { calendar })._unsafeUnwrap();
    expect(after.target).toBe('cancelled');
  });

  it('keeps a cancelled contract cancelled whatever the invoices say', () => {
    const c = { ...makeContract(), status: 'cancelled' as const };
    expect(evaluateLadder(c, [], '2026-06-10', { calendar })._unsafeUnwrap().target).toBe('cancelled');
  });

  it('rejects bad dates, foreign invoices and bad calendars with typed errors', () => {
    const c = makeContract();
    expect(evaluateLadder(c, [], '2026-02-30', { calendar })._unsafeUnwrapErr()).toMatchObject({
      type: 'InvalidDate',
      field: 'date',
    });
    expect(
      evaluateLadder(c, [invoice('x', '2026-06-10', 'open', 'other')], '2026-07-01', {
        calendar,
      })._unsafeUnwrapErr(),
    ).toMatchObject({ type: 'InvoiceMismatch', field: 'invoices[0].contractId' });
    expect(
      evaluateLadder(c, [invoice('x', '10/06/2026')], '2026-07-01', { calendar })._unsafeUnwrapErr(),
    ).toMatchObject({
      type: 'InvalidDate',
      field: 'invoices[0].dueDate',
    });
    expect(
      evaluateLadder(c, [invoice('x', '2026-06-10')], '2026-07-01', {
        calendar: {} as never,
      })._unsafeUnwrapErr(),
    ).toMatchObject({ type: 'InvalidInput', field: 'calendar' });
  });
});
