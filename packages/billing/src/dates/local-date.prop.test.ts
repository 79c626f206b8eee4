import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { addDays, clampDay, daysBetween } from './date-math';
import { dateOfEpochDay, dayOfWeek, epochDayOf, parseYmd } from './local-date';

const epochDay = fc.integer({ min: -300_000, max: 2_900_000 });

test.prop([epochDay])('epoch days agree with Date.UTC and round-trip', (n) => {
  const date = dateOfEpochDay(n);
  expect(new Date(n * 86_400_000).toISOString().slice(0, 10)).toBe(date);
  expect(epochDayOf(date)).toBe(n);
  expect(dayOfWeek(date)).toBe(new Date(n * 86_400_000).getUTCDay());
});

test.prop([epochDay, fc.integer({ min: -5000, max: 5000 })])(
  'addDays and daysBetween are inverse',
  (n, k) => {
    const date = dateOfEpochDay(n);
    const later = addDays(date, k)._unsafeUnwrap();
    expect(daysBetween(date, later)._unsafeUnwrap()).toBe(k);
  },
);

test.prop([
  fc.integer({ min: 1000, max: 9999 }),
  fc.integer({ min: 1, max: 12 }),
  fc.integer({ min: 1, max: 31 }),
])(
  'clamped days are real dates in the same month, never past day 28 unless the month has it',
  (year, month, day) => {
    const ym = `${year}-${String(month).padStart(2, '0')}`;
    const date = clampDay(ym, day)._unsafeUnwrap();
    expect(date.slice(0, 7)).toBe(ym);
    const parsed = parseYmd(date);
    expect(parsed).toBeDefined();
    expect(parsed!.day).toBe(Math.min(day, new Date(Date.UTC(year, month, 0)).getUTCDate()));
  },
);
