import { err, ok, type Result } from 'neverthrow';
import type { BillingError } from '../errors';
import { optional, readBoolean, readDay, readEnum, readInteger, readObject } from '../validation/read';

/**
 * Period an invoice refers to (M6):
 * - `due-date`: from the (clamped) due day of the previous month to the day before the due date;
 * - `issue-date`: from the closing (issue) date for one month;
 * - `from-due-date`: prepaid from the due date for one month (WispHub PREPAGO: issue 25 Aug, due 1 Sep,
 *   period 1–30 Sep).
 */
export type PeriodReference = 'due-date' | 'issue-date' | 'from-due-date';
export const PERIOD_REFERENCES: readonly PeriodReference[] = Object.freeze([
  'due-date',
  'issue-date',
  'from-due-date',
]);

export interface BillingCycleSettings {
  /** Day of the month the invoice is issued ("fechamento"), 1–31, clamped to the month's last day. */
  readonly closingDay: number;
  /** Day of the month the invoice is due ("vencimento"), 1–31, clamped to the month's last day. */
  readonly dueDay: number;
  /** Minimum days between issue and due date (default 5). */
  readonly minLeadDays?: number;
  /** Default `due-date`. */
  readonly periodReference?: PeriodReference;
  /** When false, only days 1–28 are accepted (no clamping needed). Default true. */
  readonly allowDays29to31?: boolean;
}

export interface ResolvedCycleSettings {
  readonly closingDay: number;
  readonly dueDay: number;
  readonly minLeadDays: number;
  readonly periodReference: PeriodReference;
}

export const DEFAULT_MIN_LEAD_DAYS = 5;

/** Validates cycle settings and fills in the defaults. */
export function resolveCycleSettings(
  settings: unknown,
  field = 'cycle',
): Result<ResolvedCycleSettings, BillingError> {
  const o = readObject(settings, field);
  if (o.isErr()) return err(o.error);
  const v = o.value;
  const allow = optional(v.allowDays29to31, true, (x) => readBoolean(x, `${field}.allowDays29to31`));
  if (allow.isErr()) return err(allow.error);
  const max = allow.value ? 31 : 28;
  const closingDay = readDay(v.closingDay, `${field}.closingDay`, max);
  if (closingDay.isErr()) return err(closingDay.error);
  const dueDay = readDay(v.dueDay, `${field}.dueDay`, max);
  if (dueDay.isErr()) return err(dueDay.error);
  const minLeadDays = optional(v.minLeadDays, DEFAULT_MIN_LEAD_DAYS, (x) =>
    readInteger(x, `${field}.minLeadDays`, 0, 60),
  );
  if (minLeadDays.isErr()) return err(minLeadDays.error);
  const periodReference = optional(v.periodReference, 'due-date' as PeriodReference, (x) =>
    readEnum(x, `${field}.periodReference`, PERIOD_REFERENCES),
  );
  if (periodReference.isErr()) return err(periodReference.error);
  return ok({
    closingDay: closingDay.value,
    dueDay: dueDay.value,
    minLeadDays: minLeadDays.value,
    periodReference: periodReference.value,
  });
}
