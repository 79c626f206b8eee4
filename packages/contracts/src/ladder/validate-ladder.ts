import { err, ok, type Result, safeTry } from 'neverthrow';
import { type ContractsError, invalidInput, type JurisdictionFinding, unorderedLadder } from '../errors';
import { deepFreeze, readBoolean, readEach, readEnum, readInteger, readRecord } from '../internal/read';
import { type OverdueLadder, WEEKDAYS, type Weekday } from './types';

const MAX_DAYS = 3650;
const STEPS = ['noticeAfterDays', 'throttleAfterDays', 'suspendAfterDays', 'cancelAfterDays'] as const;

/**
 * Validates a ladder: integer thresholds 1–3650 (cancel 0–3650 when anchored on the suspension), ordered
 * notice ≤ throttle ≤ suspend (≤ cancel under interpretation A), cancellation only with a suspension step,
 * and at least one weekday on which suspensions may happen.
 */
export function validateLadder(input: unknown, field = 'ladder'): Result<OverdueLadder, ContractsError> {
  return safeTry(function* () {
    const v = yield* readRecord(input, field);
    const cancelAnchor =
      v['cancelAnchor'] === undefined
        ? 'due-date'
        : yield* readEnum(v['cancelAnchor'], `${field}.cancelAnchor`, ['due-date', 'suspension'] as const);
    const days: Partial<Record<(typeof STEPS)[number], number>> = {};
    for (const step of STEPS) {
      if (v[step] === undefined || v[step] === null) continue;
      const min = step === 'cancelAfterDays' && cancelAnchor === 'suspension' ? 0 : 1;
      days[step] = yield* readInteger(v[step], `${field}.${step}`, min, MAX_DAYS);
    }
    const weekdays =
      v['suspendExceptWeekdays'] === undefined
        ? []
        : yield* readEach(
            v['suspendExceptWeekdays'],
            `${field}.suspendExceptWeekdays`,
            (w, f) => readEnum(w, f, WEEKDAYS),
            7,
          );
    const unique = [...new Set<Weekday>(weekdays)].sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));
    if (unique.length === 7) {
      return err(
        invalidInput(`${field}.suspendExceptWeekdays`, 'at least one weekday must allow suspensions'),
      );
    }
    const exceptHolidays =
      v['suspendExceptHolidays'] === undefined
        ? false
        : yield* readBoolean(v['suspendExceptHolidays'], `${field}.suspendExceptHolidays`);

    const ordered: Array<(typeof STEPS)[number]> = [
      'noticeAfterDays',
      'throttleAfterDays',
      'suspendAfterDays',
    ];
    if (cancelAnchor === 'due-date') ordered.push('cancelAfterDays');
    let previous: { step: string; value: number } | undefined;
    for (const step of ordered) {
      const value = days[step];
      if (value === undefined) continue;
      if (previous !== undefined && value < previous.value) {
        return err(
          unorderedLadder(
            `${field}.${step}`,
            `${field}.${step} (${value}) must not come before ${previous.step} (${previous.value})`,
          ),
        );
      }
      previous = { step, value };
    }
    if (days.cancelAfterDays !== undefined && days.suspendAfterDays === undefined) {
      return err(
        unorderedLadder(
          `${field}.cancelAfterDays`,
          'a ladder that cancels must suspend first: set suspendAfterDays',
        ),
      );
    }
    return ok(
      deepFreeze({
        ...days,
        suspendExceptWeekdays: unique,
        suspendExceptHolidays: exceptHolidays,
        cancelAnchor,
      }),
    );
  });
}

/** Non-blocking findings of a valid ladder (e.g. `CANCEL_NOT_AFTER_SUSPEND` under interpretation A). */
export function ladderWarnings(ladder: OverdueLadder): readonly JurisdictionFinding[] {
  const out: JurisdictionFinding[] = [];
  if (
    ladder.cancelAnchor === 'due-date' &&
    ladder.cancelAfterDays !== undefined &&
    ladder.suspendAfterDays !== undefined &&
    ladder.cancelAfterDays <= ladder.suspendAfterDays
  ) {
    out.push({
      code: 'CANCEL_NOT_AFTER_SUSPEND',
      severity: 'warning',
      field: 'ladder.cancelAfterDays',
      message:
        'cancellation is due with the suspension: it will run in the same pass, right after suspending',
    });
  }
  return out;
}
