import { err, ok, type Result } from 'neverthrow';
import type { Contract, ContractStatus, PaymentPromise } from '../contract/types';
import { type ContractsError, invalidDate, invalidInput, invoiceMismatch } from '../errors';
import { fromEpochDay, type LocalDate, toEpochDay, weekdayOfEpochDay } from '../internal/local-date';
import type { HolidayCalendar } from '../ports/holiday-calendar';
import type { LadderInvoice } from './invoice-view';
import { type OverdueLadder, WEEKDAYS } from './types';
import { validateLadder } from './validate-ladder';

/** The dates the ladder's steps fall on for the oldest unpaid invoice. */
export interface LadderSchedule {
  readonly effectiveDueDate: LocalDate;
  readonly noticeOn?: LocalDate;
  readonly throttleOn?: LocalDate;
  readonly suspendOn?: LocalDate;
  readonly cancelOn?: LocalDate;
}

/** What must be true for a contract on a date (level-based: evaluating twice gives the same answer). */
export interface LadderEvaluation {
  readonly contractId: string;
  readonly date: LocalDate;
  readonly current: ContractStatus;
  /** The status the contract must have today. */
  readonly target: ContractStatus;
  /** Calendar days the oldest unpaid invoice is overdue (0 when nothing is). */
  readonly daysOverdue: number;
  readonly oldestOverdueInvoiceId?: string;
  readonly overdueInvoiceIds: readonly string[];
  /** Invoices whose overdue notice is due today or earlier and has not been recorded as sent. */
  readonly noticesDue: readonly string[];
  /** Set when a payment promise holds the ladder today. */
  readonly promiseUntil?: LocalDate;
  readonly schedule?: LadderSchedule;
  readonly reason: string;
}

export interface EvaluateLadderOptions {
  /** Holidays that defer suspensions and move due dates (with weekends) to the effective due date. */
  readonly calendar: HolidayCalendar;
  /** Overrides the contract's ladder. */
  readonly ladder?: OverdueLadder;
  /** Where days late are counted from when the invoice does not say: `effective-due-date` by default. */
  readonly lateFrom?: 'effective-due-date' | 'original-due-date';
}

interface CompiledLadder {
  readonly notice: number;
  readonly throttle: number;
  readonly suspend: number;
  readonly cancel: number;
  readonly exceptMask: number;
  readonly exceptHolidays: boolean;
  readonly anchorSuspension: boolean;
}

const compiled = new WeakMap<object, CompiledLadder>();

function compile(ladder: OverdueLadder): Result<CompiledLadder, ContractsError> {
  const hit = compiled.get(ladder);
  if (hit !== undefined) return ok(hit);
  const valid = validateLadder(ladder);
  if (valid.isErr()) return err(valid.error);
  const l = valid.value;
  let mask = 0;
  for (const w of l.suspendExceptWeekdays) mask |= 1 << WEEKDAYS.indexOf(w);
  const c: CompiledLadder = {
    notice: l.noticeAfterDays ?? Number.POSITIVE_INFINITY,
    throttle: l.throttleAfterDays ?? Number.POSITIVE_INFINITY,
    suspend: l.suspendAfterDays ?? Number.POSITIVE_INFINITY,
    cancel: l.cancelAfterDays ?? Number.POSITIVE_INFINITY,
    exceptMask: mask,
    exceptHolidays: l.suspendExceptHolidays,
    anchorSuspension: l.cancelAnchor === 'suspension',
  };
  compiled.set(ladder, c);
  return ok(c);
}

const WEEKEND_MASK = 0b1000001;
const LOOKAHEAD = 400;

/** The first day ≥ `day` that is not in `mask` and (with `holidays`) not a holiday. */
function firstAllowed(day: number, mask: number, holidays: boolean, calendar: HolidayCalendar): number {
  let d = day;
  for (let i = 0; i < LOOKAHEAD; i++, d++) {
    if ((mask >> weekdayOfEpochDay(d)) & 1) continue;
    if (holidays && calendar.isHoliday(fromEpochDay(d))) continue;
    return d;
  }
  return d;
}

/** The effective due date: the first business day (not Saturday, Sunday or a holiday) on or after `due`. */
export function effectiveDueEpochDay(due: number, calendar: HolidayCalendar): number {
  return firstAllowed(due, WEEKEND_MASK, true, calendar);
}

const NONE: readonly never[] = Object.freeze([]);

function noticeSent(sent: readonly { readonly invoiceId: string }[], invoiceId: string): boolean {
  for (let i = 0; i < sent.length; i++) if (sent[i]!.invoiceId === invoiceId) return true;
  return false;
}

const reasonFor = (target: ContractStatus, days: number, invoiceId: string | undefined): string =>
  invoiceId === undefined ? 'nothing overdue' : `${target}: invoice ${invoiceId} overdue ${days} day(s)`;

/**
 * Evaluates the overdue ladder (M6) for one contract on one date. Level-based: the answer is what must be
 * true that day, derived only from the contract, its invoices and the date — running the same day twice
 * changes nothing, and a missed day catches up. A payment promise (X4) holds the ladder until its date;
 * with nothing overdue the target is `active` (paying restores the service, X5). Cancelled contracts stay
 * cancelled. Cancellation never precedes suspension.
 *
 * Cheap when nothing is overdue: no money arithmetic and no calendar look-ups.
 */
export function evaluateLadder(
  contract: Contract,
  invoices: readonly LadderInvoice[],
  date: LocalDate,
  options: EvaluateLadderOptions,
): Result<LadderEvaluation, ContractsError> {
  const today = toEpochDay(date);
  if (Number.isNaN(today)) return err(invalidDate('date', 'date must be a calendar date YYYY-MM-DD'));
  if (typeof contract !== 'object' || contract === null || typeof contract.id !== 'string') {
    return err(invalidInput('contract', 'contract must be a contract'));
  }
  if (!Array.isArray(invoices)) return err(invalidInput('invoices', 'invoices must be an array'));
  const current = contract.status;
  if (current === 'cancelled') {
    return ok({
      contractId: contract.id,
      date,
      current,
      target: 'cancelled',
      daysOverdue: 0,
      overdueInvoiceIds: NONE,
      noticesDue: NONE,
      reason: 'cancelled contracts come back only through reactivation',
    });
  }
  const calendar = options?.calendar;
  if (typeof calendar?.isHoliday !== 'function')
    return err(invalidInput('calendar', 'calendar must be a HolidayCalendar'));

  // Pass 1: is any unpaid invoice past its (original) due date? Nothing else is touched when none.
  let candidates = 0;
  for (let i = 0; i < invoices.length; i++) {
    const inv = invoices[i]!;
    if (inv.status !== 'open' && inv.status !== 'partially-paid') continue;
    const due = toEpochDay(inv.dueDate);
    if (Number.isNaN(due))
      return err(invalidDate(`invoices[${i}].dueDate`, `invoices[${i}].dueDate must be YYYY-MM-DD`));
    if (inv.contractId !== contract.id) {
      return err(
        invoiceMismatch(`invoices[${i}].contractId`, `invoice ${inv.id} belongs to another contract`),
      );
    }
    if (due < today) candidates++;
  }
  if (candidates === 0) {
    return ok({
      contractId: contract.id,
      date,
      current,
      target: 'active',
      daysOverdue: 0,
      overdueInvoiceIds: NONE,
      noticesDue: NONE,
      reason: 'nothing overdue',
    });
  }

  const ladder = compile(options.ladder ?? contract.invoiceSettings.ladder);
  if (ladder.isErr()) return err(ladder.error);
  const l = ladder.value;
  const lateFromDefault = options.lateFrom ?? 'effective-due-date';

  let oldest: LadderInvoice | undefined;
  let oldestDue = Number.POSITIVE_INFINITY;
  const overdue: string[] = [];
  const noticesDue: string[] = [];
  const sent = contract.notices;
  for (let i = 0; i < invoices.length; i++) {
    const inv = invoices[i]!;
    if (inv.status !== 'open' && inv.status !== 'partially-paid') continue;
    const due = toEpochDay(inv.dueDate);
    if (due >= today) continue;
    const lateFrom = inv.terms?.lateFrom ?? lateFromDefault;
    const effective = lateFrom === 'original-due-date' ? due : effectiveDueEpochDay(due, calendar);
    if (effective >= today) continue;
    overdue.push(inv.id);
    if (effective < oldestDue || (effective === oldestDue && oldest !== undefined && inv.id < oldest.id)) {
      oldest = inv;
      oldestDue = effective;
    }
    if (effective + l.notice <= today && !noticeSent(sent, inv.id)) noticesDue.push(inv.id);
  }
  if (oldest === undefined) {
    return ok({
      contractId: contract.id,
      date,
      current,
      target: 'active',
      daysOverdue: 0,
      overdueInvoiceIds: NONE,
      noticesDue: NONE,
      reason: 'nothing overdue (due dates moved to the next business day)',
    });
  }
  overdue.sort();
  noticesDue.sort();
  const daysOverdue = today - oldestDue;
  const suspendOn =
    l.suspend === Number.POSITIVE_INFINITY
      ? Number.POSITIVE_INFINITY
      : firstAllowed(oldestDue + l.suspend, l.exceptMask, l.exceptHolidays, calendar);
  const cancelOn =
    l.cancel === Number.POSITIVE_INFINITY
      ? Number.POSITIVE_INFINITY
      : l.anchorSuspension
        ? suspendOn + l.cancel
        : Math.max(oldestDue + l.cancel, suspendOn);
  const schedule: LadderSchedule = {
    effectiveDueDate: fromEpochDay(oldestDue),
    ...(l.notice === Number.POSITIVE_INFINITY ? {} : { noticeOn: fromEpochDay(oldestDue + l.notice) }),
    ...(l.throttle === Number.POSITIVE_INFINITY ? {} : { throttleOn: fromEpochDay(oldestDue + l.throttle) }),
    ...(suspendOn === Number.POSITIVE_INFINITY ? {} : { suspendOn: fromEpochDay(suspendOn) }),
    ...(cancelOn === Number.POSITIVE_INFINITY ? {} : { cancelOn: fromEpochDay(cancelOn) }),
  };

  let promise: PaymentPromise | undefined;
  for (const p of contract.paymentPromises) {
    if (toEpochDay(p.grantedOn) <= today && today <= toEpochDay(p.until)) {
      promise = p;
      break;
    }
  }
  if (promise !== undefined) {
    return ok({
      contractId: contract.id,
      date,
      current,
      target: 'active',
      daysOverdue,
      oldestOverdueInvoiceId: oldest.id,
      overdueInvoiceIds: overdue,
      noticesDue: NONE,
      promiseUntil: promise.until,
      schedule,
      reason: `payment promise until ${promise.until}`,
    });
  }

  const target: ContractStatus =
    today >= cancelOn
      ? 'cancelled'
      : today >= suspendOn
        ? 'suspended'
        : today >= oldestDue + l.throttle
          ? 'throttled'
          : 'active';
  return ok({
    contractId: contract.id,
    date,
    current,
    target,
    daysOverdue,
    oldestOverdueInvoiceId: oldest.id,
    overdueInvoiceIds: overdue,
    noticesDue,
    schedule,
    reason: reasonFor(target, daysOverdue, oldest.id),
  });
}
