import { err, ok, type Result } from 'neverthrow';
import {
  clampedDate,
  dateOfEpochDay,
  daysInMonth,
  epochDayOf,
  type LocalDate,
  type Period,
  parseYmd,
  shiftMonth,
  type YearMonth,
} from '../dates/local-date';
import type { BillingError } from '../errors';
import { optional, readDate, readYearMonth } from '../validation/read';
import { type BillingCycleSettings, type ResolvedCycleSettings, resolveCycleSettings } from './settings';

export interface BillingCycle {
  /** The month of the closing (issue) date, 'YYYY-MM'. */
  readonly month: YearMonth;
  readonly issueDate: LocalDate;
  readonly dueDate: LocalDate;
  /** Half-open `[start, end)`; print `end − 1 day` as the last day. */
  readonly period: Period;
}

/** Internal: due date = first (clamped) due day on or after issue date + minimum lead. */
export function dueDateCore(s: ResolvedCycleSettings, issueDate: LocalDate): LocalDate {
  const target = dateOfEpochDay(epochDayOf(issueDate) + s.minLeadDays);
  const t = parseYmd(target)!;
  const candidate = clampedDate(t.year, t.month, s.dueDay);
  if (candidate >= target) return candidate;
  const next = shiftMonth(t.year, t.month, 1);
  return clampedDate(next.year, next.month, s.dueDay);
}

const CYCLE_CACHE = new Map<string, BillingCycle>();
const CYCLE_CACHE_LIMIT = 50_000;

/** Internal: the cycle whose closing date is in `year`/`month` (cached: a cycle depends only on the settings). */
export function cycleCore(
  s: ResolvedCycleSettings,
  year: number,
  month: number,
  issueOverride?: LocalDate,
): BillingCycle {
  if (issueOverride !== undefined) return computeCycle(s, year, month, issueOverride);
  const key = `${s.closingDay}|${s.dueDay}|${s.minLeadDays}|${s.periodReference}|${year}|${month}`;
  const hit = CYCLE_CACHE.get(key);
  if (hit !== undefined) return hit;
  const cycle = computeCycle(s, year, month, undefined);
  if (CYCLE_CACHE.size >= CYCLE_CACHE_LIMIT) CYCLE_CACHE.clear();
  CYCLE_CACHE.set(key, cycle);
  return cycle;
}

function computeCycle(
  s: ResolvedCycleSettings,
  year: number,
  month: number,
  issueOverride?: LocalDate,
): BillingCycle {
  const closing = clampedDate(year, month, s.closingDay);
  const issueDate = issueOverride ?? closing;
  const dueDate = dueDateCore(s, issueDate);
  let period: Period;
  if (s.periodReference === 'issue-date') {
    const next = shiftMonth(year, month, 1);
    period = { start: closing, end: clampedDate(next.year, next.month, s.closingDay) };
  } else if (s.periodReference === 'from-due-date') {
    const d = parseYmd(dueDate)!;
    const next = shiftMonth(d.year, d.month, 1);
    period = { start: dueDate, end: clampedDate(next.year, next.month, s.dueDay) };
  } else {
    const d = parseYmd(dueDate)!;
    const prev = shiftMonth(d.year, d.month, -1);
    period = { start: clampedDate(prev.year, prev.month, s.dueDay), end: dueDate };
  }
  return Object.freeze({ month: closing.slice(0, 7), issueDate, dueDate, period: Object.freeze(period) });
}

/**
 * The billing cycle of a month (M6): issue on the clamped closing day, due on the first clamped due day at
 * least `minLeadDays` later, and the period by due date or by issue date. Always computed from the anchor
 * days, so there is no drift. `issueDate` overrides the issue date (invoices issued on demand).
 */
export function billingCycle(
  settings: BillingCycleSettings,
  month: YearMonth,
  options?: { readonly issueDate?: LocalDate },
): Result<BillingCycle, BillingError> {
  const s = resolveCycleSettings(settings);
  if (s.isErr()) return err(s.error);
  const m = readYearMonth(month, 'month');
  if (m.isErr()) return err(m.error);
  const issue = optional<LocalDate | undefined>(options?.issueDate, undefined, (x) =>
    readDate(x, 'issueDate'),
  );
  if (issue.isErr()) return err(issue.error);
  const year = Number(m.value.slice(0, 4));
  const mon = Number(m.value.slice(5, 7));
  return ok(cycleCore(s.value, year, mon, issue.value));
}

/** The due date of an invoice issued on `issueDate` under these settings. */
export function dueDateFor(
  settings: BillingCycleSettings,
  issueDate: LocalDate,
): Result<LocalDate, BillingError> {
  const s = resolveCycleSettings(settings);
  if (s.isErr()) return err(s.error);
  const d = readDate(issueDate, 'issueDate');
  if (d.isErr()) return err(d.error);
  return ok(dueDateCore(s.value, d.value));
}

/** Internal: whether `date` is the (clamped) closing date of its month. */
export function isClosingDateCore(closingDay: number, date: LocalDate): boolean {
  const ymd = parseYmd(date);
  if (ymd === undefined) return false;
  const last = daysInMonth(ymd.year, ymd.month);
  return ymd.day === Math.min(closingDay, last);
}

/**
 * Whether `date` is a closing (issue) date under these settings — cheap, for daily runs. When it is, the
 * cycle is `billingCycle(settings, date.slice(0, 7))`.
 */
export function isClosingDate(
  settings: BillingCycleSettings,
  date: LocalDate,
): Result<boolean, BillingError> {
  const s = resolveCycleSettings(settings);
  if (s.isErr()) return err(s.error);
  const d = readDate(date, 'date');
  if (d.isErr()) return err(d.error);
  return ok(isClosingDateCore(s.value.closingDay, d.value));
}
