import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { calendar } from './calendar';
import { addDays, daysBetween } from './date-math';

const epochDay = fc.integer({ min: -300_000, max: 2_800_000 }); // years 1148 … 9636
const day = epochDay.map((n) => calendar.fromEpochDay(n));
const garbage = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '2025-02-29',
    '2024-13-01',
    '2024-00-10',
    '0999-12-31',
    '2024-1-01',
    '2024-01-32',
    ' 2024-01-01',
  ),
  fc.anything(),
);

describe('calendar (fast, unchecked primitives)', () => {
  test.prop([epochDay])('epoch day → date → epoch day is the identity; the date matches UTC', (n) => {
    const date = calendar.fromEpochDay(n);
    expect(calendar.toEpochDay(date)).toBe(n);
    expect(new Date(n * 86_400_000).toISOString().slice(0, 10)).toBe(date);
    expect(calendar.weekdayOfEpochDay(n)).toBe(new Date(n * 86_400_000).getUTCDay());
  });

  test.prop([day, fc.integer({ min: -20_000, max: 20_000 })])(
    'agrees with the checked addDays and daysBetween',
    (date, days) => {
      const later = calendar.addDays(date, days);
      expect(addDays(date, days)._unsafeUnwrap()).toBe(later);
      expect(calendar.daysBetween(date, later)).toBe(days);
      expect(daysBetween(date, later)._unsafeUnwrap()).toBe(days);
    },
  );

  test.prop([
    garbage.filter(
      (v) =>
        typeof v !== 'string' ||
        !/^[1-9]\d{3}-\d{2}-\d{2}$/.test(v) ||
        Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ||
        new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v,
    ),
  ])('anything that is not a real YYYY-MM-DD parses to NaN, never throws', (value) => {
    expect(calendar.toEpochDay(value)).toBeNaN();
  });

  test.prop([fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 })])(
    'daysInMonth is the gap to the next month',
    (year, month) => {
      const next =
        month === 12 ? calendar.epochDayOfYmd(year + 1, 1, 1) : calendar.epochDayOfYmd(year, month + 1, 1);
      expect(next - calendar.epochDayOfYmd(year, month, 1)).toBe(calendar.daysInMonth(year, month));
      expect(calendar.isLeapYear(year)).toBe(calendar.daysInMonth(year, 2) === 29);
    },
  );
});
